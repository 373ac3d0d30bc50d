// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A site on each arm of a branch, different live sets. */
#include "nocsr_test.h"

SEC("raw_tp")
int branches_sites(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];

	if (a > b)
		a += bpf_get_smp_processor_id() + c;
	else
		b ^= bpf_get_smp_processor_id() * c + a;
	return a * 7 + b * 3 + c;
}
