// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A struct on the stack filled by bpf_probe_read_kernel (a helper writing
 * stack memory) next to a fastcall site. */
#include "nocsr_test.h"

struct pair {
	__u64 x, y;
};

SEC("raw_tp")
int stack_struct_helper(__u64 *ctx)
{
	struct pair p;
	__u64 a = ctx[2], b = ctx[3];
	__u64 cpu = bpf_get_smp_processor_id();

	bpf_probe_read_kernel(&p, sizeof(p), ctx);
	return p.x + p.y * a + b + cpu;
}
