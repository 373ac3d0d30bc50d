// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Three fastcalls in a row, the same values live across each. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_back_to_back(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];
	__u64 x = bpf_get_smp_processor_id();

	x += bpf_get_smp_processor_id() * a;
	x += bpf_get_smp_processor_id() * b;
	return x + a - b;
}
