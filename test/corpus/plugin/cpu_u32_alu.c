// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* 32-bit arithmetic: with alu32 the live values are w registers. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_u32_alu(__u32 *ctx)
{
	__u32 a = ctx[0], b = ctx[2], c = ctx[4];

	return (bpf_get_smp_processor_id() + a) * b - c;
}
