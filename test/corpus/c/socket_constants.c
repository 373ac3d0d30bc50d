// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A socket filter: bpf_get_smp_processor_id is not fastcall for this
 * program type, so the plugin's pairs stay in the kernel. */
#include <linux/bpf.h>
#include "nocsr_test.h"

volatile __u64 g_x = 9, g_y = 2;

SEC("socket")
int socket_constants(struct __sk_buff *skb)
{
	__u64 x = g_x, y = g_y;
	__u64 r = x + (bpf_get_smp_processor_id() & 0) + y;

	return (int)(r * x * y) & 0xff;
}
