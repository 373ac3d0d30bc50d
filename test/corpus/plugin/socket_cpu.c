// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A socket filter keeping packet facts across the CPU read. */
#include <linux/bpf.h>
#include "nocsr_test.h"

SEC("socket")
int socket_cpu(struct __sk_buff *skb)
{
	__u32 len = skb->len, proto = skb->protocol;
	__u32 cpu = bpf_get_smp_processor_id();

	return (len + proto) & 0xff ? len + (cpu & 0) : 0;
}
