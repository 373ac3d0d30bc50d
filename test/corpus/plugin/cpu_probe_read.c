// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* probe_read into a stack slot, then a fastcall with values live. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_probe_read(__u64 *ctx)
{
	__u64 v = 5, a = ctx[0], b = ctx[1];

	bpf_probe_read_kernel(&v, sizeof(v), (void *)0);
	a += v;
	return bpf_get_smp_processor_id() * a + b + v;
}
