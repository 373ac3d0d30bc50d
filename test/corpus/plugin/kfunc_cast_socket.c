// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpf_cast_to_kern_ctx in a socket filter, packet facts live across it. */
#include <linux/bpf.h>
#include "nocsr_test.h"

extern void *bpf_cast_to_kern_ctx(void *obj) __ksym __bpf_fastcall;

SEC("socket")
int kfunc_cast_socket(struct __sk_buff *skb)
{
	__u64 len = skb->len, proto = skb->protocol;
	void *k = bpf_cast_to_kern_ctx(skb);

	return (k != 0) + len * 3 + proto;
}
