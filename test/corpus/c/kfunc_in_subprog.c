// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The kfunc site lives in a static subprogram with its own stack. */
#include "nocsr_test.h"

extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __bpf_fastcall;

static __attribute__((noinline)) __u64 mix(__u64 *ctx, __u64 a, __u64 b)
{
	__u64 c = a ^ b, d = a + b;
	void *p = bpf_rdonly_cast(ctx, 0);

	return c * d + (p != 0) + a + b;
}

SEC("raw_tp")
int kfunc_in_subprog(__u64 *ctx)
{
	return mix(ctx, ctx[0], ctx[1]) ^ mix(ctx, ctx[2], ctx[3]);
}
