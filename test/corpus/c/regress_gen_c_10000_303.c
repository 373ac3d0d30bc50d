// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -Os -mcpu=v4
// Found by make conformance (seed 10000): the kernel walks a static
// subprogram per call site, so its return value is known to the caller;
// a branch on bits the callee cleared is dead code (subprog_return_bits.c).
#include "nocsr_test.h"

static __attribute__((noinline)) __u64 sub0(__u64 a, __u64 b)
{
	if ((a & 1) == 0) {
	b ^= bpf_get_smp_processor_id();
	__u64 v1 = b & a + bpf_get_prandom_u32() & 0;
	b = v1 | a;
	if ((b & 4) == 0) {
	v1 = (a << 28) ^ a;
	v1 ^= bpf_get_prandom_u32() & 0;
	b ^= bpf_get_smp_processor_id();
	b = (b + 38671);
	}
	}
	__u64 v2 = a - a + bpf_get_smp_processor_id();
	b = (a << 22) ^ a;
	__u64 v3 = (v2 & 37820) + bpf_get_smp_processor_id();
	return a ^ b ^ v2 ^ v3;
}

static __attribute__((noinline)) __u64 sub1(__u64 a, __u64 b)
{
	if ((b & 8) == 0) {
	b = (b << 1) ^ b;
	__u64 v4 = (a << 19) ^ a + bpf_ktime_get_ns() & 0;
	b ^= bpf_get_prandom_u32() & 0;
	__u64 v5 = b + v4 + bpf_get_smp_processor_id();
	a ^= bpf_get_smp_processor_id();
	v4 = (a << 24) ^ v4;
	}
	__u64 v6 = (a << 21) ^ b + bpf_get_smp_processor_id();
	if ((a & 1) == 0) {
	if ((a & 2) == 0) {
	v6 = (a << 20) ^ v6;
	v6 = (b | 46021);
	__u64 v7 = v6 + v6 + bpf_get_smp_processor_id();
	a = (v6 << 25) ^ v7;
	__u64 v8 = v7 - a + bpf_ktime_get_ns() & 0;
	v7 ^= bpf_get_smp_processor_id();
	}
	__u64 v9 = (b << 28) ^ b + bpf_ktime_get_ns() & 0;
	v9 ^= bpf_ktime_get_ns() & 0;
	if ((a & 8) == 0) {
	__u64 v10 = (a ^ 56804) + bpf_get_prandom_u32() & 0;
	__u64 v11 = a & v6 + bpf_get_prandom_u32() & 0;
	v9 = v6 & v6;
	v9 ^= bpf_get_smp_processor_id();
	b ^= bpf_get_smp_processor_id();
	}
	for (int v12 = 0; v12 < 3; v12++) {
		v6 += v12 + bpf_get_smp_processor_id();
	}
	__u64 v13 = (v6 + 49996) + bpf_get_prandom_u32() & 0;
	}
	v6 = (v6 << 1) ^ a;
	__u64 v14 = v6 * a + bpf_get_smp_processor_id();
	for (int v15 = 0; v15 < 2; v15++) {
		v14 += v15 + bpf_get_smp_processor_id();
	}
	return a ^ b ^ v6 ^ v14;
}

SEC("raw_tp/sys_enter")
int gen_c_10000_303(__u64 *ctx)
{
	__u64 v16 = ctx[0];
	__u64 v17 = ctx[1];
	__u64 v18 = ctx[2];
	v17 = (v18 * 22135);
	v16 = (v18 | 50233);
	__u64 v19 = sub0(v18, v18);
	__u64 v20 = sub1(v19, v16);
	return (int)((v16 * 1) ^ (v17 * 3) ^ (v18 * 5) ^ (v19 * 7) ^ (v20 * 9));
}
