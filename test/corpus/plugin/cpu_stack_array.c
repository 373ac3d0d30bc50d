// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A stack buffer filled by a helper: pairs go below it. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_stack_array(__u64 *ctx)
{
	__u64 buf[4] = {};
	__u64 a = ctx[0];

	bpf_probe_read_kernel(buf, sizeof(buf), (void *)0);
	return buf[1] + bpf_get_smp_processor_id() * a + buf[3] + a;
}
