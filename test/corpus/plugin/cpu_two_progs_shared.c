// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* One subprogram, called twice, with different values live each time. */
#include "nocsr_test.h"

__attribute__((noinline)) static __u64 tag(__u64 v)
{
	return (v << 8) | (bpf_get_smp_processor_id() & 0xff);
}

SEC("raw_tp")
int cpu_two_progs_shared(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];
	__u64 x = tag(a) + b;

	return tag(x) + c * b;
}
