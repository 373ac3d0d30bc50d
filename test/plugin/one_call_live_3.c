// Three values live across the call: three pairs, innermost (next to the
// call) at the lowest offset and holding the highest register.
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -c %s -o %t.o
// RUN: %objdump %t.o | FileCheck %s
#include "nocsr_test.h"

SEC("raw_tp")
int three(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];

	return (bpf_get_smp_processor_id() + a) * b - c;
}
// CHECK-LABEL: <three>:
// CHECK: *(u64 *)(r10 - 0x8) = r[[A:[0-9]]]
// CHECK-NEXT: *(u64 *)(r10 - 0x10) = r[[B:[0-9]]]
// CHECK-NEXT: *(u64 *)(r10 - 0x18) = r[[C:[0-9]]]
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r[[C]] = *(u64 *)(r10 - 0x18)
// CHECK-NEXT: r[[B]] = *(u64 *)(r10 - 0x10)
// CHECK-NEXT: r[[A]] = *(u64 *)(r10 - 0x8)
// CHECK-NOT: r10
// CHECK: exit
