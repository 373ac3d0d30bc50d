// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2
// Found by make conformance (seed 10000, gen_c_10000_1357): the verifier
// walks each iteration of a bounded loop, so after three iterations of
// sum += i + (x & 1) it knows sum is 3..6 and drops the branch on bit 3.
// The mirror joined the iterations at the loop head and kept the branch;
// it now keeps a state per loop counter value (kernel-mirror/contract.c).
#include "nocsr_test.h"

SEC("raw_tp/sys_enter")
int loop_sum_bits(__u64 *ctx)
{
	__u64 sum = 0, x = ctx[0];

#pragma clang loop unroll(disable)
	for (int i = 0; i < 3; i++)
		sum += i + (x & 1) + (bpf_get_smp_processor_id() & 0);
	if (sum & 8)
		return bpf_get_prandom_u32();
	return (int)sum;
}
