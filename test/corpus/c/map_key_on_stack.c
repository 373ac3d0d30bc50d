// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpf_map_lookup_elem/bpf_map_update_elem read key and value from the
 * stack around a fastcall site. */
#include "nocsr_test.h"

struct {
	__uint(type, 1);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

SEC("raw_tp")
int map_key_on_stack(__u64 *ctx)
{
	__u32 key = ctx[0] & 15;
	__u64 a = ctx[1], b = ctx[2];
	__u64 val = a + bpf_get_smp_processor_id() + b;
	__u64 *old;

	bpf_map_update_elem(&counts, &key, &val, 0);
	old = bpf_map_lookup_elem(&counts, &key);
	return old ? *old ^ a ^ b : 1;
}
