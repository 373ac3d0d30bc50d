// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A filter that returns early before the CPU read on one path. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_early_return(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];

	if (a > b * 1000)
		return 0;
	return bpf_get_smp_processor_id() + a + b;
}
