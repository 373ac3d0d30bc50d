// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* .data and .bss globals updated around sites (memory compared too). */
#include "nocsr_test.h"

__u64 g_sum;
__u64 g_seen = 1;

SEC("raw_tp")
int global_data_sites(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];

	g_sum += a + bpf_get_smp_processor_id();
	g_seen = g_seen * 3 + b + bpf_get_smp_processor_id();
	return g_sum ^ g_seen ^ a ^ b;
}
