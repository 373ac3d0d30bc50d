/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Two fastcalls with 2 and 1 live values, and a map key on the stack that
 * the lookup reads: clang 22 puts the key above the fastcall slots.
 * Returns the map value (0) + ctx[2].
 */
#include "nocsr_test.h"

struct {
	__uint(type, 2);	/* BPF_MAP_TYPE_ARRAY */
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} m SEC(".maps");

SEC("raw_tp")
int map_key(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];
	__u32 k = bpf_get_smp_processor_id() + a;
	__u64 *v;

	k *= b;
	k ^= bpf_get_smp_processor_id();
	v = bpf_map_lookup_elem(&m, &k);
	if (v)
		return *v + c;
	return 0;
}
