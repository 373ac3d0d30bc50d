// nocsr-run: fastcall kfuncs (turned into r0 = r1 by the verifier), a
// trace_printk through .rodata, and --dump of what both forms wrote: the
// __sk_buff a tc program gets (len 64, pkt_type 3, mark written) and the
// packet.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %build/bin/nocsr-run %t.o --cpu 3 --dump | FileCheck %s
#include "nocsr_test.h"

extern void *bpf_cast_to_kern_ctx(void *obj) __ksym;
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym;

SEC("tc") int kfuncs(void *ctx)
{
	static const char fmt[] = "cpu %u same %d\n";
	void *k = bpf_cast_to_kern_ctx(ctx);
	int same = bpf_rdonly_cast(k, 1) == ctx;

	bpf_trace_printk(fmt, sizeof(fmt), bpf_get_smp_processor_id(), same);
	*(volatile __u32 *)(ctx + 8) = 0x11223344;	/* mark */
	return same;
}

// CHECK:      kfuncs: compiled  r0=0x1 {{.*}} calls=4 fastcalls=0
// CHECK:      --- compiled memory
// CHECK-NEXT: ctx: 192 bytes
// CHECK-NEXT:   0000: 40 00 00 00 03 00 00 00 44 33 22 11 00 00 00 00
// CHECK:      packet: 64 bytes
// CHECK-NEXT:   0000: 02 00 00 00 00 02 02 00 00 00 00 01 08 00 45 00
// CHECK:      --- compiled trace_printk
// CHECK-NEXT: cpu 3 same 1
// CHECK:      kfuncs: rewritten r0=0x1 {{.*}} calls=2 fastcalls=1
// CHECK:      --- rewritten trace_printk
// CHECK-NEXT: cpu 3 same 1
// CHECK:      kfuncs: same over 4 seeds
