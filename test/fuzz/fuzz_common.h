/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Included once by each fuzz target: its set-up, and what it does with an
 * object it managed to build.
 */
#ifndef NOCSR_FUZZ_COMMON_H
#define NOCSR_FUZZ_COMMON_H

#include <stdint.h>
#include <stdlib.h>

#include "nocsr_mirror.h"

/* Reproducible and quiet: no host vmlinux BTF, no messages. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("NOCSR_VMLINUX", "none", 1);
	nocsr_set_print(NULL);
	return 0;
}

/* Mirror each program and print everything a verb would print. */
static inline void fuzz_mirror_obj(struct nocsr_obj *obj, enum nocsr_arch arch,
				   enum nocsr_kernel kernel)
{
	volatile size_t sink = 0;
	size_t i, k;
	char buf[256];

	for (i = 0; i < nocsr_obj__prog_cnt(obj); i++) {
		struct nocsr_prog *p = nocsr_obj__prog(obj, i);

		for (k = 0; k < nocsr_prog__insn_cnt(p); k++)
			sink += (size_t)nocsr_prog__insn_text(p, k, buf, sizeof(buf));
		if (nocsr_prog__mirror(p, arch, kernel))
			continue;
		for (k = 0; k < nocsr_prog__xlated_cnt(p); k++) {
			const char *note = nocsr_prog__xlated_note(p, k);

			sink += (size_t)nocsr_prog__xlated_text(p, k, buf, sizeof(buf));
			sink += note ? note[0] : 0;
		}
		for (k = 0; k < nocsr_prog__site_cnt(p); k++)
			sink += nocsr_prog__site(p, k)->removed;
		for (k = 0; k < nocsr_prog__subprog_cnt(p); k++)
			sink += (size_t)nocsr_prog__subprog(p, k)->depth_after;
	}
	(void)sink;
}

#endif
