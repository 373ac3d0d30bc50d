// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2 -mcpu=v3, -O1 -mcpu=v3, -Oz -mcpu=v4, -O3 -mcpu=v4
/* Atomic adds on a global between sites (v3 atomics). */
#include "nocsr_test.h"

__u64 g_total;

SEC("raw_tp")
int atomics_sites(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];
	__u64 old = __sync_fetch_and_add(&g_total, a + bpf_get_smp_processor_id());

	__sync_fetch_and_xor(&g_total, b);
	return old + a + b + bpf_get_smp_processor_id();
}
