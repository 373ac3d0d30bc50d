// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2, -O1 -mcpu=v2, -O3 -mcpu=v3, -Os -mcpu=v4, -Oz -mcpu=v1
// (no -O0: plain clang -O0 keeps the loop counter on the stack, the verifier cannot bound it)
/* A subprogram with a stack array and a fastcall; the caller has none. */
#include "nocsr_test.h"

__attribute__((noinline)) static __u64 sum_scratch(__u64 seed, __u64 n)
{
	__u64 scratch[6];
	__u64 s = 0;
	int i;

	for (i = 0; i < 6; i++)
		scratch[i] = seed * i + n;
	bpf_probe_read_kernel(&scratch[2], 8, (void *)0);
	for (i = 0; i < 6; i++)
		s += scratch[i];
	return s + bpf_get_smp_processor_id() * n + seed;
}

SEC("raw_tp")
int cpu_subprog_stack(__u64 *ctx)
{
	return sum_scratch(ctx[0], ctx[1]);
}
