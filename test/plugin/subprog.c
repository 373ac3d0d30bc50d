// Each function gets its own slots below its own frame: the subprogram
// (8 bytes of locals) pairs at r10-16, the entry (no locals) at r10-8.
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -c %s -o %t.o
// RUN: %objdump %t.o | FileCheck %s
#include "nocsr_test.h"

__attribute__((noinline)) static int sub(__u64 *p, __u64 a)
{
	__u64 v = 0;

	bpf_probe_read_kernel(&v, sizeof(v), p);
	return v + bpf_get_smp_processor_id() * a + a;
}

SEC("raw_tp")
int entry(__u64 *ctx)
{
	__u64 a = ctx[0];

	return sub(ctx, bpf_get_smp_processor_id() + a) + a;
}
// CHECK-LABEL: <sub>:
// CHECK: *(u64 *)(r10 - 0x10) = r{{[0-5]}}
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r{{[0-5]}} = *(u64 *)(r10 - 0x10)
// CHECK-LABEL: <entry>:
// CHECK: *(u64 *)(r10 - 0x8) = r{{[0-5]}}
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r{{[0-5]}} = *(u64 *)(r10 - 0x8)
