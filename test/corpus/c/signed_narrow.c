// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Signed and narrow values (sign extension after the fill). */
#include "nocsr_test.h"

SEC("raw_tp")
int signed_narrow(__u64 *ctx)
{
	int a = ctx[0];
	short b = ctx[1];
	signed char c = ctx[2];
	long x = bpf_get_smp_processor_id();

	x = x * a + b - c;
	return (int)((unsigned long)x / 3 + a + b + c + (long)bpf_get_smp_processor_id());
}
