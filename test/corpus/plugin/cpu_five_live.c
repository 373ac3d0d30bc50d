// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* r1..r5 all live across the call: they are the next call's arguments. */
#include "nocsr_test.h"

__attribute__((noinline)) static __u64 fold5(__u64 a, __u64 b, __u64 c,
					     __u64 d, __u64 e)
{
	return ((a * 3 + b) * 5 + c) * 7 + (d ^ e);
}

SEC("raw_tp")
int cpu_five_live(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2], d = ctx[3], e = ctx[4];
	__u32 cpu = bpf_get_smp_processor_id();

	return fold5(a, b, c, d, e) + cpu;
}
