// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A jhash-like mix with several intermediates live at the call. */
#include "nocsr_test.h"

#define rol32(x, k) (((x) << (k)) | ((x) >> (32 - (k))))

SEC("raw_tp")
int cpu_bitops(__u64 *ctx)
{
	__u32 a = ctx[0], b = ctx[1], c = ctx[2];

	a -= c; a ^= rol32(c, 4); c += b;
	b -= a; b ^= rol32(a, 6); a += c;
	c ^= bpf_get_smp_processor_id();
	c -= b; c ^= rol32(b, 8); b += a;
	return a ^ b ^ c;
}
