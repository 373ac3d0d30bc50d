// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Program types, as far as fastcall cares.
 *
 * bpf_get_smp_processor_id has two prototypes in the kernel: the one with
 * allow_fastcall (bpf_get_smp_processor_id_proto), which tracing, kprobe,
 * tracepoint, perf_event, raw_tp, tc, xdp, lwt and syscall programs get,
 * and bpf_get_raw_smp_processor_id_proto, which bpf_base_func_proto()
 * hands to the socket-level and cgroup program types.  With the second the
 * verifier still inlines the call on x86_64 but keeps the pairs and the
 * stack (forward-compatible pattern).  Checked on 6.18 by loading a pattern
 * in each section below; netfilter and struct_ops could not be loaded
 * here and are assumed to use the base prototype too.
 *
 * The program type comes from the section name, with libbpf's prefixes.
 */
#include <string.h>

#include "internal.h"

static const char *const raw_smp_sections[] = {
	"socket", "cgroup_skb/", "cgroup/skb", "sk_skb", "sk_msg",
	"flow_dissector", "cgroup/sock", "sockops", "cgroup/sysctl",
	"cgroup/bind", "cgroup/connect", "cgroup/getpeername",
	"cgroup/getsockname", "cgroup/sendmsg", "cgroup/recvmsg",
	"cgroup/post_bind", "cgroup/getsockopt", "cgroup/setsockopt",
	"cgroup/dev", "sk_lookup", "sk_reuseport", "netfilter", "struct_ops",
};

bool nocsr_sec_raw_smp_processor_id(const char *sec)
{
	size_t i;

	for (i = 0; i < sizeof(raw_smp_sections) / sizeof(raw_smp_sections[0]); i++)
		if (!strncmp(sec, raw_smp_sections[i], strlen(raw_smp_sections[i])))
			return true;
	return false;
}
