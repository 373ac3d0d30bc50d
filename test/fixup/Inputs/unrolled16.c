/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * 16 unrolled fastcalls whose live sets differ (1 to 4 registers): with
 * clang 20+'s layout the kernel keeps every pair.  Same code as
 * bench/progs/unrolled16.bpf.c.
 */
#include <linux/bpf.h>
#include "nocsr_test.h"

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
