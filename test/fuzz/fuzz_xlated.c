// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libFuzzer: the whole xlated pipeline (subprograms, patterns, contract
 * walk, rewrite, printing) on raw instructions.  The first byte picks the
 * arch, the kernel profile and the section (program type); the rest are
 * instruction slots, as `nocsr_obj__from_insns()` takes them.
 */
#include <string.h>

#include "fuzz_common.h"

static const char *const secs[] = {
	"raw_tp/sys_enter", "socket", "xdp", "tc", "tracepoint/syscalls/x",
	"fentry/x", "cgroup_skb/egress", "syscall",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nocsr_obj *obj;
	struct bpf_insn *insns;
	size_t n;
	uint8_t sel;

	if (size < 1 + sizeof(*insns))
		return 0;
	sel = data[0];
	n = (size - 1) / sizeof(*insns);
	insns = malloc(n * sizeof(*insns));
	if (!insns)
		return 0;
	memcpy(insns, data + 1, n * sizeof(*insns));
	if (!nocsr_obj__from_insns(insns, n, secs[(sel >> 5) % 8], &obj)) {
		fuzz_mirror_obj(obj, (enum nocsr_arch)(sel % NOCSR_ARCH_CNT),
				(enum nocsr_kernel)((sel / NOCSR_ARCH_CNT) % NOCSR_KERNEL_CNT));
		nocsr_obj__close(obj);
	}
	free(insns);
	return 0;
}
