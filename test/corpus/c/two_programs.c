// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Two raw_tp programs in one object sharing a subprogram. */
#include "nocsr_test.h"

static __attribute__((noinline)) __u64 shared(__u64 a, __u64 b)
{
	return a + b * bpf_get_smp_processor_id() + a * b;
}

SEC("raw_tp")
int two_programs_a(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];

	return shared(a, b) ^ (a + bpf_get_smp_processor_id()) ^ b;
}

SEC("raw_tp")
int two_programs_b(__u64 *ctx)
{
	__u64 c = ctx[2];

	return shared(c, c + 1) + c;
}
