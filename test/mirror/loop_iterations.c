// The verifier walks each iteration of a counted loop: the counter is a
// different constant each time, and the mirror keeps one state per block
// and set of constants, so it knows what the kernel knows after the loop.
// A loop of more iterations than the kernel would walk runs out of
// partitions and is joined and widened from there on.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
// RUN: %cc19 -O2 -g -DHUGE -c %s -o %t.huge.o
// RUN: %nocsr xlated %t.huge.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefixes=CHECK,HUGE
#include "nocsr_test.h"

/* three iterations of sum += i + (x & 1): sum is 3..6, bit 3 clear */
SEC("raw_tp")
int sum_bits(__u64 *ctx)
{
	__u64 sum = 0, x = ctx[0];

#pragma clang loop unroll(disable)
	for (int i = 0; i < 3; i++)
		sum += i + (x & 1) + (bpf_get_smp_processor_id() & 0);
	if (sum & 8)
		return bpf_get_prandom_u32();
	return (int)sum;
}
// CHECK-LABEL: sum_bits:
// CHECK: goto pc-
// CHECK-NOT: call bpf_get_prandom_u32
// CHECK: exit

/* up to 1023 iterations, each a partition: sum <= 4092 */
SEC("raw_tp")
int bound_1023(__u64 *ctx)
{
	__u64 sum = 0, n = ctx[0] & 1023;

#pragma clang loop unroll(disable)
	for (__u64 i = 0; i < n; i++)
		sum += 3 + (bpf_ktime_get_ns() & 1);
	if (sum > 5000)
		return bpf_get_prandom_u32();
	return (int)sum;
}
// CHECK-LABEL: bound_1023:
// CHECK: goto pc-
// CHECK-NOT: call bpf_get_prandom_u32
// CHECK: exit

// KERNEL: sum_bits: match
// KERNEL: bound_1023: match

#ifdef HUGE
/*
 * Up to 2^20 iterations, more than the verifier walks (it rejects the
 * program): past a million instructions of partitions the walk joins and
 * widens, ends, and keeps the branch.
 */
SEC("raw_tp")
int bound_1m(__u64 *ctx)
{
	__u64 sum = 0, n = ctx[0] & 0xfffff;

#pragma clang loop unroll(disable)
	for (__u64 i = 0; i < n; i++)
		sum += 3 + (bpf_ktime_get_ns() & 1);
	if (sum > 5000)
		return bpf_get_prandom_u32();
	return (int)sum;
}
// HUGE-LABEL: bound_1m:
// HUGE: goto pc-
// HUGE: call bpf_get_prandom_u32
#endif
