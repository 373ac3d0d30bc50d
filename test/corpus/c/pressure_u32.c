// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* 32-bit values across the sites (w registers live). */
#include "nocsr_test.h"

SEC("raw_tp")
int pressure_u32(__u64 *ctx)
{
	__u32 a = ctx[0], b = ctx[1], c = ctx[2], d = ctx[3], e = ctx[4];
	__u32 x = bpf_get_smp_processor_id() + a;

	x *= b + bpf_get_smp_processor_id();
	x ^= c * d + e + bpf_get_smp_processor_id();
	return x + a + b + c + d + e;
}
