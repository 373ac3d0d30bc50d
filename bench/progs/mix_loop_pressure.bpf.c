// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: a 64-iteration mixing loop with six state words and the
 * counter live across the cpu-id call in every iteration, more than r6-r9
 * can hold: with fastcall r1-r5 can carry the rest, without it they go
 * through the stack on every iteration.
 * Group: register pressure. */
#include "bench.h"

SEC("tc")
int mix_loop_pressure(struct __sk_buff *skb)
{
	__u64 v0 = skb->len, v1 = skb->mark, v2 = skb->priority;
	__u64 v3 = skb->hash, v4 = skb->protocol, v5 = skb->vlan_tci;
	int i;

	for (i = 0; i < 64; i++) {
		__u64 cpu = bpf_get_smp_processor_id();

		v0 += cpu ^ v5;
		v1 ^= v0 >> 3;
		v2 += v1 * 5;
		v3 ^= v2 << 2;
		v4 += v3;
		v5 ^= v4 >> 1;
	}
	return v0 ^ v1 ^ v2 ^ v3 ^ v4 ^ v5;
}
