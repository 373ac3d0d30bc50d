// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The fastcall inside a subprogram with its own arguments live. */
#include "nocsr_test.h"

__attribute__((noinline)) static __u64 scale(__u64 v, __u64 k)
{
	return v * k + bpf_get_smp_processor_id() + k;
}

SEC("raw_tp")
int cpu_subprog(__u64 *ctx)
{
	return scale(ctx[0], ctx[1]) ^ scale(ctx[2], 3);
}
