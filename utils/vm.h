/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * nocsr_vm: a small BPF interpreter for differential execution.
 *
 * The same program is run "as compiled" (every helper call scrambles the
 * caller-saved registers, as a kernel without bpf_fastcall allows) and "as
 * rewritten" (a fastcall call scrambles only its clobber mask); the two
 * results and the memory each run wrote must agree.  Values the ABI leaves
 * undefined are seeded garbage, so runs with different seeds expose any
 * dependence on them, and a taint bit per register and per memory byte says
 * where such a value flowed without needing a second run.
 *
 * The VM knows nothing about ELF: callers hand it instructions as libbpf
 * would hand them to the kernel (subprograms appended, calls resolved,
 * ld_imm64 map references as placeholders).  Pointers the program sees are
 * virtual (tagged, deterministic across runs); every access is checked
 * against a known region, so a bad program is an error, never a host crash.
 *
 * Functions return 0 or a negative errno.
 */
#ifndef NOCSR_UTILS_VM_H
#define NOCSR_UTILS_VM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <linux/bpf.h>

#ifdef __cplusplus
extern "C" {
#endif

struct nocsr_vm;
struct nocsr_vm_map;

#define NOCSR_VM_MAX_FRAMES	8
#define NOCSR_VM_STACK_SIZE	512
#define NOCSR_VM_DEFAULT_STEPS	(1ull << 24)

/* What a helper or kfunc call does to r0..r5 besides returning in r0. */
enum nocsr_vm_clobber {
	/* Every call scrambles r1..r5 (and r0 if void): a pre-fastcall kernel. */
	NOCSR_VM_CLOBBER_OLD,
	/* Fastcall calls scramble only their mask, others r1..r5 (+ r0). */
	NOCSR_VM_CLOBBER_NEW,
	/* Nothing is scrambled, as in the kernel's interpreter. */
	NOCSR_VM_CLOBBER_NONE,
};

/* A call site as the fastcall predicate and the tracer see it. */
struct nocsr_vm_call {
	int insn;		/* index of the call instruction */
	bool is_kfunc;
	__s32 id;		/* helper id, or the kfunc's BTF id */
	const char *name;	/* kfunc or helper name, NULL if unknown */
	unsigned int nargs;
	bool is_void;
};

/*
 * A helper or kfunc implementation.  args[0..4] are r1..r5; *ret becomes
 * r0 unless the function is void.  A negative return aborts the run with
 * that error at the call instruction.
 */
typedef int (*nocsr_vm_func_t)(struct nocsr_vm *vm, const __u64 *args,
			       __u64 *ret, void *priv);

struct nocsr_vm_opts {
	size_t sz;			/* sizeof(struct nocsr_vm_opts) */
	enum nocsr_vm_clobber clobber;
	__u64 seed;			/* garbage: clobbers, uninit regs, stack */
	__u64 prandom_seed;		/* bpf_get_prandom_u32 stream */
	__u32 cpu;			/* bpf_get_smp_processor_id */
	__u64 max_steps;		/* 0: NOCSR_VM_DEFAULT_STEPS */
	/* NULL: helper 8 and the fastcall kfuncs of include/nocsr/contract.h */
	bool (*is_fastcall)(const struct nocsr_vm_call *call, void *priv);
	/* kfunc name for a call's BTF id (imm) and module index (off) */
	const char *(*kfunc_name)(__s32 btf_id, __s16 off, void *priv);
	/*
	 * Map of an ld_imm64 placeholder (src_reg BPF_PSEUDO_MAP_*), imm being
	 * the fd or index.  NULL: imm is the index of the map in creation order.
	 */
	int (*resolve_map)(struct nocsr_vm *vm, __u8 src_reg, __s32 imm,
			   struct nocsr_vm_map **map, void *priv);
	/* Called once by nocsr_vm__exec() to create maps and regions. */
	int (*setup)(struct nocsr_vm *vm, void *priv);
	void *priv;			/* passed to every callback above */
	FILE *trace;			/* one line per executed insn, or NULL */
	/*
	 * The program is the verifier's output: accept its internal
	 * encodings, BPF_REG_AX (r11), the zero extension `wX = wX` with
	 * imm 1 and the call to arch_bpf_timed_may_goto (imm
	 * NOCSR_VM_FUNC_TIMED_MAY_GOTO).
	 */
	bool xlated;
};

/*
 * Helper id standing for arch_bpf_timed_may_goto in an xlated program
 * (the kernel prints its address).  Its convention is special: AX holds
 * the stack offset of the may_goto counter, the new count comes back in
 * AX, every other register is preserved.
 */
#define NOCSR_VM_FUNC_TIMED_MAY_GOTO	0xfff0

#define NOCSR_VM_OPTS(NAME, ...)					\
	struct nocsr_vm_opts NAME = {					\
		.sz = sizeof(struct nocsr_vm_opts), __VA_ARGS__		\
	}

struct nocsr_vm_result {
	int err;		/* 0, or the -errno that stopped the run */
	int err_insn;		/* instruction that failed, -1 if none */
	char msg[160];		/* what failed, empty on success */
	__u64 r0;		/* r0 at the final exit */
	__u64 steps;		/* instructions executed */
	__u64 mem_digest;	/* hash of all memory the program may write */
	/* Garbage tracking: undefined values (clobbered or never set). */
	bool r0_undef;		/* r0 at exit depends on garbage */
	__u32 undef_uses;	/* branches, addresses, call args on garbage */
	int first_undef_use;	/* instruction of the first such use, or -1 */
	__u64 mem_undef_bytes;	/* bytes of non-stack memory holding garbage */
	__u32 calls;		/* helper and kfunc calls executed */
	__u32 fastcalls;	/* of which treated as fastcall */
	/* ctx offset of the first load of an unknown ctx field, or -1 */
	int unknown_ctx_off;
};

/* Lifecycle.  insns are copied; cnt counts slots (ld_imm64 takes two). */
int nocsr_vm__new(struct nocsr_vm **vmp, const struct bpf_insn *insns,
		  size_t cnt, const struct nocsr_vm_opts *opts);
void nocsr_vm__free(struct nocsr_vm *vm);

/*
 * Run from insn 0 with r1 = ctx.  ctx is used in place (the program writes
 * into the caller's buffer) and stays referenced, for nocsr_vm__dump_mem,
 * until the next run; it may be NULL with ctx_len 0.  Maps and regions
 * keep their contents from run to run.  Returns res->err: -EFAULT (access
 * outside every region), -EACCES (store to a read-only region), -EINVAL
 * (encoding the verifier rejects, jump or fall-through out of the
 * program), -E2BIG (max_steps spent), -ELOOP (more than 8 frames),
 * -ENOENT (unknown helper, kfunc or map), -EOPNOTSUPP (LD_ABS/IND,
 * ksym ld_imm64), or a helper's own error; res->err_insn says where.
 */
int nocsr_vm__run(struct nocsr_vm *vm, void *ctx, size_t ctx_len,
		  struct nocsr_vm_result *res);

/* One shot: new, opts->setup, run, free.  For comparing two programs. */
int nocsr_vm__exec(const struct bpf_insn *insns, size_t cnt, void *ctx,
		   size_t ctx_len, const struct nocsr_vm_opts *opts,
		   struct nocsr_vm_result *res);

/*
 * Memory the program may address.  buf is used in place and must outlive
 * the VM; read-only regions fault on store (-EACCES).  *addr receives the
 * address the program sees.
 */
int nocsr_vm__add_region(struct nocsr_vm *vm, const char *name, void *buf,
			 size_t len, bool writable, __u64 *addr);
/* Host pointer behind [addr, addr + size), NULL if not one region's. */
void *nocsr_vm__mem(struct nocsr_vm *vm, __u64 addr, size_t size, bool write);

/*
 * A ctx field whose value is not its bytes: the kernel's context
 * conversion loads it from elsewhere (__sk_buff.data, a u32 in uapi, is a
 * 64-bit packet pointer).  A load of exactly [off, off + size) yields val;
 * any other access overlapping it fails with -EACCES, as the verifier
 * would reject it.  unknown: the caller cannot know the kernel's value;
 * the first load is noted in res->unknown_ctx_off.  Fields last as long
 * as the VM.
 */
struct nocsr_vm_ctx_field {
	__u32 off;
	__u32 size;
	__u64 val;
	bool unknown;
};

int nocsr_vm__add_ctx_field(struct nocsr_vm *vm,
			    const struct nocsr_vm_ctx_field *field);

/* Extending the helper and kfunc tables (built-ins may be overridden). */
int nocsr_vm__set_helper(struct nocsr_vm *vm, __s32 id, nocsr_vm_func_t fn,
			 void *priv);
int nocsr_vm__set_kfunc(struct nocsr_vm *vm, const char *name,
			unsigned int nargs, bool is_void, nocsr_vm_func_t fn,
			void *priv);
/* Run a subprogram (code address from ld_imm64 PSEUDO_FUNC) from a helper. */
int nocsr_vm__call(struct nocsr_vm *vm, __u64 func, const __u64 *args,
		   unsigned int nargs, __u64 *ret);
int nocsr_vm__cpu(const struct nocsr_vm *vm);

/*
 * Maps: array (and percpu array, one cpu) and hash (and percpu hash).
 * Like the kernel's struct bpf_array, a map's values sit at a fixed
 * offset from the map pointer, so the verifier's inline lookups work:
 * array value i at map + NOCSR_VM_ARRAY_VALUE_OFF + i * round_up(value, 8);
 * the internal __htab_map_lookup_elem (NOCSR_VM_FUNC_HTAB_LOOKUP) returns
 * an "element" NOCSR_VM_HTAB_VALUE_OFF bytes before the value.
 */
#define NOCSR_VM_ARRAY_VALUE_OFF	256
#define NOCSR_VM_HTAB_VALUE_OFF		64
#define NOCSR_VM_FUNC_HTAB_LOOKUP	0xfff1

int nocsr_vm__map_create(struct nocsr_vm *vm, const char *name,
			 enum bpf_map_type type, __u32 key_size,
			 __u32 value_size, __u32 max_entries,
			 struct nocsr_vm_map **mapp);
struct nocsr_vm_map *nocsr_vm__map_by_name(struct nocsr_vm *vm,
					   const char *name);
/* The value the program sees for the map (ld_imm64 BPF_PSEUDO_MAP_FD). */
__u64 nocsr_vm_map__addr(const struct nocsr_vm_map *map);
struct nocsr_vm_map *nocsr_vm__map_at(struct nocsr_vm *vm, __u64 addr);
int nocsr_vm_map__lookup(struct nocsr_vm_map *map, const void *key,
			 __u64 *value_addr);
int nocsr_vm_map__update(struct nocsr_vm_map *map, const void *key,
			 const void *value, __u64 flags);
int nocsr_vm_map__delete(struct nocsr_vm_map *map, const void *key);
/* Key after key (NULL: the first), -ENOENT at the end. */
int nocsr_vm_map__next_key(struct nocsr_vm_map *map, const void *key,
			   void *next);
__u32 nocsr_vm_map__key_size(const struct nocsr_vm_map *map);
__u32 nocsr_vm_map__value_size(const struct nocsr_vm_map *map);

/* bpf_trace_printk output, one line per call, NUL-terminated. */
const char *nocsr_vm__output(const struct nocsr_vm *vm, size_t *len);
void nocsr_vm__clear_output(struct nocsr_vm *vm);

/*
 * Writable memory other than the stack (ctx, regions, maps) in a stable
 * text form: one block per region, hex lines, garbage bytes marked.  Two
 * runs wrote the same memory iff their dumps (and mem_digest) agree.
 */
int nocsr_vm__dump_mem(struct nocsr_vm *vm, FILE *f);

#ifdef __cplusplus
}
#endif
#endif /* NOCSR_UTILS_VM_H */
