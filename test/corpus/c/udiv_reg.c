// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Unsigned division and modulo by a register next to a site (the kernel
 * guards a zero divisor with extra instructions). */
#include "nocsr_test.h"

SEC("raw_tp")
int udiv_reg(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];
	__u64 x = a / (b | 1) + bpf_get_smp_processor_id();

	return x + a % (c | 1) + b + c;
}
