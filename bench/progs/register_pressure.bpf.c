// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: nine values live across the call, more than r6-r9 can hold, so
 * plain clang spills some to the stack on top of the callee-saved moves. */
#include "bench.h"

SEC("tc")
int register_pressure(struct __sk_buff *skb)
{
	__u64 v0 = skb->len, v1 = skb->mark, v2 = skb->priority;
	__u64 v3 = skb->hash, v4 = skb->protocol, v5 = skb->vlan_tci;
	__u64 v6 = skb->ifindex, v7 = skb->tc_index, v8 = skb->queue_mapping;
	__u64 cpu = bpf_get_smp_processor_id();

	return (v0 * 3 + v1) ^ (v2 * 5 + v3) ^ (v4 * 7 + v5) ^
	       (v6 * 11 + v7) ^ (v8 * 13 + cpu);
}
