// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A switch whose cases each call the helper. */
#include "nocsr_test.h"

SEC("raw_tp")
int switch_sites(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];

	switch (a & 3) {
	case 0:
		return b + bpf_get_smp_processor_id();
	case 1:
		return b * c + bpf_get_smp_processor_id();
	case 2:
		return (b ^ c) + a + bpf_get_smp_processor_id();
	default:
		return a + b + c;
	}
}
