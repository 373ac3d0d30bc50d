// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* prandom marked fastcall by the program: the kernel keeps these pairs. */
#include "nocsr_test.h"

static __bpf_fastcall __u32 (*const prandom_fc)(void) = (void *)7;

SEC("raw_tp")
int cpu_marked_prandom(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];
	__u32 r = prandom_fc();

	return (r & 0) + a * b + bpf_get_smp_processor_id();
}
