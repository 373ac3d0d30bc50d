// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A 3-tuple key folded with the CPU, as a flow-hash would. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_three_live(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];
	__u64 h = bpf_get_smp_processor_id();

	h = h * 31 + a;
	h = h * 31 + b;
	return h * 31 + c;
}
