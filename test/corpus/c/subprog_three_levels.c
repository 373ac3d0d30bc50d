// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Sites at three call depths; each frame has its own pattern offsets. */
#include "nocsr_test.h"

static __attribute__((noinline)) __u64 leaf(__u64 a, __u64 b)
{
	return a * bpf_get_smp_processor_id() + b + a;
}

static __attribute__((noinline)) __u64 mid(__u64 a, __u64 b, __u64 c)
{
	__u64 x = leaf(a, b) + c + bpf_get_smp_processor_id();

	return x ^ a ^ b ^ c;
}

SEC("raw_tp")
int subprog_three_levels(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];

	return mid(a, b, c) + a * bpf_get_smp_processor_id() + b + c;
}
