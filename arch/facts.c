// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Per-arch and per-kernel facts behind include/nocsr/contract.h.
 *
 * Sources: kernel/bpf/helpers.c (allow_fastcall, bpf_base_func_proto),
 * kernel/bpf/verifier.c (verifier_inlines_helper_call,
 * is_fastcall_kfunc_call), and the arm64 and riscv64 JITs'
 * bpf_jit_inlines_helper_call (both 6.10+, so every profile) and the
 * riscv64 JIT's bpf_jit_needs_zext.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#include "nocsr/contract.h"

/* Both are replaced by r0 = r1 on every arch; KF_FASTCALL from 6.13. */
const struct nocsr_kfunc nocsr_fastcall_kfuncs[] = {
	{ "bpf_cast_to_kern_ctx", 1, false },
	{ "bpf_rdonly_cast", 2, false },
};
const unsigned int nocsr_fastcall_kfunc_cnt =
	sizeof(nocsr_fastcall_kfuncs) / sizeof(nocsr_fastcall_kfuncs[0]);

static const char *const arch_names[NOCSR_ARCH_CNT] = {
	[NOCSR_ARCH_X86_64] = "x86_64",
	[NOCSR_ARCH_ARM64] = "arm64",
	[NOCSR_ARCH_RISCV64] = "riscv64",
};

static const char *const kernel_names[NOCSR_KERNEL_CNT] = {
	[NOCSR_K6_12] = "6.12",
	[NOCSR_K6_13] = "6.13",
	[NOCSR_K6_15] = "6.15",
	[NOCSR_K6_18] = "6.18",
	[NOCSR_K7_3] = "7.3",
};

bool nocsr_helper_is_fastcall(int32_t id, enum nocsr_kernel k)
{
	(void)k;	/* unchanged from 6.12 through the newest tree read */
	return id == NOCSR_FUNC_get_smp_processor_id;
}

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

	for (i = 0; sec && i < sizeof(raw_smp_sections) / sizeof(raw_smp_sections[0]); i++)
		if (!strncmp(sec, raw_smp_sections[i], strlen(raw_smp_sections[i])))
			return true;
	return false;
}

bool nocsr_helper_verifier_inlines(int32_t id, enum nocsr_arch a,
				   enum nocsr_kernel k)
{
	(void)k;
	return a == NOCSR_ARCH_X86_64 && id == NOCSR_FUNC_get_smp_processor_id;
}

static bool jit_inlines(int32_t id, enum nocsr_arch a)
{
	return (a == NOCSR_ARCH_ARM64 || a == NOCSR_ARCH_RISCV64) &&
	       id == NOCSR_FUNC_get_smp_processor_id;
}

bool nocsr_helper_is_inlined(int32_t id, enum nocsr_arch a, enum nocsr_kernel k)
{
	return nocsr_helper_verifier_inlines(id, a, k) || jit_inlines(id, a);
}

/*
 * arch/riscv/net/bpf_jit_core.c overrides the weak bpf_jit_needs_zext()
 * to return true (since 5.3, so on every profile); the x86_64 and arm64
 * JITs keep the default false because their 32-bit operations clear the
 * upper half themselves.
 */
bool nocsr_jit_needs_zext(enum nocsr_arch a)
{
	return a == NOCSR_ARCH_RISCV64;
}

const struct nocsr_kfunc *nocsr_kfunc_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < nocsr_fastcall_kfunc_cnt; i++)
		if (!strcmp(nocsr_fastcall_kfuncs[i].name, name))
			return &nocsr_fastcall_kfuncs[i];
	return NULL;
}

bool nocsr_kfunc_is_fastcall(const char *name, enum nocsr_kernel k)
{
	/* 6.12 lists the two by name, 6.13 flags them KF_FASTCALL: same set. */
	(void)k;
	return nocsr_kfunc_find(name) != NULL;
}

const char *nocsr_arch_name(enum nocsr_arch a)
{
	return (unsigned int)a < NOCSR_ARCH_CNT ? arch_names[a] : "?";
}

const char *nocsr_kernel_name(enum nocsr_kernel k)
{
	return (unsigned int)k < NOCSR_KERNEL_CNT ? kernel_names[k] : "?";
}

int nocsr_arch_parse(const char *s, enum nocsr_arch *a)
{
	unsigned int i;

	for (i = 0; i < NOCSR_ARCH_CNT; i++) {
		if (!strcmp(s, arch_names[i])) {
			*a = i;
			return 0;
		}
	}
	if (!strcmp(s, "aarch64")) {
		*a = NOCSR_ARCH_ARM64;
		return 0;
	}
	return -EINVAL;
}

int nocsr_kernel_parse(const char *s, enum nocsr_kernel *k)
{
	unsigned int i;

	for (i = 0; i < NOCSR_KERNEL_CNT; i++) {
		if (!strcmp(s, kernel_names[i])) {
			*k = i;
			return 0;
		}
	}
	return -EINVAL;
}

int nocsr_kernel_from_release(const char *release, enum nocsr_kernel *k)
{
	unsigned int major, minor, want, i;
	int found = -ENOENT;

	if (sscanf(release, "%u.%u", &major, &minor) != 2)
		return -EINVAL;
	want = major * 1000 + minor;
	for (i = 0; i < NOCSR_KERNEL_CNT; i++) {
		unsigned int kmaj, kmin;

		sscanf(kernel_names[i], "%u.%u", &kmaj, &kmin);
		if (kmaj * 1000 + kmin <= want) {
			*k = i;
			found = 0;
		}
	}
	return found;
}

int nocsr_arch_host(enum nocsr_arch *a)
{
	struct utsname u;

	if (uname(&u))
		return -errno;
	return nocsr_arch_parse(u.machine, a);
}
