// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: a log2 histogram per cpu; the packet length and bucket index are
 * live across the cpu-id call. */
#include "bench.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NR_CPUS_BENCH * 32);
	__type(key, __u32);
	__type(value, __u64);
} hist SEC(".maps");

static __always_inline __u32 log2_u32(__u32 v)
{
	__u32 r = 0;

	if (v >> 16) { v >>= 16; r += 16; }
	if (v >> 8) { v >>= 8; r += 8; }
	if (v >> 4) { v >>= 4; r += 4; }
	if (v >> 2) { v >>= 2; r += 2; }
	return r + (v >> 1);
}

SEC("tc")
int cpu_histogram(struct __sk_buff *skb)
{
	__u32 len = skb->len;
	__u32 bucket = log2_u32(len);
	__u32 key = (bpf_get_smp_processor_id() % NR_CPUS_BENCH) * 32 + bucket;
	__u64 *v = bpf_map_lookup_elem(&hist, &key);

	if (v)
		__sync_fetch_and_add(v, 1);
	return len + bucket;
}
