// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpf_trace_printk with its format on the stack between two sites. */
#include "nocsr_test.h"

SEC("raw_tp")
int printk_fmt_stack(__u64 *ctx)
{
	char fmt[] = "v %llu\n";
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];
	__u64 x = a + bpf_get_smp_processor_id();

	bpf_trace_printk(fmt, sizeof(fmt), x ^ b);
	return x + b + c + bpf_get_smp_processor_id();
}
