// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2, -O1 -mcpu=v2, -O3 -mcpu=v3, -Os -mcpu=v4, -Oz -mcpu=v1
// (no -O0: plain clang -O0 keeps the loop counter on the stack, the verifier cannot bound it)
/* Nested loops, the call in the inner one with both counters live. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_nested_loops(__u64 *ctx)
{
	__u64 acc = ctx[2];
	int i, j;

	for (i = 0; i < 4; i++)
		for (j = 0; j < 4; j++)
			acc += (bpf_get_smp_processor_id() + i) * (j + 1) ^ acc;
	return acc;
}
