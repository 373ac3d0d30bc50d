// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A large (400-byte) frame: the pairs still fit under 512 bytes. */
#include "nocsr_test.h"

SEC("raw_tp")
int cpu_deep_frame(__u64 *ctx)
{
	__u64 buf[50];
	__u64 a, b;

	bpf_probe_read_kernel(buf, sizeof(buf), (void *)0);
	a = ctx[0];
	b = ctx[1];
	return bpf_get_smp_processor_id() * a + b + buf[a & 31];
}
