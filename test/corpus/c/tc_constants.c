// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A tc program with sites and values from globals, no context field. */
#include <linux/bpf.h>
#include "nocsr_test.h"

volatile __u64 g_x = 21, g_y = 4;

SEC("tc")
int tc_constants(struct __sk_buff *skb)
{
	__u64 x = g_x, y = g_y;
	__u64 r = x + bpf_get_smp_processor_id() * 0 + y;

	r ^= x * y + (bpf_get_smp_processor_id() & 0);
	return (int)(r & 1);
}
