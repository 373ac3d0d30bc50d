// One value lives across a fastcall: one pair at r10-8, next to the call,
// and the value stays in r1 instead of moving to a callee-saved register.
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -c %s -o %t.o
// RUN: %objdump %t.o | FileCheck %s
// RUN: %cc19 -O2 -c %s -o %t.plain.o
// RUN: %objdump %t.plain.o | FileCheck %s --check-prefix=PLAIN
#include "nocsr_test.h"

SEC("raw_tp")
int one(__u64 *ctx)
{
	__u64 a = ctx[0];

	return bpf_get_smp_processor_id() + a;
}
// CHECK-LABEL: <one>:
// CHECK-NEXT: r1 = *(u64 *)(r1 + 0x0)
// CHECK-NEXT: *(u64 *)(r10 - 0x8) = r1
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r1 = *(u64 *)(r10 - 0x8)
// CHECK-NEXT: r0 += r1
// CHECK-NEXT: exit
// PLAIN-LABEL: <one>:
// PLAIN-NOT: r10
// PLAIN: call 0x8
// PLAIN-NOT: r10
// PLAIN: exit
