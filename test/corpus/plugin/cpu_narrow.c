// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* u8 and u16 fields unpacked before the call, used after. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_narrow(__u64 *ctx)
{
	__u64 w = ctx[0];
	__u8 proto = w;
	__u16 port = w >> 8;
	__u32 cpu = bpf_get_smp_processor_id();

	return proto * 1000 + port + cpu;
}
