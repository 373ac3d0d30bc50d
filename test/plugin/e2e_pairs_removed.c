// REQUIRES: bpf-load
// End to end on the host kernel: every pair around bpf_get_smp_processor_id
// is removed (no r10 access is left: these programs have no other stack),
// the call is inlined, and BPF_PROG_TEST_RUN gives what the plain clang-19
// build gives, on two CPUs.
// RUN: %bpfcc -O2 -c %s -o %t.o
// RUN: %cc19 -O2 -c %s -o %t.plain.o
// RUN: %objdump %t.o | python3 %S/Inputs/check_pairs.py | FileCheck %s --check-prefix=OBJ
// RUN: python3 %S/Inputs/prog_run.py %t.o --cpu 0 --ctx 0300000000000000050000000000000007000000000000000b000000000000000d00000000000000 > %t.out
// RUN: FileCheck %s < %t.out
// RUN: python3 %S/Inputs/prog_run.py %t.plain.o --no-xlated --cpu 0 --ctx 0300000000000000050000000000000007000000000000000b000000000000000d00000000000000 > %t.plain
// RUN: grep -E '^(PROG|RETVAL)' %t.out | diff %t.plain -
// RUN: python3 %S/Inputs/prog_run.py %t.o --no-xlated --cpu 1 --ctx 0300000000000000050000000000000007000000000000000b000000000000000d00000000000000 > %t.cpu1
// RUN: python3 %S/Inputs/prog_run.py %t.plain.o --no-xlated --cpu 1 --ctx 0300000000000000050000000000000007000000000000000b000000000000000d00000000000000 | diff - %t.cpu1
#include "nocsr_test.h"

__attribute__((noinline)) static __u64 mix(__u64 a, __u64 b, __u64 c, __u64 d,
					   __u64 e)
{
	return a * 3 + b * 5 + c * 7 + d * 11 + e * 13;
}

SEC("raw_tp")
int five(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2], d = ctx[3], e = ctx[4];
	__u32 cpu = bpf_get_smp_processor_id();

	return mix(a, b, c, d, e) + cpu * 1000;
}

SEC("raw_tp")
int two(__u64 *ctx)
{
	__u64 a = ctx[0];
	__u64 x = bpf_get_smp_processor_id() + a;
	__u64 b = ctx[1], c = ctx[2];

	x ^= bpf_get_smp_processor_id() * 77;
	return x * b + c;
}

SEC("raw_tp")
int loop(__u64 *ctx)
{
	__u64 acc = ctx[0], x = ctx[1];
	int i;

	for (i = 0; i < 16; i++) {
		if (x & 1)
			acc += bpf_get_smp_processor_id() * i;
		else
			acc ^= x * (bpf_get_smp_processor_id() + 1);
		x = x * 31 + acc;
	}
	return acc;
}
// OBJ: five: call 0x8 at {{[0-9]+}}: 5 pairs
// OBJ-NEXT: two: call 0x8 at {{[0-9]+}}: 2 pairs
// OBJ-NEXT: two: call 0x8 at {{[0-9]+}}: 3 pairs
// OBJ-NEXT: loop: call 0x8 at {{[0-9]+}}: 3 pairs
// CHECK-LABEL: PROG five
// CHECK-NOT: r10
// CHECK-NOT: call bpf_get_smp_processor_id
// CHECK: r0 = *(u32 *)(r0 +0)
// CHECK-NOT: r10
// CHECK-LABEL: PROG loop
// CHECK-NOT: r10
// CHECK: r0 = *(u32 *)(r0 +0)
// CHECK-NOT: r10
// CHECK-LABEL: PROG two
// CHECK-NOT: r10
// CHECK: r0 = *(u32 *)(r0 +0)
// CHECK-NOT: r10
// CHECK: r0 = *(u32 *)(r0 +0)
// CHECK-NOT: r10
// CHECK: RETVAL
