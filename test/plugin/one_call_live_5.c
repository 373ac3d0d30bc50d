// r1..r5 all live across a 0-argument fastcall: five pairs r1 (outermost,
// r10-8) to r5 (innermost, r10-40).  The arguments of the subprogram call
// after it keep the values in r1..r5.
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -c %s -o %t.o
// RUN: %objdump %t.o | FileCheck %s
#include "nocsr_test.h"

__attribute__((noinline)) static int use5(__u64 a, __u64 b, __u64 c, __u64 d,
					  __u64 e)
{
	return a * b + c * d + e;
}

SEC("raw_tp")
int five(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2], d = ctx[3], e = ctx[4];
	__u32 cpu = bpf_get_smp_processor_id();

	return use5(a, b, c, d, e) + cpu;
}
// CHECK-LABEL: <five>:
// CHECK: *(u64 *)(r10 - 0x8) = r1
// CHECK-NEXT: *(u64 *)(r10 - 0x10) = r2
// CHECK-NEXT: *(u64 *)(r10 - 0x18) = r3
// CHECK-NEXT: *(u64 *)(r10 - 0x20) = r4
// CHECK-NEXT: *(u64 *)(r10 - 0x28) = r5
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r5 = *(u64 *)(r10 - 0x28)
// CHECK-NEXT: r4 = *(u64 *)(r10 - 0x20)
// CHECK-NEXT: r3 = *(u64 *)(r10 - 0x18)
// CHECK-NEXT: r2 = *(u64 *)(r10 - 0x10)
// CHECK-NEXT: r1 = *(u64 *)(r10 - 0x8)
