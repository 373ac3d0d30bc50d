// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A 400-byte stack buffer: pairs still fit below it (512-byte limit). */
#include "nocsr_test.h"

SEC("raw_tp")
int deep_frame_pairs(__u64 *ctx)
{
	volatile __u64 buf[50];
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];

	buf[0] = a;
	buf[49] = b;
	a += bpf_get_smp_processor_id() + c;
	return buf[0] + buf[49] + a + b + c;
}
