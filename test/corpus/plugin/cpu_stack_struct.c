// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A struct built on the stack, passed by pointer to a subprogram. */
#include "nocsr_test.h"

struct event {
	__u64 ts;
	__u32 cpu;
	__u32 len;
};

__attribute__((noinline)) static __u64 digest(const struct event *e)
{
	return e->ts * 7 + e->cpu * 3 + e->len;
}

SEC("raw_tp")
int cpu_stack_struct(__u64 *ctx)
{
	struct event e = {};
	__u64 a = ctx[0];

	e.ts = ctx[1];
	e.len = ctx[2];
	e.cpu = bpf_get_smp_processor_id();
	return digest(&e) + a;
}
