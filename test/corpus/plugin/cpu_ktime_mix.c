// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A timestamp taken around the CPU read (only its presence is returned). */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_ktime_mix(__u64 *ctx)
{
	__u64 t0 = bpf_ktime_get_ns(), a = ctx[0], b = ctx[1];
	__u32 cpu = bpf_get_smp_processor_id();
	__u64 t1 = bpf_ktime_get_ns();

	return (t1 >= t0) + cpu * a + b;
}
