// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* High pressure in a callee called twice; main keeps values too. */
#include "nocsr_test.h"

static __attribute__((noinline)) __u64 heavy(__u64 a, __u64 b, __u64 c, __u64 d, __u64 e)
{
	__u64 x = bpf_get_smp_processor_id();

	x += a * b + c * d + e;
	return x ^ a ^ b ^ c ^ d ^ e ^ bpf_get_smp_processor_id();
}

SEC("raw_tp")
int pressure_subprogs(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];
	__u64 r = heavy(a, b, c, ctx[3], ctx[4]);

	r += bpf_get_smp_processor_id() + a * b;
	return r ^ heavy(c, b, a, r, ctx[5]) ^ c;
}
