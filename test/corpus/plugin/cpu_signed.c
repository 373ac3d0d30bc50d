// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Signed values and shifts live across the call. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_signed(__s64 *ctx)
{
	__s64 a = ctx[0] - 100, b = ctx[1] - 7;
	__s32 cpu = bpf_get_smp_processor_id();

	return (a >> 1) * (b >> 2) + (a < b ? cpu : -cpu);
}
