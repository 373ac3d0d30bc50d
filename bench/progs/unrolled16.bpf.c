// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: 16 calls unrolled whose live sets differ (0 to 4 registers), the
 * case where clang 20+'s layout makes the kernel keep every spill.
 * Group: register pressure. */
#include "bench.h"

SEC("tc")
int unrolled16(struct __sk_buff *skb)
{
	__u64 a = skb->len, b = skb->mark, c = skb->priority, d = skb->hash;
	__u64 acc = 0;

#pragma unroll
	for (int i = 0; i < 16; i++) {
		acc += bpf_get_smp_processor_id();
		if (i % 4 == 0)
			acc ^= a;
		if (i % 4 == 1)
			acc += b + c;
		if (i % 4 == 2)
			acc -= d;
		if (i == 7)
			a = b = 0;
		if (i == 11)
			c = d = 0;
	}
	return acc;
}
