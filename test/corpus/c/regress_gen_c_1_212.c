// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -Os -mcpu=v4
// Found by make conformance (seed 1): a branch on bits of the cpu id above
// nr_cpu_ids is dead code to the kernel (see cpu_range_branch.c).
#include "nocsr_test.h"

static __attribute__((noinline)) __u64 sub0(__u64 a, __u64 b)
{
	__u64 v1 = (a << 24) ^ a + bpf_ktime_get_ns() & 0;
	__u64 v2 = a * v1 + bpf_get_smp_processor_id();
	for (int v3 = 0; v3 < 5; v3++) {
		v1 += v3 + bpf_ktime_get_ns() & 0;
	}
	__u64 v4 = (b << 12) ^ a + bpf_get_prandom_u32() & 0;
	if ((v2 & 8) == 0) {
	__u64 v5 = b | a + bpf_get_smp_processor_id();
	__u64 v6 = (v2 << 30) ^ v5 + bpf_get_smp_processor_id();
	__u64 v7 = v6 ^ v1 + bpf_get_prandom_u32() & 0;
	__u64 v8 = (b | 31973) + bpf_get_smp_processor_id();
	b ^= bpf_ktime_get_ns() & 0;
	}
	v2 ^= bpf_get_smp_processor_id();
	return a ^ b ^ v1 ^ v2 ^ v4;
}

SEC("raw_tp/sys_enter")
int regress_gen_c_1_212(__u64 *ctx)
{
	__u64 v9 = ctx[0];
	__u64 v10 = ctx[1];
	__u64 v11 = ctx[2];
	if ((v11 & 8) == 0) {
	__u64 v12 = v11 & v10 + bpf_get_smp_processor_id();
	__u64 v13 = v12 + v12 + bpf_get_prandom_u32() & 0;
	v11 ^= bpf_get_smp_processor_id();
	v11 ^= bpf_get_smp_processor_id();
	if ((v12 & 2) == 0) {
	__u64 v14 = (v12 | 14898) + bpf_get_smp_processor_id();
	v12 ^= bpf_get_smp_processor_id();
	__u64 v15 = (v10 << 23) ^ v14 + bpf_get_smp_processor_id();
	v13 ^= bpf_get_smp_processor_id();
	}
	v9 ^= bpf_get_smp_processor_id();
	}
	__u64 v16 = (v11 << 28) ^ v10 + bpf_get_smp_processor_id();
	__u64 v17 = sub0(v10, v9);
	return (int)((v9 * 1) ^ (v10 * 3) ^ (v11 * 5) ^ (v16 * 7) ^ (v17 * 9));
}
