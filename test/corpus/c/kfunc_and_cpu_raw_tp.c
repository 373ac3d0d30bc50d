// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A fastcall kfunc and the fastcall helper in one function. */
#include "nocsr_test.h"

extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __bpf_fastcall;

SEC("raw_tp")
int kfunc_and_cpu_raw_tp(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2], d = ctx[3];
	__u64 cpu = bpf_get_smp_processor_id();
	void *p = bpf_rdonly_cast(ctx, 0);

	return a + b * cpu + c * d + (p != 0) + bpf_get_smp_processor_id();
}
