// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: bpf-to-bpf subprograms, each with its own fastcall site and its
 * own pattern region. */
#include "bench.h"

static __noinline __u64 mix(__u64 a, __u64 b)
{
	__u32 cpu = bpf_get_smp_processor_id();

	return (a ^ cpu) * 31 + b;
}

static __noinline __u64 fold(__u64 a, __u64 b, __u64 c)
{
	__u32 cpu = bpf_get_smp_processor_id();

	return mix(a + cpu, b) ^ c;
}

SEC("tc")
int subprog_chain(struct __sk_buff *skb)
{
	return fold(skb->len, skb->mark, skb->hash) + mix(skb->priority, 7);
}
