// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Three levels of subprograms, each with its own fastcall. */
#include "nocsr_test.h"

__attribute__((noinline)) static __u64 leaf(__u64 a, __u64 b)
{
	return a * b + bpf_get_smp_processor_id() + a;
}

__attribute__((noinline)) static __u64 mid(__u64 a, __u64 b, __u64 c)
{
	__u64 x = bpf_get_smp_processor_id() + c;

	return leaf(a + x, b) + c;
}

SEC("raw_tp")
int cpu_subprog_chain(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];
	__u64 r = mid(a, b, c);

	return r + bpf_get_smp_processor_id() * a;
}
