// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The context pointer itself lives across the call and is used after. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_pointer_ctx(__u64 *ctx)
{
	__u32 cpu = bpf_get_smp_processor_id();
	__u64 odd = cpu & 1;

	return ctx[0] * odd + ctx[1] * (1 - odd) + ctx[2] * cpu;
}
