// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2, -O1 -mcpu=v2, -O3 -mcpu=v3, -Os -mcpu=v4, -Oz -mcpu=v1
// (no -O0: plain clang -O0 keeps the loop counter on the stack, the verifier cannot bound it)
/* A tc classifier with the call in a loop over packet facts. */
#include <linux/bpf.h>
#include "nocsr_test.h"

SEC("tc")
int tc_cpu_loop(struct __sk_buff *skb)
{
	__u32 len = skb->len, mark = 0;
	int i;

	for (i = 0; i < 4; i++)
		mark = mark * 7 + len + (bpf_get_smp_processor_id() & 0);
	return mark & 1 ? 0 : 2;
}
