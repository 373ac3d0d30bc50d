// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2, -O1 -mcpu=v2, -O3 -mcpu=v3, -Os -mcpu=v4, -Oz -mcpu=v1
// (no -O0: plain clang -O0 keeps the loop counter on the stack, the verifier cannot bound it)
/* A stack array indexed in a loop around the helper. */
#include "nocsr_test.h"

SEC("raw_tp")
int stack_array_index(__u64 *ctx)
{
	__u64 arr[8];
	__u64 a = ctx[0], b = ctx[1];

	for (int i = 0; i < 8; i++)
		arr[i] = a * i + b + bpf_get_smp_processor_id();
	return arr[a & 7] ^ arr[b & 7] ^ a ^ b;
}
