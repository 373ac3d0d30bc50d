// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* More live values than registers: the allocator's spills and the pairs. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_pressure(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2], d = ctx[3], e = ctx[4];
	__u64 f = ctx[5], g = ctx[6], h = ctx[7], i = ctx[8], j = ctx[9];
	__u64 x = bpf_get_smp_processor_id();

	x = x * a + b * c + d * e;
	x ^= bpf_get_smp_processor_id() + f * g + h * i + j;
	return x + a + b + c + d + e + f + g + h + i + j;
}
