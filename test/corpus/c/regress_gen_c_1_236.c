// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O1
// Found by make conformance (seed 1): a branch on bits of the cpu id above
// nr_cpu_ids is dead code to the kernel (see cpu_range_branch.c).
#include "nocsr_test.h"

static __attribute__((noinline)) __u64 sub0(__u64 a, __u64 b)
{
	__u64 v1 = (a & 27622) + bpf_ktime_get_ns() & 0;
	for (int v2 = 0; v2 < 5; v2++) {
		v1 += v2 + bpf_get_smp_processor_id();
	}
	if ((a & 2) == 0) {
	__u64 v3 = (b * 36205) + bpf_ktime_get_ns() & 0;
	__u64 v4 = (v3 ^ 65312) + bpf_get_smp_processor_id();
	}
	__u64 v5 = v1 * a + bpf_ktime_get_ns() & 0;
	v5 = b - a;
	v5 ^= bpf_get_smp_processor_id();
	return a ^ b ^ v1 ^ v5;
}

static __attribute__((noinline)) __u64 sub1(__u64 a, __u64 b)
{
	__u64 v6 = (b * 49568) + bpf_get_smp_processor_id();
	if ((v6 & 4) == 0) {
	for (int v7 = 0; v7 < 2; v7++) {
		b += v7 + bpf_get_smp_processor_id();
	}
	for (int v8 = 0; v8 < 4; v8++) {
		v6 += v8 + bpf_ktime_get_ns() & 0;
	}
	if ((a & 2) == 0) {
	__u64 v9 = (b << 27) ^ b + bpf_get_prandom_u32() & 0;
	v6 ^= bpf_get_smp_processor_id();
	v9 = v6 - a;
	__u64 v10 = a | a + bpf_get_smp_processor_id();
	}
	__u64 v11 = b & a + bpf_get_smp_processor_id();
	}
	v6 = (a << 23) ^ b;
	return a ^ b ^ v6;
}

SEC("raw_tp/sys_enter")
int regress_gen_c_1_236(__u64 *ctx)
{
	__u64 v12 = ctx[0];
	__u64 v13 = v12 * v12 + bpf_ktime_get_ns() & 0;
	v13 = (v12 << 19) ^ v13;
	v12 ^= bpf_get_smp_processor_id();
	v13 ^= bpf_get_prandom_u32() & 0;
	__u64 v14 = v12 & v12 + bpf_ktime_get_ns() & 0;
	if ((v13 & 4) == 0) {
	v12 ^= bpf_get_smp_processor_id();
	v13 = (v14 + 44686);
	if ((v12 & 4) == 0) {
	__u64 v15 = (v13 << 10) ^ v13 + bpf_get_smp_processor_id();
	__u64 v16 = v14 | v14 + bpf_get_smp_processor_id();
	v13 ^= bpf_get_smp_processor_id();
	__u64 v17 = v14 - v13 + bpf_ktime_get_ns() & 0;
	}
	if ((v14 & 4) == 0) {
	v12 ^= bpf_get_prandom_u32() & 0;
	v14 ^= bpf_get_smp_processor_id();
	__u64 v18 = v14 + v12 + bpf_get_smp_processor_id();
	v14 ^= bpf_get_smp_processor_id();
	}
	}
	__u64 v19 = sub0(v14, v13);
	__u64 v20 = sub1(v12, v19);
	return (int)((v12 * 1) ^ (v13 * 3) ^ (v14 * 5) ^ (v19 * 7) ^ (v20 * 9));
}
