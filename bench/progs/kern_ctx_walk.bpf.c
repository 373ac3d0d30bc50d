// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: the fastcall kfunc bpf_cast_to_kern_ctx, replaced by r0 = r1,
 * with skb fields live across it. */
#include "bench.h"

struct sk_buff {
	unsigned int len;
	unsigned int data_len;
	__u32 mark;
} __attribute__((preserve_access_index));

SEC("tc")
int kern_ctx_walk(struct __sk_buff *skb)
{
	__u32 mark = skb->mark, prio = skb->priority;
	struct sk_buff *kskb = bpf_cast_to_kern_ctx(skb);

	return kskb->len + kskb->data_len + mark * prio;
}
