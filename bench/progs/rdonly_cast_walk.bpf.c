// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: a kfunc walk through kernel structs, skb -> sk_buff -> net_device,
 * each step a bpf_rdonly_cast (replaced by r0 = r1) with three packet
 * fields live across it. */
#include "bench.h"

struct net_device {
	int ifindex;
	unsigned int mtu;
} __attribute__((preserve_access_index));

struct sk_buff {
	struct net_device *dev;
	unsigned int len;
} __attribute__((preserve_access_index));

#define kernel_type_id(type) __builtin_btf_type_id(*(type *)0, 1)

SEC("tc")
int rdonly_cast_walk(struct __sk_buff *skb)
{
	__u32 mark = skb->mark, prio = skb->priority, hash = skb->hash;
	struct sk_buff *k = bpf_cast_to_kern_ctx(skb);
	struct sk_buff *ro = bpf_rdonly_cast(k, kernel_type_id(struct sk_buff));
	struct net_device *dev = bpf_rdonly_cast(ro->dev, kernel_type_id(struct net_device));

	return dev->ifindex + dev->mtu + ro->len + (mark ^ prio) * hash;
}
