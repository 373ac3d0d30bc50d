/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * BPF helper prototypes as the contract needs them: name, argument count,
 * void-ness, and which arguments the helper writes through.  The first three
 * are generated at build time from libbpf's bpf_helper_defs.h
 * (tools/gen_helpers.py); the written-through arguments have no source there
 * and are kept by hand in arch/helper_writes.c.
 */
#ifndef NOCSR_HELPERS_H
#define NOCSR_HELPERS_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct nocsr_helper {
	int32_t id;
	const char *name;	/* without the bpf_ prefix, as the kernel prints */
	uint8_t nargs;		/* fixed arguments; variadic ones come on top */
	bool is_void;
	bool variadic;
};

/* NULL when id is not a helper this libbpf knows. */
const struct nocsr_helper *nocsr_helper_find(int32_t id);
int32_t nocsr_helper_max_id(void);
/*
 * Bit i set: argument i+1 (r{i+1}) points to memory the helper writes, with
 * its size in the argument that follows (ARG_PTR_TO_UNINIT_MEM style).
 */
unsigned int nocsr_helper_write_args(int32_t id);

#ifdef __cplusplus
}
#endif
#endif /* NOCSR_HELPERS_H */
