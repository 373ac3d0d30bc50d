// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// cflags: -O2 -mcpu=v4, -Os -mcpu=v4, -O1 -mcpu=v4
/* cpu v4 instructions (bswap, signed division, movsx) near sites. */
#include "nocsr_test.h"

SEC("raw_tp")
int bswap_sdiv_v4(__u64 *ctx)
{
	long a = ctx[0], b = (long)ctx[1] | 1;
	int c = ctx[2];
	long x = __builtin_bswap64(a) + bpf_get_smp_processor_id();

	x = x / b + (long)(short)c;
	return (int)(x + a % b + bpf_get_smp_processor_id() * c);
}
