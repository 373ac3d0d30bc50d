// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Sampling decision with prandom, which is an ordinary call. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_prandom_mix(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];
	__u32 r = bpf_get_prandom_u32();
	__u32 cpu = bpf_get_smp_processor_id();

	return (r | 1) != 0 ? a * cpu + b : 0;
}
