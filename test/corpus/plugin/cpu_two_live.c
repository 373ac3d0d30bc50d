// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Two tracepoint arguments combined with the CPU number. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_two_live(__u64 *ctx)
{
	__u64 pid = ctx[0], len = ctx[1];
	__u32 cpu = bpf_get_smp_processor_id();

	return (pid ^ len) + cpu * 17 + len;
}
