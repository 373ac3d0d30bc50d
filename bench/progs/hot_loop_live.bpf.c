// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: a hot loop with four accumulators live across a cpu-id call in
 * every iteration.
 * Group: register pressure. */
#include "bench.h"

SEC("tc")
int hot_loop_live(struct __sk_buff *skb)
{
	__u64 a = skb->len, b = skb->protocol, c = skb->mark, d = 1;
	int i;

	for (i = 0; i < 32; i++) {
		__u32 cpu = bpf_get_smp_processor_id();

		a += cpu ^ b;
		b = (b << 3) ^ c;
		c += d * 7;
		d ^= a >> 5;
	}
	return a ^ b ^ c ^ d;
}
