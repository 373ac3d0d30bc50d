// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Sites with 1, 2 and 3 pairs in one function share the same slots. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_sites_differ(__u64 *ctx)
{
	__u64 a = ctx[0];
	__u64 x = bpf_get_smp_processor_id() + a;
	__u64 b = ctx[1];

	x ^= bpf_get_smp_processor_id() + b;
	{
		__u64 c = ctx[2], d = ctx[3];

		x += bpf_get_smp_processor_id() * c;
		return x * d + c + b;
	}
}
