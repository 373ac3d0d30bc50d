// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A dependency chain that keeps r1-r5 busy at every site. */
#include "nocsr_test.h"

SEC("raw_tp")
int pressure_chain(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2], d = ctx[3], e = ctx[4];

	a += b * bpf_get_smp_processor_id();
	b ^= c + bpf_get_smp_processor_id();
	c -= d * bpf_get_smp_processor_id();
	d |= e + bpf_get_smp_processor_id();
	e += a ^ bpf_get_smp_processor_id();
	return a ^ b ^ c ^ d ^ e;
}
