// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The seed example: ctx stays live across bpf_get_smp_processor_id().
 *
 * Plain clang-19 must park ctx in a callee-saved register (r6) because the
 * call clobbers r0-r5.  With the nocsr plugin the call clobbers only r0, so
 * ctx stays in r3 where the next call wants it, wrapped in one spill/fill
 * pair that Linux >= 6.12 deletes while inlining the helper.
 *
 *   clang-19 -fplugin=build/plugin/libnocsr.so --target=bpf -O2 -g \
 *	-Iinclude -c examples/seed.bpf.c -o seed.bpf.o
 */
#include <linux/types.h>
#include "nocsr/bpf_fastcall.h"

#define SEC(name) __attribute__((section(name), used))

static __bpf_fastcall __u32 (*const bpf_get_smp_processor_id)(void) = (void *)8;
static long (*const bpf_trace_printk)(const char *fmt, __u32 fmt_size, ...) = (void *)6;

SEC("raw_tp/sys_enter")
int seed(void *ctx)
{
	static const char fmt[] = "ctx %lx on cpu %u\n";
	__u32 cpu = bpf_get_smp_processor_id();

	bpf_trace_printk(fmt, sizeof(fmt), (long)ctx, cpu);
	return cpu;
}

char LICENSE[] SEC("license") = "GPL";
