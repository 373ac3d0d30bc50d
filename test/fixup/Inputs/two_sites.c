/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Two fastcalls with 2 and 1 live values; returns ((cpu + a) * b) ^ cpu. */
#include "nocsr_test.h"

SEC("raw_tp")
int two(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];
	__u64 x = bpf_get_smp_processor_id() + a;

	x *= b;
	x ^= bpf_get_smp_processor_id();
	return x;
}
