// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpf_rdonly_cast of the kernel context to void, two values live. */
#include <linux/bpf.h>
#include "nocsr_test.h"

extern void *bpf_cast_to_kern_ctx(void *obj) __ksym __bpf_fastcall;
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __bpf_fastcall;

SEC("socket")
int kfunc_rdonly_socket(struct __sk_buff *skb)
{
	__u64 len = skb->len, ifindex = skb->ifindex;
	void *k = bpf_cast_to_kern_ctx(skb);
	void *r = bpf_rdonly_cast(k, 0);

	return (r == k) + len * 5 + ifindex;
}
