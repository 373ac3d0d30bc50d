// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Unmarked helpers between fastcall sites: only the fastcall sites get
 * pairs; prandom and ktime values are masked off so the host compares. */
#include "nocsr_test.h"

SEC("raw_tp")
int ktime_prandom_unmarked(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];
	__u64 x = a + bpf_get_smp_processor_id();

	x += bpf_get_prandom_u32() & 0;
	x ^= b + bpf_get_smp_processor_id();
	x += bpf_ktime_get_ns() & 0;
	return x + c * bpf_get_smp_processor_id() + a + b + c;
}
