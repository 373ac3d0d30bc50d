// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: nine packet fields each combined with the cpu id after the
 * call, more live values than r6-r9 can hold, so plain clang spills some
 * to the stack on top of the callee-saved moves.
 * Group: register pressure. */
#include "bench.h"

SEC("tc")
int register_pressure(struct __sk_buff *skb)
{
	__u64 v0 = skb->len, v1 = skb->mark, v2 = skb->priority;
	__u64 v3 = skb->hash, v4 = skb->protocol, v5 = skb->vlan_tci;
	__u64 v6 = skb->ifindex, v7 = skb->tc_index, v8 = skb->queue_mapping;
	__u64 cpu = bpf_get_smp_processor_id();

	return ((v0 ^ cpu) * 3) + ((v1 ^ cpu) >> 1) + ((v2 ^ cpu) * 5) +
	       ((v3 ^ cpu) >> 2) + ((v4 ^ cpu) * 7) + ((v5 ^ cpu) >> 3) +
	       ((v6 ^ cpu) * 11) + ((v7 ^ cpu) >> 4) + ((v8 ^ cpu) * 13);
}
