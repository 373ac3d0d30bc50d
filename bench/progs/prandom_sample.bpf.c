// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: sampling with bpf_get_prandom_u32 (an ordinary call) and the
 * cpu id (a fastcall), with the sample rate and length live throughout. */
#include "bench.h"

SEC("tc")
int prandom_sample(struct __sk_buff *skb)
{
	__u32 rate = skb->mark | 1, len = skb->len;
	__u32 cpu = bpf_get_smp_processor_id();

	if (bpf_get_prandom_u32() % rate)
		return cpu;
	return len + cpu + rate;
}
