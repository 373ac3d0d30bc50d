// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A hash map with a struct key built on the stack, sites on both sides. */
#include "nocsr_test.h"

struct key {
	__u32 cpu, tag;
};

struct {
	__uint(type, 1);
	__uint(max_entries, 8);
	__type(key, struct key);
	__type(value, __u64);
} h SEC(".maps");

SEC("raw_tp")
int hash_map_struct_key(__u64 *ctx)
{
	struct key k = { .cpu = bpf_get_smp_processor_id(), .tag = ctx[0] };
	__u64 a = ctx[1], v = a * 5;
	__u64 *p;

	bpf_map_update_elem(&h, &k, &v, 0);
	p = bpf_map_lookup_elem(&h, &k);
	return (p ? *p : 0) + a + bpf_get_smp_processor_id();
}
