// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Eight sites, unrolled by hand, each with a growing live set. */
#include "nocsr_test.h"

SEC("raw_tp")
int unrolled_many(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2], d = ctx[3];
	__u64 s = bpf_get_smp_processor_id();

	s += a + bpf_get_smp_processor_id();
	s += a * b + bpf_get_smp_processor_id();
	s += a * b * c + bpf_get_smp_processor_id();
	s += a * b * c * d + bpf_get_smp_processor_id();
	s ^= b + bpf_get_smp_processor_id();
	s ^= c + bpf_get_smp_processor_id();
	s ^= d + bpf_get_smp_processor_id();
	return s + a + b + c + d;
}
