// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2, -O1 -mcpu=v2, -O3 -mcpu=v3, -Os -mcpu=v4, -Oz -mcpu=v1
// (no -O0: plain clang -O0 keeps the loop counter on the stack, the verifier cannot bound it)
/* Two sites in one loop body, one conditional. */
#include "nocsr_test.h"

SEC("raw_tp")
int loop_two_sites(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], s = 0;

	for (int i = 0; i < 6; i++) {
		s += a + bpf_get_smp_processor_id();
		if (s & 2)
			s ^= b * bpf_get_smp_processor_id();
		a += i;
	}
	return s + a + b;
}
