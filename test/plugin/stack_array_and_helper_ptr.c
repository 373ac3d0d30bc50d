// A 16-byte stack array filled by a helper: the pairs go below it, at
// r10-24 (innermost is the lowest slot of the frame), never inside it.
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -c %s -o %t.o
// RUN: %objdump %t.o | FileCheck %s
#include "nocsr_test.h"

SEC("raw_tp")
int arr(__u64 *ctx)
{
	char buf[16];
	__u64 a = ctx[0];

	bpf_probe_read_kernel(buf, sizeof(buf), (void *)ctx[1]);
	return buf[3] + bpf_get_smp_processor_id() * a + buf[9];
}
// CHECK-LABEL: <arr>:
// CHECK: r1 += -0x10
// CHECK: call 0x71
// CHECK: *(u64 *)(r10 - 0x18) = r{{[0-5]}}
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r{{[0-5]}} = *(u64 *)(r10 - 0x18)
