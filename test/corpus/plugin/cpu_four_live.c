// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Four live values around the call, consumed after it. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_four_live(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2], d = ctx[3];
	__u32 cpu = bpf_get_smp_processor_id();

	return (a + cpu) * b - (c ^ d) + (d << 3);
}
