// With alu32 (-mcpu=v3) a value lives only in w1 across the call: w1 live
// means r1 live, so r1 gets a pair (LLVM 20.1 missed this, issue #110618).
// RUN: %bpfcc -O2 -mcpu=v3 -mllvm -verify-machineinstrs -c %s -o %t.o
// RUN: %objdump %t.o | FileCheck %s
#include "nocsr_test.h"

SEC("raw_tp")
int w1(__u32 *ctx)
{
	__u32 a = ctx[0];

	bpf_get_smp_processor_id();
	return a;
}
// CHECK-LABEL: <w1>:
// CHECK-NEXT: r1 = *(u32 *)(r1 + 0x0)
// CHECK-NEXT: *(u64 *)(r10 - 0x8) = r1
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r1 = *(u64 *)(r10 - 0x8)
// CHECK-NEXT: w0 = w1
// CHECK-NEXT: exit
