// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -Os -mcpu=v4
// Found by make conformance (seed 1): the kernel bounds the return value of
// bpf_get_smp_processor_id by nr_cpu_ids, so (cpu & 4) == 0 is known on a
// host with at most 4 CPUs and the other branch is dead code.
#include "nocsr_test.h"

SEC("raw_tp/sys_enter")
int regress_gen_c_1_96(__u64 *ctx)
{
	__u64 v1 = ctx[0];
	__u64 v2 = v1 + v1 + bpf_ktime_get_ns() & 0;
	v1 = (v1 + 54528);
	for (int v3 = 0; v3 < 4; v3++) {
		v2 += v3 + bpf_get_smp_processor_id();
	}
	__u64 v4 = (v2 << 20) ^ v2 + bpf_get_prandom_u32() & 0;
	v1 = v2 + v4;
	if ((v4 & 4) == 0) {
	__u64 v5 = v1 * v4 + bpf_ktime_get_ns() & 0;
	__u64 v6 = (v4 << 23) ^ v5 + bpf_get_smp_processor_id();
	v5 = (v1 * 39537);
	if ((v6 & 4) == 0) {
	__u64 v7 = (v2 << 22) ^ v2 + bpf_ktime_get_ns() & 0;
	v1 ^= bpf_get_smp_processor_id();
	v5 ^= bpf_get_smp_processor_id();
	v5 = (v6 ^ 55397);
	v1 ^= bpf_get_smp_processor_id();
	}
	__u64 v8 = (v4 << 21) ^ v5 + bpf_get_smp_processor_id();
	__u64 v9 = (v1 + 46587) + bpf_get_prandom_u32() & 0;
	}
	return (int)((v1 * 1) ^ (v2 * 3) ^ (v4 * 5));
}
