// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Twelve values live across two sites: registers r6-r9 cannot hold them. */
#include "nocsr_test.h"

SEC("raw_tp")
int pressure_twelve(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2], d = ctx[3], e = ctx[4], f = ctx[5];
	__u64 g = ctx[6], h = ctx[7], i = ctx[8], j = ctx[9], k = ctx[10], l = ctx[11];
	__u64 x = bpf_get_smp_processor_id();

	x += a * b + c * d + e * f;
	x ^= bpf_get_smp_processor_id() + g * h + i * j + k * l;
	return x + a + b + c + d + e + f + g + h + i + j + k + l;
}
