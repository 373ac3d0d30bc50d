// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Eight call sites in straight-line code. */
#include "nocsr_test.h"

#define STEP(x, k) ((x) = (x) * 33 + bpf_get_smp_processor_id() + (k))

SEC("raw_tp")
int cpu_many_sites(__u64 *ctx)
{
	__u64 x = ctx[0], k = ctx[1];

	STEP(x, k); STEP(x, 1); STEP(x, k); STEP(x, 2);
	STEP(x, k); STEP(x, 3); STEP(x, k); STEP(x, 4);
	return x ^ k;
}
