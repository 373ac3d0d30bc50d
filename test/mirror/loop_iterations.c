// The verifier walks each iteration of a counted loop: the counter is a
// different constant each time, and the mirror keeps one state per block
// and set of constants, so it knows what the kernel knows after the loop.
// A loop of more iterations than the kernel would walk runs out of
// partitions and is joined and widened from there on.
// Three iterations of sum += i + (x & 1): sum is 3..6, the branch on bit 3 goes.
// RUN: %cc19 -O2 -g -c %S/../corpus/c/loop_sum_bits.c -o %t.sum.o
// RUN: %nocsr xlated %t.sum.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=SUM
// RUN: %nocsr xlated %t.sum.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=SUM
// RUN: %if bpf-load %{ %nocsr kernel %t.sum.o | FileCheck %s --check-prefix=KSUM %}
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
// RUN: %cc19 -O2 -g -DHUGE -c %s -o %t.huge.o
// RUN: %nocsr xlated %t.huge.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefixes=CHECK,HUGE
#include "nocsr_test.h"

// SUM-LABEL: loop_sum_bits:
// SUM: goto pc-
// SUM-NOT: call bpf_get_prandom_u32
// SUM: exit
// KSUM: loop_sum_bits: match

/* up to mask iterations: sum <= 4 * mask */
static inline __attribute__((always_inline)) int bounded_sum(__u64 *ctx, __u64 mask)
{
	__u64 sum = 0, n = ctx[0] & mask;

#pragma clang loop unroll(disable)
	for (__u64 i = 0; i < n; i++)
		sum += 3 + (bpf_ktime_get_ns() & 1);
	if (sum > 5000)
		return bpf_get_prandom_u32();
	return (int)sum;
}

/* each of up to 1023 iterations a partition: sum <= 4092 */
SEC("raw_tp")
int bound_1023(__u64 *ctx)
{
	return bounded_sum(ctx, 1023);
}
// CHECK-LABEL: bound_1023:
// CHECK: goto pc-
// CHECK-NOT: call bpf_get_prandom_u32
// CHECK: exit

// KERNEL: bound_1023: match

#ifdef HUGE
/*
 * Up to 2^20 iterations, more than the verifier walks (it rejects the
 * program): past its budget of partitions the walk joins and widens,
 * ends, and keeps the branch.
 */
SEC("raw_tp")
int bound_1m(__u64 *ctx)
{
	return bounded_sum(ctx, 0xfffff);
}
// HUGE-LABEL: bound_1m:
// HUGE: goto pc-
// HUGE: call bpf_get_prandom_u32
#endif
