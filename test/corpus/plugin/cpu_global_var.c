// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A global configuration value read next to the CPU number. */
#include "nocsr_test.h"

volatile const __u64 factor = 9;

SEC("raw_tp")
int cpu_global_var(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];
	__u32 cpu = bpf_get_smp_processor_id();

	return a * factor + b + cpu;
}
