// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: the canonical use, a counter slot chosen by cpu id while the
 * packet pointers stay live across the call. */
#include "bench.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NR_CPUS_BENCH);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

SEC("tc")
int percpu_counter(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	__u32 cpu = bpf_get_smp_processor_id() % NR_CPUS_BENCH;
	__u64 *c = bpf_map_lookup_elem(&counters, &cpu);

	if (c)
		*c += end - data;
	return data + 14 <= end;
}
