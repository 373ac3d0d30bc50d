// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Helpers that write into memory one of their arguments points to.  The
 * verifier simulates such writes as stack stores by the call instruction,
 * which breaks the fastcall stack contract when they hit the reserved slots
 * (selftest bad_helper_write).  bpf_helper_defs.h cannot tell us this, so the
 * list is kept by hand from the helpers' bpf_func_proto arg types
 * (ARG_PTR_TO_UNINIT_MEM, ARG_PTR_TO_LONG, ARG_PTR_TO_FIXED_SIZE_MEM|MEM_UNINIT).
 */
#include "nocsr/helpers.h"

#define ARG(n)	(1u << ((n) - 1))

static const struct {
	int32_t id;
	unsigned int args;
} writes[] = {
	{ 4, ARG(1) },		/* probe_read */
	{ 16, ARG(1) },		/* get_current_comm */
	{ 20, ARG(2) },		/* skb_get_tunnel_key */
	{ 26, ARG(3) },		/* skb_load_bytes */
	{ 29, ARG(2) },		/* skb_get_tunnel_opt */
	{ 45, ARG(1) },		/* probe_read_str */
	{ 55, ARG(3) },		/* perf_event_read_value */
	{ 57, ARG(4) },		/* getsockopt */
	{ 58, ARG(3) },		/* perf_prog_read_value */
	{ 66, ARG(3) },		/* skb_get_xfrm_state */
	{ 67, ARG(2) },		/* get_stack */
	{ 68, ARG(4) },		/* skb_load_bytes_relative */
	{ 101, ARG(2) },	/* sysctl_get_name */
	{ 102, ARG(2) },	/* sysctl_get_current_value */
	{ 103, ARG(2) },	/* sysctl_get_new_value */
	{ 105, ARG(4) },	/* strtol */
	{ 106, ARG(4) },	/* strtoul */
	{ 112, ARG(1) },	/* probe_read_user */
	{ 113, ARG(1) },	/* probe_read_kernel */
	{ 114, ARG(1) },	/* probe_read_user_str */
	{ 115, ARG(1) },	/* probe_read_kernel_str */
	{ 119, ARG(2) },	/* read_branch_records */
	{ 120, ARG(3) },	/* get_ns_current_pid_tgid */
	{ 141, ARG(2) },	/* get_task_stack */
	{ 142, ARG(2) },	/* load_hdr_opt */
	{ 147, ARG(2) },	/* d_path */
	{ 148, ARG(1) },	/* copy_from_user */
	{ 165, ARG(1) },	/* snprintf */
	{ 176, ARG(1) },	/* get_branch_snapshot */
	{ 183, ARG(2) },	/* get_func_arg */
	{ 184, ARG(1) },	/* get_func_ret */
	{ 189, ARG(3) },	/* xdp_load_bytes */
	{ 191, ARG(1) },	/* copy_from_user_task */
};

unsigned int nocsr_helper_write_args(int32_t id)
{
	unsigned int i;

	for (i = 0; i < sizeof(writes) / sizeof(writes[0]); i++)
		if (writes[i].id == id)
			return writes[i].args;
	return 0;
}
