// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -Os
// Found by make conformance (seed 10000): mirror != kernel.  The verifier
// walks each iteration of the loops that sum cpu ids, and knows bounds
// the mirror lost by joining the iterations at the loop head.
#include "nocsr_test.h"

static __attribute__((noinline)) __u64 sub0(__u64 a, __u64 b)
{
	__u64 v1 = (b << 15) ^ b + bpf_get_smp_processor_id();
	b = (v1 << 26) ^ b;
	if ((v1 & 1) == 0) {
	__u64 v2 = (b << 17) ^ a + bpf_get_smp_processor_id();
	if ((b & 8) == 0) {
	__u64 v3 = (v2 << 21) ^ v1 + bpf_get_smp_processor_id();
	v3 = (v3 << 15) ^ v3;
	a ^= bpf_get_smp_processor_id();
	__u64 v4 = (v2 | 36162) + bpf_get_smp_processor_id();
	}
	__u64 v5 = a | v2 + bpf_get_prandom_u32() & 0;
	__u64 v6 = a & a + bpf_ktime_get_ns() & 0;
	if ((v5 & 1) == 0) {
	v2 ^= bpf_get_smp_processor_id();
	__u64 v7 = (v5 - 60027) + bpf_get_smp_processor_id();
	__u64 v8 = v7 + v5 + bpf_get_smp_processor_id();
	}
	v5 = (a << 18) ^ b;
	}
	__u64 v9 = (b << 19) ^ v1 + bpf_get_smp_processor_id();
	for (int v10 = 0; v10 < 5; v10++) {
		v9 += v10 + bpf_get_smp_processor_id();
	}
	b ^= bpf_get_smp_processor_id();
	return a ^ b ^ v1 ^ v9;
}

SEC("raw_tp/sys_enter")
int gen_c_10000_3138(__u64 *ctx)
{
	__u64 v11 = ctx[0];
	for (int v12 = 0; v12 < 4; v12++) {
		v11 += v12 + bpf_get_smp_processor_id();
	}
	if ((v11 & 4) == 0) {
	v11 = (v11 << 11) ^ v11;
	__u64 v13 = (v11 << 30) ^ v11 + bpf_get_prandom_u32() & 0;
	for (int v14 = 0; v14 < 3; v14++) {
		v11 += v14 + bpf_ktime_get_ns() & 0;
	}
	if ((v13 & 2) == 0) {
	__u64 v15 = (v11 << 9) ^ v11 + bpf_get_prandom_u32() & 0;
	__u64 v16 = (v11 - 60319) + bpf_get_smp_processor_id();
	}
	v11 = (v11 << 20) ^ v11;
	__u64 v17 = v11 | v11 + bpf_get_smp_processor_id();
	}
	if ((v11 & 2) == 0) {
	v11 ^= bpf_get_smp_processor_id();
	v11 ^= bpf_get_smp_processor_id();
	v11 = (v11 << 19) ^ v11;
	v11 ^= bpf_get_smp_processor_id();
	v11 ^= bpf_get_smp_processor_id();
	v11 = (v11 ^ 647);
	}
	__u64 v18 = v11 + v11 + bpf_get_prandom_u32() & 0;
	for (int v19 = 0; v19 < 5; v19++) {
		v18 += v19 + bpf_get_smp_processor_id();
	}
	__u64 v20 = sub0(v11, v18);
	return (int)((v11 * 1) ^ (v18 * 3) ^ (v20 * 5));
}
