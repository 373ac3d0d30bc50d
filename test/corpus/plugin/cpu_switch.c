// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Event dispatch on an opcode, each case mixing in the CPU differently. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_switch(__u64 *ctx)
{
	__u64 op = ctx[0] & 3, a = ctx[1], b = ctx[2];

	switch (op) {
	case 0:
		return a + bpf_get_smp_processor_id();
	case 1:
		return a * b + bpf_get_smp_processor_id();
	case 2:
		return (a ^ b) - bpf_get_smp_processor_id() * b;
	default:
		return b;
	}
}
