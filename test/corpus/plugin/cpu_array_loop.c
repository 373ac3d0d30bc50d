// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A histogram on the stack, indexed in a loop, read after the call. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_array_loop(__u64 *ctx)
{
	__u32 hist[8] = {};
	__u64 x = ctx[0];
	__u32 cpu;
	int i;

	for (i = 0; i < 8; i++) {
		hist[x & 7]++;
		x = x * 1103515245 + 12345;
	}
	cpu = bpf_get_smp_processor_id();
	return hist[cpu & 7] + hist[1] * 3 + x;
}
