/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Shared internals of libnocsr_mirror; not installed. */
#ifndef NOCSR_MIRROR_INTERNAL_H
#define NOCSR_MIRROR_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "disasm.h"
#include "nocsr_mirror.h"

__attribute__((format(printf, 2, 3)))
void nocsr_pr(enum nocsr_print_level level, const char *fmt, ...);
#define pr_warn(...)	nocsr_pr(NOCSR_WARN, __VA_ARGS__)
#define pr_info(...)	nocsr_pr(NOCSR_INFO, __VA_ARGS__)
#define pr_debug(...)	nocsr_pr(NOCSR_DEBUG, __VA_ARGS__)

/*
 * Ask for transparent huge pages under a large array (a hint: nothing
 * changes where the kernel gives none).
 */
void nocsr_huge_pages(void *p, size_t size);

/* Strings copied into chunks (the last one with free bytes left). */
struct nocsr_strs {
	char **chunks;
	size_t cnt, cap, free;
};

const char *nocsr_strs_dup(struct nocsr_strs *a, const char *s);
void nocsr_strs_free(struct nocsr_strs *a);

/* What the loader knows about one input slot beyond its encoding. */
enum sym_kind {
	SYM_NONE,
	SYM_MAP,	/* ld_imm64 of a map: sym = map name */
	SYM_DATA,	/* ld_imm64 into a global data section: sym = section */
	SYM_KSYM,	/* ld_imm64 of an extern ksym variable */
	SYM_KFUNC,	/* kfunc call: sym = name */
};

struct insn_meta {
	uint8_t kind;			/* enum sym_kind */
	bool kf_known;			/* kfunc prototype found */
	uint8_t kf_nargs;
	bool kf_void;
	int32_t kf_btf_id;		/* in vmlinux, 0 when unknown */
	const char *sym;
	uint32_t line;			/* 1 + index in prog->lines, 0: none */
	uint32_t func;			/* index in prog->funcs */
};

/* BTF line info a slot shows; kept per record, not per slot. */
struct prog_line {
	const char *file;
	const char *source;
	unsigned int line;
};

/* An ELF function appended to the program, so `nocsr fixup` can patch the file. */
struct prog_func {
	const char *name;
	bool global;			/* BTF_FUNC_GLOBAL as libbpf passes it on */
	size_t start;			/* first slot in the program */
	uint64_t file_off;		/* byte offset of that slot in the object file */
};

/* Per-slot analysis state. */
struct insn_aux {
	int subprog;
	bool seen;			/* reached by the verification pass */
	bool pattern;			/* fastcall_pattern */
	bool jump_target;		/* target of some jump (7.3 rule) */
	bool removed_pair;		/* NOP-ed pattern member */
	uint8_t spills_num;		/* fastcall_spills_num on a call */
	bool succ_seen[2];		/* fallthrough / taken edge followed */
	int site;			/* index in sites or -1 */
	int map;			/* helper call: map index in r1, -1 none, -2 several */
	bool ctx_access;		/* load/store through the ctx pointer */
	bool loop_seen;			/* bpf_loop: loop_inline_state */
	bool loop_fit;
	int loop_cb;
};

/* One slot of the predicted xlated program. */
enum x_kind {
	X_PLAIN,
	X_IMMSYM,	/* MOV imm printed as sym */
	X_CALLSYM,	/* helper call printed as sym#<addr> */
	X_SECOND,	/* second slot of ld_imm64 */
	X_OFFSYM,	/* load/store offset printed as sym */
};

struct xinsn {
	struct bpf_insn insn;
	int orig;		/* input slot it comes from, -1 when added */
	int target;		/* input slot a jump/call/func ref targets, or -1 */
	uint8_t kind;
	const char *sym;
};

struct nocsr_prog {
	struct nocsr_obj *obj;
	char *name;
	char *sec_name;
	bool raw_smp_proto;	/* the section's type gets the raw proto of id 8 */
	struct bpf_insn *insns;
	struct insn_meta *meta;
	size_t insn_cnt;
	struct prog_line *lines;
	size_t line_cnt;
	struct prog_func *funcs;
	size_t func_cnt;

	/* analysis */
	bool analysed;
	int stage;		/* 0 none, 1 patterns, 2 contract, 3 rewrite */
	enum nocsr_arch arch;
	enum nocsr_kernel kernel;
	/*
	 * Rule 5 without the kernel's gaps (fixup): fixed-offset reads are
	 * charged to the frame owning the slot, helper/kfunc reads of stack
	 * memory count as accesses, and a frame whose stack pointer the walk
	 * stops following counts as touched.
	 */
	bool strict;
	struct insn_aux *aux;
	struct nocsr_subprog *subprogs;
	size_t subprog_cnt;
	struct nocsr_site *sites;
	size_t site_cnt, site_cap;
	struct nocsr_strs whys;	/* the sites' why lines, freed on reset */
	struct xinsn *x;
	size_t x_cnt;
	struct bpf_insn *x_insns;
	bool ctx_tstamp_type;	/* some insn reads __sk_buff.tstamp_type */
	bool pkt_write;		/* some insn writes packet data directly */
};

/* A BTF-defined map (.maps), as far as the kernel's inlining cares. */
struct nocsr_map {
	const char *name;
	uint32_t type, key_size, value_size, max_entries, flags;
};

struct nocsr_obj {
	char *path;
	struct nocsr_map *maps;
	size_t map_cnt;
	struct nocsr_prog *progs;
	size_t prog_cnt;
	bool keep_ctx;		/* nocsr_obj__set_convert_ctx(obj, false) */
	unsigned int nr_cpus;	/* nocsr_obj__set_nr_cpus(), 0: unknown */
	/*
	 * Strings the programs point into: names are copied into strs, line
	 * info and map names point into the object's BTF, kept until close.
	 */
	struct nocsr_strs strs;
	struct btf *btf;
	const char **helper_names;	/* "bpf_" names sites use, by id */
};

const char *nocsr_obj_strdup(struct nocsr_obj *obj, const char *s);
/* Line info of slot i, NULL when it has none. */
const struct prog_line *nocsr_insn_line(const struct nocsr_prog *prog, size_t i);
/* The ELF function slot i comes from, NULL when unknown. */
const struct prog_func *nocsr_insn_func(const struct nocsr_prog *prog, size_t i);
int nocsr_obj_map(const struct nocsr_obj *obj, const char *name);

/* patterns.c */
int nocsr_subprog_of(const struct nocsr_prog *prog, size_t insn);
void nocsr_prog_reset(struct nocsr_prog *prog);
/*
 * Rule 4 for the call at i, pair k (k = 1 next to the call) expected at
 * lowest + 8 * (k - 1).  Returns the number of pairs; when the bracket
 * continues with something that looks like a further pair (or a lone spill
 * or fill where it should be), *attempt is set and why says why it was not
 * taken.  Marks nothing.
 */
unsigned int nocsr_match_pairs(const struct nocsr_prog *p, size_t i, int lowest,
			       const char *callee, unsigned int clobber,
			       bool *attempt, char *why, size_t wlen);
/* contract.c */
int nocsr_verify(struct nocsr_prog *prog);
/* rewrite.c */
int nocsr_build_xlated(struct nocsr_prog *prog);
/* zext.c: opt_subreg_zext_lo32_rnd_hi32 on the built xlated program */
int nocsr_zext_insert(struct nocsr_prog *prog);
/* kfunc prototype from vmlinux BTF, object BTF, or the built-in table */
void nocsr_kfunc_proto(struct nocsr_obj *obj, void *obj_btf, struct insn_meta *m);

/* ctx.c: convert_ctx_accesses */
#define CTX_MAX_INSNS	10
struct ctx_insn {
	struct bpf_insn insn;
	const char *off_sym;	/* placeholder for off, NULL when a number */
	const char *imm_sym;	/* placeholder for imm, NULL when a number */
};
/*
 * The kernel's rewrite of the context access at input slot i into out[]
 * (at most CTX_MAX_INSNS): the count, 0 when the program type's context
 * is not converted, -EOPNOTSUPP when it is but not modelled (*why names
 * what).
 */
int nocsr_ctx_convert(const struct nocsr_prog *prog, size_t i, struct ctx_insn *out,
		      const char **why);
/* Why the access at slot i stays as written although the kernel converts it. */
const char *nocsr_ctx_note(const struct nocsr_prog *prog, size_t i);
/* The prologue tc, sk_skb and lwt_xmit get for packet writes: count. */
int nocsr_ctx_prologue(const struct nocsr_prog *prog, struct ctx_insn *out);
#define CTX_TSTAMP_TYPE_OFF	180	/* offsetof(struct __sk_buff, tstamp_type) */
/*
 * vmlinux BTF from $NOCSR_VMLINUX (*explicit) or /sys/kernel/btf/vmlinux,
 * loaded once per process (btf_scan.c); NULL when absent, refused (said
 * in one line) or NOCSR_VMLINUX=none.
 */
const struct btf_scan *nocsr_vmlinux_btf(bool *explicit);
/* BTF in memory, checked as libbpf 1.1 does; why gets what is refused. */
int nocsr_btf_scan_new(const void *data, size_t size, struct btf_scan **out,
		       char *why, size_t why_len);
void nocsr_btf_scan_free(struct btf_scan *s);
/* ids[i]: the first type of that kind named names[i], 0 if none. */
void nocsr_btf_scan_find(const struct btf_scan *s, unsigned int kind,
			 const char *const *names, int *ids, size_t n);
/* A FUNC's prototype: argument count and void return. */
bool nocsr_btf_scan_func_proto(const struct btf_scan *s, uint32_t id,
			       unsigned int *nargs, bool *is_void);
/*
 * Bit offset of member name in type id, through anonymous members, and its
 * bitfield size (0 if none); -1 when there is no such member.
 */
long nocsr_btf_scan_member_bits(const struct btf_scan *s, uint32_t id,
				const char *name, uint32_t *bitsz);

/* Call summary in the kernel's terms. */
struct call_summary {
	const char *name;
	unsigned int nargs;
	bool is_void;
	bool known;
	bool fastcall;		/* allow_fastcall / KF_FASTCALL */
	bool inlined;		/* by the verifier or the JIT on this arch */
	bool raw_proto;		/* id 8 with bpf_get_raw_smp_processor_id_proto */
	char buf[64];
};
bool nocsr_call_summary(const struct nocsr_prog *prog, size_t insn,
			struct call_summary *cs);

#endif
