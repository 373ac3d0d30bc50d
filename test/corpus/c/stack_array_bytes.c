// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2, -O1 -mcpu=v2, -O3 -mcpu=v3, -Os -mcpu=v4, -Oz -mcpu=v1
// (no -O0: plain clang -O0 keeps the loop counter on the stack, the verifier cannot bound it)
/* A byte array on the stack written through variable offsets. */
#include "nocsr_test.h"

SEC("raw_tp")
int stack_array_bytes(__u64 *ctx)
{
	unsigned char buf[32] = {};
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];

	for (int i = 0; i < 4; i++) {
		buf[(a + i) & 31] = (unsigned char)(b + bpf_get_smp_processor_id());
		buf[(c + i) & 31] ^= (unsigned char)a;
	}
	return buf[a & 31] + buf[c & 31] * 3 + b;
}
