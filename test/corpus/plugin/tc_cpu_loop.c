// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
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
