// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2
// A static subprogram's return value is known to its caller: the kernel
// walks the callee for each call site and carries r0 back.  Here bits 1-21
// of the result are zero (the cpu id is 0 or 1 on a 2-cpu machine; at
// most bit 12 with the largest CONFIG_NR_CPUS), so the branch on bit 13 is
// dead code the kernel removes.  A global subprogram returns an unknown
// scalar instead: the same test on its result stays.
#include "nocsr_test.h"

static __attribute__((noinline)) __u64 low_bits_cpu(__u64 a)
{
	return (a << 22) ^ bpf_get_smp_processor_id();
}

__attribute__((noinline)) __u64 global_low_bits_cpu(__u64 a)
{
	return (a << 22) ^ bpf_get_smp_processor_id();
}

SEC("raw_tp/sys_enter")
int subprog_return_bits(__u64 *ctx)
{
	__u64 a = low_bits_cpu(ctx[0]), b = global_low_bits_cpu(ctx[1]);

	if (a & (1 << 13))
		a += bpf_get_prandom_u32();
	if (b & (1 << 13))
		b += bpf_get_prandom_u32();
	return (int)(a ^ b);
}
