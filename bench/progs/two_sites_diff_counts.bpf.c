// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: the smallest program where the two sites spill 2 and 1 pairs. */
#include "bench.h"

SEC("tc")
int two_sites_diff_counts(struct __sk_buff *skb)
{
	__u64 a = skb->len, b = skb->mark;
	__u64 x = bpf_get_smp_processor_id();

	x += a + b;
	x ^= bpf_get_smp_processor_id();
	return x + a;
}
