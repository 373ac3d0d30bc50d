// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Conditional selects on both sides of the call. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_select(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];
	__u64 lo = a < b ? a : b, hi = a < b ? b : a;
	__u32 cpu = bpf_get_smp_processor_id();

	return cpu & 1 ? hi - lo : hi + lo;
}
