// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A struct key with the CPU in it, built while other values are live. */
#include <linux/bpf.h>
#include "nocsr_test.h"

struct key {
	__u32 cpu;
	__u32 kind;
	__u64 id;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, struct key);
	__type(value, __u64);
} seen SEC(".maps");

SEC("raw_tp")
int cpu_hash_key_struct(__u64 *ctx)
{
	struct key k = {};
	__u64 id = ctx[0], kind = ctx[1] & 7, val = ctx[2];

	k.cpu = bpf_get_smp_processor_id();
	k.kind = kind;
	k.id = id;
	bpf_map_update_elem(&seen, &k, &val, 0);
	return k.cpu + kind * id + val;
}
