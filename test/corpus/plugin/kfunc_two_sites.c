// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Two kfunc sites with different live sets. */
#include <linux/bpf.h>
#include "nocsr_test.h"

extern void *bpf_cast_to_kern_ctx(void *obj) __ksym __bpf_fastcall;
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __bpf_fastcall;

SEC("socket")
int kfunc_two_sites(struct __sk_buff *skb)
{
	__u64 len = skb->len;
	void *k = bpf_cast_to_kern_ctx(skb);
	__u64 proto = skb->protocol, q = skb->queue_mapping;
	void *r = bpf_rdonly_cast(k, 0);

	return (r != 0) + len + proto * 2 + q;
}
