// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A kfunc and a helper fastcall in the same function. */
#include <linux/bpf.h>
#include "nocsr_test.h"

extern void *bpf_cast_to_kern_ctx(void *obj) __ksym __bpf_fastcall;

SEC("tc")
int kfunc_and_cpu_tc(struct __sk_buff *skb)
{
	__u64 len = skb->len, proto = skb->protocol;
	void *k = bpf_cast_to_kern_ctx(skb);
	__u32 cpu = bpf_get_smp_processor_id();

	return (k != 0) + ((len * proto + (cpu & 0)) & 1 ? 0 : 2);
}
