// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: event stamping with a real (non-fastcall) helper beside the
 * fastcall one; only the fastcall site may keep its values in r1-r5. */
#include "bench.h"

struct event {
	__u64 ts;
	__u32 cpu;
	__u32 len;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NR_CPUS_BENCH);
	__type(key, __u32);
	__type(value, struct event);
} last SEC(".maps");

SEC("tc")
int timestamp_event(struct __sk_buff *skb)
{
	__u32 len = skb->len;
	__u32 cpu = bpf_get_smp_processor_id() % NR_CPUS_BENCH;
	struct event *e = bpf_map_lookup_elem(&last, &cpu);

	if (!e)
		return 0;
	e->ts = bpf_ktime_get_ns();
	e->cpu = cpu;
	e->len = len;
	return len;
}
