// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -Os
// Found by make conformance (seed 10000): mirror != kernel.  The verifier
// walks each iteration of the loops that sum cpu ids, and knows bounds
// the mirror lost by joining the iterations at the loop head.
#include "nocsr_test.h"

static __attribute__((noinline)) __u64 sub0(__u64 a, __u64 b)
{
	__u64 v1 = a * a + bpf_ktime_get_ns() & 0;
	if ((b & 1) == 0) {
	a = b | a;
	if ((b & 2) == 0) {
	__u64 v2 = b | v1 + bpf_get_smp_processor_id();
	v2 = b & v2;
	a ^= bpf_ktime_get_ns() & 0;
	__u64 v3 = (v1 * 9877) + bpf_get_smp_processor_id();
	__u64 v4 = (v1 << 13) ^ v2 + bpf_get_prandom_u32() & 0;
	__u64 v5 = (v3 << 9) ^ v1 + bpf_get_smp_processor_id();
	}
	__u64 v6 = (a & 44740) + bpf_get_smp_processor_id();
	for (int v7 = 0; v7 < 3; v7++) {
		a += v7 + bpf_get_smp_processor_id();
	}
	}
	if ((a & 1) == 0) {
	for (int v8 = 0; v8 < 2; v8++) {
		b += v8 + bpf_ktime_get_ns() & 0;
	}
	b ^= bpf_get_prandom_u32() & 0;
	a = (b << 11) ^ v1;
	__u64 v9 = (b << 15) ^ b + bpf_get_prandom_u32() & 0;
	b = a & b;
	}
	if ((b & 8) == 0) {
	__u64 v10 = (a << 5) ^ a + bpf_get_smp_processor_id();
	for (int v11 = 0; v11 < 2; v11++) {
		v1 += v11 + bpf_get_smp_processor_id();
	}
	b = (v1 & 7628);
	if ((a & 2) == 0) {
	__u64 v12 = (b << 1) ^ v10 + bpf_get_smp_processor_id();
	v12 ^= bpf_get_prandom_u32() & 0;
	b = (b << 14) ^ b;
	}
	__u64 v13 = (v10 | 14523) + bpf_get_smp_processor_id();
	v10 = (b | 41910);
	}
	v1 = b * b;
	return a ^ b ^ v1;
}

SEC("raw_tp/sys_enter")
int gen_c_10000_4314(__u64 *ctx)
{
	__u64 v14 = ctx[0];
	v14 = (v14 | 30382);
	if ((v14 & 4) == 0) {
	__u64 v15 = v14 & v14 + bpf_get_smp_processor_id();
	v14 ^= bpf_get_smp_processor_id();
	__u64 v16 = (v15 - 32150) + bpf_get_smp_processor_id();
	}
	__u64 v17 = sub0(v14, v14);
	return (int)((v14 * 1) ^ (v17 * 3));
}
