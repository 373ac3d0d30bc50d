// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2, -O1 -mcpu=v2, -O3 -mcpu=v3, -Os -mcpu=v4, -Oz -mcpu=v1
// (no -O0: plain clang -O0 keeps the loop counter on the stack, the verifier cannot bound it)
/* A bounded loop calling the helper each round; counter and sum stay put. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_in_loop(__u64 *ctx)
{
	__u64 sum = ctx[0];
	int i;

	for (i = 0; i < 10; i++)
		sum = sum * 3 + bpf_get_smp_processor_id() + i;
	return sum;
}
