// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: tc-style header parsing that keeps data, data_end and the parsed
 * fields live, with the cpu id needed only at the end. */
#include "bench.h"

SEC("tc")
int tc_parse_late_cpu(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = data + sizeof(*eth);
	__u32 saddr, daddr, proto, cpu;

	if ((void *)(ip + 1) > end)
		return 0;
	saddr = ip->saddr;
	daddr = ip->daddr;
	proto = ip->protocol;
	cpu = bpf_get_smp_processor_id();
	return (saddr ^ daddr ^ proto ^ eth->h_proto) + cpu;
}
