// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2, -O1 -mcpu=v2, -O3 -mcpu=v3, -Os -mcpu=v4, -Oz -mcpu=v1
// (no -O0: plain clang -O0 keeps the loop counter on the stack, the verifier cannot bound it)
/* Loop with the call on both arms of a data-dependent branch. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_loop_branches(__u64 *ctx)
{
	__u64 acc = ctx[0], x = ctx[1];
	int i;

	for (i = 0; i < 16; i++) {
		if (x & 1)
			acc += bpf_get_smp_processor_id() * i;
		else
			acc ^= x * (bpf_get_smp_processor_id() + 1);
		x = x * 31 + acc;
	}
	return acc;
}
