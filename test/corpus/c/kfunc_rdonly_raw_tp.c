// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpf_rdonly_cast (fastcall kfunc, two arguments) with three values live. */
#include "nocsr_test.h"

extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __bpf_fastcall;

SEC("raw_tp")
int kfunc_rdonly_raw_tp(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2], d = ctx[3];
	void *p = bpf_rdonly_cast(ctx, 0);

	return (a * 3 + b) ^ (c << 4) ^ d ^ (p != 0);
}
