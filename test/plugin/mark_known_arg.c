// bpf_get_smp_processor_id declared without __bpf_fastcall (as in Debian
// 12's libbpf) is an ordinary call: the value moves to r6.  With
// -fplugin-arg-nocsr-mark-known (or -mllvm -nocsr-mark-known) the kernel's
// fastcall list marks it and the value stays in r1 with a pair.  Unknown
// plugin arguments are an error.
// RUN: %bpfcc -O2 -c %s -o %t.o -Rpass-missed=nocsr 2>&1 | FileCheck %s --check-prefix=MISSED
// RUN: %objdump %t.o | FileCheck %s --check-prefix=PLAIN
// RUN: %bpfcc -O2 -c %s -o %t.known.o -fplugin-arg-nocsr-mark-known -Rpass=nocsr 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %objdump %t.known.o | FileCheck %s --check-prefix=KNOWN
// RUN: %bpfcc -O2 -c %s -o %t.mllvm.o -mllvm -nocsr-mark-known
// RUN: cmp %t.known.o %t.mllvm.o
// RUN: not %bpfcc -O2 -c %s -o %t.bad.o -fplugin-arg-nocsr-bogus 2>&1 | FileCheck %s --check-prefix=BAD
#include <linux/types.h>

#define SEC(name) __attribute__((section(name), used))
static __u32 (*const bpf_get_smp_processor_id)(void) = (void *)8;
char LICENSE[] SEC("license") = "GPL";

SEC("raw_tp")
int known(__u64 *ctx)
{
	__u64 a = ctx[0];

	return bpf_get_smp_processor_id() + a;
}
// MISSED: remark: call to bpf_get_smp_processor_id#8 not paired: not marked bpf_fastcall (declare it __bpf_fastcall or pass -fplugin-arg-nocsr-mark-known)
// PLAIN: r6 = *(u64 *)(r1 + 0x0)
// PLAIN-NEXT: call 0x8
// REMARK: remark: fastcall bpf_get_smp_processor_id#8: 1 pair: r1 at r10-8 (marked by mark-known)
// KNOWN: r1 = *(u64 *)(r1 + 0x0)
// KNOWN-NEXT: *(u64 *)(r10 - 0x8) = r1
// KNOWN-NEXT: call 0x8
// KNOWN-NEXT: r1 = *(u64 *)(r10 - 0x8)
// BAD: error: nocsr: unknown plugin argument 'bogus' (known: mark-known)
