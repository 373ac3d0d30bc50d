/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What the IR says about one call the BPF backend emits: whether it is a
 * fastcall site and which of r0..r5 it may clobber.  Plain data decided in
 * C with the LLVM C API; the machine passes only ask.
 */
#ifndef NOCSR_PLUGIN_IR_H
#define NOCSR_PLUGIN_IR_H

#include <stdbool.h>
#include <stdint.h>
#include <llvm-c/Core.h>

#ifdef __cplusplus
extern "C" {
#endif

enum nocsr_mark {
	NOCSR_MARK_NONE,	/* an ordinary call */
	NOCSR_MARK_ATTR,	/* bpf_fastcall on the call or its callee */
	NOCSR_MARK_KNOWN,	/* in the kernel's fastcall list, mark-known on */
};

struct nocsr_site {
	char name[64];		/* bpf_<helper>#<id>, or the callee's name */
	unsigned int clobbers;	/* bit i: the call may clobber r<i> */
	enum nocsr_mark mark;
	bool kernel_fastcall;	/* the newest kernel profile rewrites it here */
	bool raw_proto;		/* helper 8 in a socket/cgroup program */
	const char *skip;	/* why a candidate stays an ordinary call */
};

/* Set by -fplugin-arg-nocsr-mark-known or -nocsr-mark-known. */
extern bool nocsr_mark_known;

/*
 * Describe a call in function fn to helper id, or to callee (a Function).
 * arg_regs has bit i set when the machine call reads r<i>: it is added to
 * the clobbers so that a prototype that lies can only cost a pair.
 */
void nocsr_site__helper(struct nocsr_site *s, LLVMValueRef fn, int64_t id,
			unsigned int arg_regs);
void nocsr_site__callee(struct nocsr_site *s, LLVMValueRef fn,
			LLVMValueRef callee, unsigned int arg_regs);

/* The call keeps every register outside s->clobbers: pair what is live. */
static inline bool nocsr_site__is_fastcall(const struct nocsr_site *s)
{
	return s->mark != NOCSR_MARK_NONE && !s->skip;
}

/* Worth a -Rpass-missed remark: marked but skipped, or fastcall unmarked. */
static inline bool nocsr_site__is_missed(const struct nocsr_site *s)
{
	return s->skip;
}

#ifdef __cplusplus
}
#endif
#endif
