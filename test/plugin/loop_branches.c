// A fastcall in both arms of a branch inside a loop.
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -c %s -o %t.o
// RUN: %objdump %t.o | FileCheck %s
#include "nocsr_test.h"

SEC("raw_tp")
int loop(__u64 *ctx)
{
	__u64 acc = ctx[0], x = ctx[1];
	int i;

	for (i = 0; i < 16; i++) {
		if (x & 1)
			acc += bpf_get_smp_processor_id() * i;
		else
			acc ^= x * bpf_get_smp_processor_id();
		x = x * 31 + acc;
	}
	return acc;
}
// The call (LLVM hoists it out of the branch) is wrapped in pairs for the
// accumulator, the counter and x, which stay in r1..r3; no callee-saved
// register is used at all.
// CHECK-LABEL: <loop>:
// CHECK-NOT: {{r[6-9]}}
// CHECK: *(u64 *)(r10 - 0x8) = r{{[0-5]}}
// CHECK-NEXT: *(u64 *)(r10 - 0x10) = r{{[0-5]}}
// CHECK-NEXT: *(u64 *)(r10 - 0x18) = r{{[0-5]}}
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r{{[0-5]}} = *(u64 *)(r10 - 0x18)
// CHECK-NEXT: r{{[0-5]}} = *(u64 *)(r10 - 0x10)
// CHECK-NEXT: r{{[0-5]}} = *(u64 *)(r10 - 0x8)
// CHECK-NOT: {{r[6-9]}}
