// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpf_cast_to_kern_ctx in a tc program. */
#include <linux/bpf.h>
#include "nocsr_test.h"

extern void *bpf_cast_to_kern_ctx(void *obj) __ksym __bpf_fastcall;

SEC("tc")
int kfunc_cast_tc(struct __sk_buff *skb)
{
	__u32 len = skb->len, prio = skb->priority;
	void *k = bpf_cast_to_kern_ctx(skb);

	return k && (len + prio) > 20 ? 0 : 2;
}
