// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpf_rdonly_cast and bpf_get_smp_processor_id in a socket filter: the
 * kfunc's pairs go, the helper's stay (not fastcall for this type). */
#include <linux/bpf.h>
#include "nocsr_test.h"

extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __bpf_fastcall;
volatile __u64 g_a = 11, g_b = 13;

SEC("socket")
int kfunc_socket_no_ctx(struct __sk_buff *skb)
{
	__u64 a = g_a, b = g_b;
	void *p = bpf_rdonly_cast(skb, 0);
	__u64 cpu = bpf_get_smp_processor_id();

	return (int)((a + b * (p != 0) + cpu * 0) & 0xff);
}
