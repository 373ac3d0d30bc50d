// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A running checksum over the arguments with the call in the middle. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_void_ctx_arith(__u64 *ctx)
{
	__u64 s = ctx[0] + ctx[1] + ctx[2];

	s ^= bpf_get_smp_processor_id();
	return s + ctx[3] + ctx[4] + ctx[5];
}
