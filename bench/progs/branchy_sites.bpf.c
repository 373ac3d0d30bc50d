// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: fastcall sites on both arms of branches with different values
 * live on each arm.
 * Group: register pressure. */
#include "bench.h"

SEC("tc")
int branchy_sites(struct __sk_buff *skb)
{
	__u64 a = skb->len, b = skb->mark, c = skb->priority;

	if (a & 1) {
		a += bpf_get_smp_processor_id();
		b ^= a;
	} else {
		c += bpf_get_smp_processor_id();
		a ^= c;
	}
	if (b > c)
		b += bpf_get_smp_processor_id() * a;
	return a + b + c;
}
