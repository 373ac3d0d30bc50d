/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * libnocsr_mirror: predicts what a Linux kernel's verifier makes of the
 * bpf_fastcall spill/fill patterns in a BPF object, and prints the
 * translated program the way `bpftool prog dump xlated` does.
 *
 * libbpf conventions: opaque objects, `object__verb` names, 0 or a negative
 * errno as result, every message through one print callback.
 *
 *	struct nocsr_obj *obj;
 *	if (nocsr_obj__open("x.o", &obj))	// builds programs like libbpf
 *		...
 *	prog = nocsr_obj__prog(obj, 0);
 *	nocsr_prog__mirror(prog, NOCSR_ARCH_X86_64, NOCSR_K6_18);
 *	for (i = 0; i < nocsr_prog__xlated_cnt(prog); i++) ...
 */
#ifndef NOCSR_MIRROR_H
#define NOCSR_MIRROR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/bpf.h>

#include "nocsr/contract.h"

#ifdef __cplusplus
extern "C" {
#endif

enum nocsr_print_level {
	NOCSR_WARN,
	NOCSR_INFO,
	NOCSR_DEBUG,
};

typedef int (*nocsr_print_fn_t)(enum nocsr_print_level level,
				const char *fmt, va_list args);
/* Returns the previous callback; NULL silences everything. */
nocsr_print_fn_t nocsr_set_print(nocsr_print_fn_t fn);

struct nocsr_obj;
struct nocsr_prog;

/* -EINVAL (bad ELF/BPF input), -ENOENT, -ENOMEM; details printed at WARN. */
int nocsr_obj__open(const char *path, struct nocsr_obj **obj);
/* The same from an ELF image in memory; name is used in messages. */
int nocsr_obj__open_mem(const void *buf, size_t size, const char *name,
			struct nocsr_obj **obj);
/*
 * One program "prog" of section sec_name (which sets the program type)
 * from raw instructions, as if loaded without relocations.
 */
int nocsr_obj__from_insns(const struct bpf_insn *insns, size_t cnt,
			  const char *sec_name, struct nocsr_obj **obj);
void nocsr_obj__close(struct nocsr_obj *obj);
/*
 * Whether rewrite converts context accesses into loads from the kernel's
 * structs, as convert_ctx_accesses() does (the default).  An interpreter
 * whose ctx is the uapi struct (__sk_buff as bytes) turns it off.
 */
void nocsr_obj__set_convert_ctx(struct nocsr_obj *obj, bool on);
/*
 * The target's nr_cpu_ids: the verifier bounds bpf_get_smp_processor_id()
 * by it and removes branches that cannot be taken.  0 (the default):
 * unknown, any u32 but U32_MAX.  nocsr_host_nr_cpus() reads the host's
 * from /sys/devices/system/cpu/possible (0 when unreadable).
 */
void nocsr_obj__set_nr_cpus(struct nocsr_obj *obj, unsigned int n);
unsigned int nocsr_host_nr_cpus(void);
size_t nocsr_obj__prog_cnt(const struct nocsr_obj *obj);
struct nocsr_prog *nocsr_obj__prog(const struct nocsr_obj *obj, size_t i);
struct nocsr_prog *nocsr_obj__find_prog(const struct nocsr_obj *obj,
					const char *name);

const char *nocsr_prog__name(const struct nocsr_prog *prog);
const char *nocsr_prog__section(const struct nocsr_prog *prog);
/* The program as libbpf would hand it to the kernel (8-byte slots). */
size_t nocsr_prog__insn_cnt(const struct nocsr_prog *prog);
const struct bpf_insn *nocsr_prog__insns(const struct nocsr_prog *prog);

/*
 * The kernel's order.  Each step runs the ones before it when needed; a
 * later call with another arch/kernel starts over.  -EINVAL means the
 * kernel would reject the program before fastcall matters (the message
 * says why).
 */
int nocsr_prog__find_patterns(struct nocsr_prog *prog, enum nocsr_arch arch,
			      enum nocsr_kernel kernel);
int nocsr_prog__check_contract(struct nocsr_prog *prog);
int nocsr_prog__rewrite(struct nocsr_prog *prog);
/* All three. */
int nocsr_prog__mirror(struct nocsr_prog *prog, enum nocsr_arch arch,
		       enum nocsr_kernel kernel);

enum nocsr_site_status {
	NOCSR_SITE_REWRITTEN,	/* every pair the compiler emitted is gone */
	NOCSR_SITE_PARTIAL,	/* some pairs removed, a further pair stays */
	NOCSR_SITE_KEPT,	/* nothing removed */
};

enum nocsr_site_reason {
	NOCSR_WHY_OK,
	NOCSR_WHY_PAIR_REJECTED,	/* the bracket breaks rule 4 */
	NOCSR_WHY_NOT_FASTCALL,		/* callee not fastcall in this kernel */
	NOCSR_WHY_NOT_INLINED,		/* fastcall but not inlined on arch */
	NOCSR_WHY_CONTRACT,		/* stack contract broken (rule 5) */
	NOCSR_WHY_JUMP_INTO,		/* 7.3: a jump enters the pattern */
	NOCSR_WHY_UNREACHABLE,		/* dead code, removed with its pairs */
};

/* One call the contract is about (a bracket around it, or a fastcall callee). */
struct nocsr_site {
	unsigned int insn;		/* call index in nocsr_prog__insns() */
	unsigned int subprog;
	const char *callee;		/* "bpf_get_smp_processor_id", kfunc name */
	bool is_kfunc;
	unsigned int clobber;		/* bit n: rn clobbered */
	unsigned int pairs;		/* pairs matched by rule 4 */
	unsigned int removed;		/* pairs removed */
	int lowest_off;			/* subprogram's lowest spill offset */
	enum nocsr_site_status status;
	enum nocsr_site_reason reason;
	const char *why;		/* one line, "" when fully rewritten */
	const char *file;		/* BTF line info, NULL when absent */
	unsigned int line;
	const char *source;
};

struct nocsr_subprog {
	unsigned int start;		/* in nocsr_prog__insns() */
	unsigned int xlated_start;	/* in nocsr_prog__xlated() */
	int lowest_off;
	int reserved_end;		/* kernel's fastcall_stack_off */
	bool keep_stack;
	bool global;			/* verified on its own (BTF_FUNC_GLOBAL) */
	bool contract_broken;
	char contract_why[256];
	int depth_before;		/* stack depth as compiled */
	int depth_after;		/* after removal and may_goto slots */
};

size_t nocsr_prog__site_cnt(const struct nocsr_prog *prog);
const struct nocsr_site *nocsr_prog__site(const struct nocsr_prog *prog,
					  size_t i);
size_t nocsr_prog__subprog_cnt(const struct nocsr_prog *prog);
const struct nocsr_subprog *nocsr_prog__subprog(const struct nocsr_prog *prog,
						size_t i);

/* The predicted xlated program (valid after nocsr_prog__rewrite()). */
size_t nocsr_prog__xlated_cnt(const struct nocsr_prog *prog);
const struct bpf_insn *nocsr_prog__xlated(const struct nocsr_prog *prog);
/*
 * "(%02x) text" of xlated slot i with symbolic placeholders for numbers
 * that only exist at load time; 0 for the second slot of an ld_imm64.
 */
int nocsr_prog__xlated_text(const struct nocsr_prog *prog, size_t i,
			    char *buf, size_t len);
/*
 * Why the kernel may print slot i differently, for rewrites the mirror
 * does not model (NULL when none): e.g. context accesses, which
 * convert_ctx_accesses() turns into loads from the kernel's own structs.
 */
const char *nocsr_prog__xlated_note(const struct nocsr_prog *prog, size_t i);
/* Same for the input program. */
int nocsr_prog__insn_text(const struct nocsr_prog *prog, size_t i,
			  char *buf, size_t len);

/*
 * nocsr fixup: move the spill/fill pairs clang 20+ places per call (each
 * call's outermost pair at the top of the area) to the function-wide
 * layout of nocsr_pair_offset(), changing only their offsets.
 */
enum nocsr_fixup_verdict {
	NOCSR_FIXUP_NONE,	/* no fastcall pairs in the subprogram */
	NOCSR_FIXUP_KEEP,	/* already in the function-wide layout */
	NOCSR_FIXUP_MOVE,	/* offsets change */
	NOCSR_FIXUP_REFUSED,	/* why says why; nothing may be written */
};

/* The pairs around one fastcall call, k = 0 next to the call. */
struct nocsr_fixup_site {
	unsigned int insn;		/* the call, in nocsr_prog__insns() */
	unsigned int subprog;
	const char *callee;
	unsigned int pairs;
	uint8_t reg[NOCSR_MAX_PAIRS];
	int16_t old_off[NOCSR_MAX_PAIRS];
	int16_t new_off[NOCSR_MAX_PAIRS];
};

struct nocsr_fixup_func {
	enum nocsr_fixup_verdict verdict;
	unsigned int sites, pairs, max_pairs;
	unsigned int moved;		/* spill/fill insns whose offset changes */
	int base;			/* top of the reserved area */
	char why[256];
};

struct nocsr_fixup {
	struct nocsr_fixup_func *funcs;	/* one per subprogram */
	size_t func_cnt;
	struct nocsr_fixup_site *sites;
	size_t site_cnt;
};

/*
 * Plan the fixup of every subprogram of prog (the program's own
 * instructions are left as they are).  -EINVAL: bad input, as for the
 * other steps.
 */
int nocsr_prog__plan_fixup(struct nocsr_prog *prog, struct nocsr_fixup **fix);
void nocsr_fixup__free(struct nocsr_fixup *fix);

/* Where input slot i comes from: its ELF function and file offset. */
const char *nocsr_prog__insn_func(const struct nocsr_prog *prog, size_t i);
uint64_t nocsr_prog__insn_file_off(const struct nocsr_prog *prog, size_t i);

#ifdef __cplusplus
}
#endif
#endif
