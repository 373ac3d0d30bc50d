// Two fastcalls in one function, with 2 and 3 live values.  Both patterns
// start at the function's lowest slot (r10-24): the kernel matches pair k
// only at lowest_off + 8k, so the 2-pair call uses r10-24 and r10-16, not
// r10-16 and r10-8 (LLVM 22's choice, whose pairs the kernel then keeps).
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -c %s -o %t.o
// RUN: %objdump %t.o | FileCheck %s
#include "nocsr_test.h"

SEC("raw_tp")
int two(__u64 *ctx)
{
	__u64 a = ctx[0];
	__u64 x = bpf_get_smp_processor_id() + a;
	__u64 b = ctx[1], c = ctx[2];

	x ^= bpf_get_smp_processor_id();
	return x * b + c;
}
// CHECK-LABEL: <two>:
// CHECK: *(u64 *)(r10 - 0x10) = r{{[0-9]}}
// CHECK-NEXT: *(u64 *)(r10 - 0x18) = r{{[0-9]}}
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r{{[0-9]}} = *(u64 *)(r10 - 0x18)
// CHECK-NEXT: r{{[0-9]}} = *(u64 *)(r10 - 0x10)
// CHECK-NOT: r10
// CHECK: *(u64 *)(r10 - 0x8) = r{{[0-9]}}
// CHECK-NEXT: *(u64 *)(r10 - 0x10) = r{{[0-9]}}
// CHECK-NEXT: *(u64 *)(r10 - 0x18) = r{{[0-9]}}
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r{{[0-9]}} = *(u64 *)(r10 - 0x18)
// CHECK-NEXT: r{{[0-9]}} = *(u64 *)(r10 - 0x10)
// CHECK-NEXT: r{{[0-9]}} = *(u64 *)(r10 - 0x8)
// CHECK-NOT: r10
// CHECK: exit
