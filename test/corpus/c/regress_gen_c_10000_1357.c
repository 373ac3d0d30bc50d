// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O1
// Found by make conformance (seed 10000): the verifier walks every
// iteration of the loops in sub0 and knows the sum is 3..6; the mirror
// joins iterations and keeps the branch on bit 3 (loop_sum_bits.c).
#include "nocsr_test.h"

static __attribute__((noinline)) __u64 sub0(__u64 a, __u64 b)
{
	b ^= bpf_get_prandom_u32() & 0;
	__u64 v1 = a + a + bpf_get_smp_processor_id();
	__u64 v2 = (b | 56246) + bpf_get_smp_processor_id();
	if ((v1 & 4) == 0) {
	for (int v3 = 0; v3 < 3; v3++) {
		a += v3 + bpf_get_smp_processor_id();
	}
	for (int v4 = 0; v4 < 5; v4++) {
		v2 += v4 + bpf_get_smp_processor_id();
	}
	if ((a & 8) == 0) {
	a ^= bpf_ktime_get_ns() & 0;
	__u64 v5 = (v1 << 21) ^ v1 + bpf_get_smp_processor_id();
	b ^= bpf_get_prandom_u32() & 0;
	__u64 v6 = (v2 | 57667) + bpf_get_smp_processor_id();
	v1 ^= bpf_get_smp_processor_id();
	}
	v2 ^= bpf_get_prandom_u32() & 0;
	if ((a & 4) == 0) {
	v1 ^= bpf_get_smp_processor_id();
	b ^= bpf_get_prandom_u32() & 0;
	a ^= bpf_get_prandom_u32() & 0;
	v1 ^= bpf_get_prandom_u32() & 0;
	__u64 v7 = (v1 << 1) ^ b + bpf_ktime_get_ns() & 0;
	b ^= bpf_get_prandom_u32() & 0;
	}
	__u64 v8 = v2 | b + bpf_get_smp_processor_id();
	}
	v2 ^= bpf_get_smp_processor_id();
	return a ^ b ^ v1 ^ v2;
}

SEC("raw_tp/sys_enter")
int gen_c_10000_1357(__u64 *ctx)
{
	__u64 v9 = ctx[0];
	v9 ^= bpf_get_prandom_u32() & 0;
	for (int v10 = 0; v10 < 3; v10++) {
		v9 += v10 + bpf_get_prandom_u32() & 0;
	}
	if ((v9 & 1) == 0) {
	__u64 v11 = v9 ^ v9 + bpf_get_smp_processor_id();
	__u64 v12 = (v11 << 26) ^ v9 + bpf_get_smp_processor_id();
	if ((v11 & 4) == 0) {
	v11 ^= bpf_get_smp_processor_id();
	__u64 v13 = v12 & v11 + bpf_get_smp_processor_id();
	v11 = (v13 << 8) ^ v13;
	}
	v11 ^= bpf_get_smp_processor_id();
	v9 ^= bpf_get_prandom_u32() & 0;
	}
	v9 = (v9 << 10) ^ v9;
	if ((v9 & 8) == 0) {
	v9 = (v9 + 24928);
	v9 ^= bpf_ktime_get_ns() & 0;
	__u64 v14 = (v9 << 13) ^ v9 + bpf_get_smp_processor_id();
	v14 = (v9 << 8) ^ v9;
	__u64 v15 = (v9 | 24334) + bpf_get_smp_processor_id();
	}
	__u64 v16 = (v9 * 10634) + bpf_ktime_get_ns() & 0;
	__u64 v17 = sub0(v16, v9);
	return (int)((v9 * 1) ^ (v16 * 3) ^ (v17 * 5));
}
