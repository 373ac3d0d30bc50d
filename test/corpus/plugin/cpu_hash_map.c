// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Count events per CPU in a hash map (hash lookups are not inlined). */
#include <linux/bpf.h>
#include "nocsr_test.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

SEC("raw_tp")
int cpu_hash_map(__u64 *ctx)
{
	__u64 add = ctx[0], one = 1;
	__u32 cpu = bpf_get_smp_processor_id();
	__u64 *v = bpf_map_lookup_elem(&counts, &cpu);

	if (v) {
		*v += add;
		return *v;
	}
	bpf_map_update_elem(&counts, &cpu, &one, 0);
	return add + cpu;
}
