// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Stresses: an XDP steering decision mixing a flow hash with the current cpu
 * twice, with the hash and packet bounds live across both calls. */
#include "bench.h"

SEC("xdp")
int xdp_cpu_steer(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct iphdr *ip = data + sizeof(struct ethhdr);
	__u32 hash, here, again;

	if ((void *)(ip + 1) > end)
		return XDP_PASS;
	hash = ip->saddr * 2654435761u ^ ip->daddr;
	here = bpf_get_smp_processor_id();
	hash ^= hash >> 16;
	again = bpf_get_smp_processor_id();
	return (hash + here + again + (__u32)(end - data)) % 4 == 0 ? XDP_DROP : XDP_PASS;
}
