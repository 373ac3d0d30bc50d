// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The call as the last thing a subprogram does, the caller's values live. */
#include "nocsr_test.h"

__attribute__((noinline)) static __u32 which_cpu(void)
{
	return bpf_get_smp_processor_id();
}

SEC("raw_tp")
int cpu_tail_position(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];

	return which_cpu() + a * b + bpf_get_smp_processor_id() * a;
}
