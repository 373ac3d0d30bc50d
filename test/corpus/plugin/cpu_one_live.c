// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Per-CPU bias on a tracepoint argument: one value lives across the call. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_one_live(__u64 *ctx)
{
	__u64 arg = ctx[0];

	return arg * 2 + bpf_get_smp_processor_id();
}
