// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2, -O1 -mcpu=v2, -O3 -mcpu=v3, -Os -mcpu=v4, -Oz -mcpu=v1
// (no -O0: plain clang -O0 keeps the loop counter on the stack, the verifier cannot bound it)
/* A search loop that may leave early, the call on the way. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_loop_early_exit(__u64 *ctx)
{
	__u64 want = ctx[0] & 15, x = ctx[1];
	int i;

	for (i = 0; i < 16; i++) {
		x = x * 5 + 1;
		if ((x & 15) == want)
			return i + bpf_get_smp_processor_id() * 0;
		x += bpf_get_smp_processor_id() & 0;
	}
	return 100 + want;
}
