// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A per-CPU array indexed by the current cpu. */
#include "nocsr_test.h"

struct {
	__uint(type, 6);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} pc SEC(".maps");

SEC("raw_tp")
int percpu_array(__u64 *ctx)
{
	__u32 k = 1;
	__u64 a = ctx[0], b = ctx[1];
	__u64 *v = bpf_map_lookup_elem(&pc, &k);

	if (!v)
		return 0;
	*v += a * bpf_get_smp_processor_id() + b;
	return *v ^ a ^ b;
}
