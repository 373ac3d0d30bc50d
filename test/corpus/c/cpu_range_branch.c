// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The kernel bounds bpf_get_smp_processor_id()'s return value by
 * nr_cpu_ids (at most 8192 here), so this branch is never taken and the
 * privileged dead-code pass removes it. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_range_branch(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];

	if (bpf_get_smp_processor_id() & 0x10000)
		a = a * 3 + (bpf_ktime_get_ns() & 0);
	return a + b + bpf_get_smp_processor_id();
}
