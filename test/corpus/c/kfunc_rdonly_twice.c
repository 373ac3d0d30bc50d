// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Two bpf_rdonly_cast sites with different live sets, one in a branch. */
#include "nocsr_test.h"

extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __bpf_fastcall;

SEC("raw_tp")
int kfunc_rdonly_twice(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];
	__u64 r = (__u64)(bpf_rdonly_cast(ctx, 0) != 0) + a;

	if (b & 1)
		r += (__u64)(bpf_rdonly_cast(ctx, 0) != 0) * c + b;
	return r ^ a ^ c;
}
