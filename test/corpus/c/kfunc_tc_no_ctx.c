// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpf_cast_to_kern_ctx in tc, live values from a global (no __sk_buff
 * field is read, so the kernel's context rewriting plays no part). */
#include <linux/bpf.h>
#include "nocsr_test.h"

extern void *bpf_cast_to_kern_ctx(void *obj) __ksym __bpf_fastcall;
volatile __u64 g_a = 3, g_b = 5, g_c = 7;

SEC("tc")
int kfunc_tc_no_ctx(struct __sk_buff *skb)
{
	__u64 a = g_a, b = g_b, c = g_c;
	void *k = bpf_cast_to_kern_ctx(skb);

	return k ? (int)((a * b + c) & 1) : 2;
}
