// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2, -O1 -mcpu=v2, -O3 -mcpu=v3, -Os -mcpu=v4, -Oz -mcpu=v1
// (no -O0: plain clang -O0 keeps the loop counter on the stack, the verifier cannot bound it)
/* An unrolled loop: each copy of the body is its own site. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_unrolled(__u64 *ctx)
{
	__u64 acc = ctx[0], step = ctx[1];
	int i;

#pragma unroll
	for (i = 0; i < 4; i++)
		acc += (bpf_get_smp_processor_id() + step) << i;
	return acc;
}
