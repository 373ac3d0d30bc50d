/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Internals shared by the VM's source files: regions, maps, the function
 * tables and the machine state.  Not installed, not for callers.
 */
#ifndef NOCSR_UTILS_VM_PRIV_H
#define NOCSR_UTILS_VM_PRIV_H

#include <stdarg.h>
#include <stdint.h>

#include "vm.h"

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "nocsr_vm models a little-endian BPF target on a little-endian host"
#endif

/* Encodings newer than the uapi headers of older distributions. */
#ifndef BPF_MEMSX
#define BPF_MEMSX	0x80
#endif
#ifndef BPF_JCOND
#define BPF_JCOND	0xe0
#endif
#ifndef BPF_LOAD_ACQ
#define BPF_LOAD_ACQ	0x100
#endif
#ifndef BPF_STORE_REL
#define BPF_STORE_REL	0x110
#endif

/*
 * Program addresses: tag in bits 48..63, region index in 32..47, offset
 * in 0..31.  Arithmetic that leaves a region lands on an offset beyond
 * its length (or another tag), so a single bounds check catches it.
 */
#define VM_ADDR_TAG		0xffff000000000000ull
#define VM_ADDR(idx, off)	(VM_ADDR_TAG | ((__u64)(idx) << 32) | (__u32)(off))
#define VM_ADDR_IDX(a)		((__u32)(((a) >> 32) & 0xffff))
#define VM_ADDR_OFF(a)		((__u32)(a))
#define VM_MAX_REGIONS		0xffff
#define VM_MAX_REGION_LEN	0x80000000u

/* r0..r10, plus the kernel's BPF_REG_AX (r11) for xlated programs. */
#define VM_REG_AX		11
#define VM_NR_REGS		12

enum vm_region_kind {
	VM_REG_STACK,
	VM_REG_CTX,
	VM_REG_DATA,		/* caller buffer */
	VM_REG_MAP,		/* handle at offset 0, values from lo */
	VM_REG_CODE,		/* subprogram addresses (PSEUDO_FUNC) */
};

struct vm_region {
	char name[40];
	enum vm_region_kind kind;
	bool writable;
	bool owned;		/* mem and shadow freed with the VM */
	__u8 *mem;
	__u8 *shadow;		/* per byte: 1 = holds garbage */
	__u32 lo;		/* offsets below are not addressable */
	__u32 len;
	struct nocsr_vm_map *map;
};

struct nocsr_vm_map {
	struct nocsr_vm *vm;
	char name[40];
	enum bpf_map_type type;
	bool is_hash;
	__u32 key_size;
	__u32 value_size;
	__u32 value_stride;	/* value_size rounded up to 8 */
	__u32 max_entries;
	__u32 values_idx;	/* region: handle at 0, values at VALUE_OFF */
	__u8 *keys;		/* hash: max_entries * key_size */
	__u8 *used;		/* hash: slot in use */
};

struct vm_func {
	__s32 id;		/* helpers: BPF_FUNC_* or an internal id */
	nocsr_vm_func_t fn;
	void *priv;
	char name[64];		/* kfuncs: lookup key */
	unsigned int nargs;
	bool is_void;
	bool set;
};

struct vm_frame {
	int ret_pc;
	int stop;		/* nocsr_vm__call: exiting this frame returns */
	__u64 saved[4];		/* r6..r9 of the caller */
	__u16 saved_undef;
};

/* xorshift64*, enough for garbage and a fake prandom. */
struct vm_rng {
	__u64 s;
};

struct nocsr_vm {
	struct bpf_insn *insns;
	int cnt;
	struct nocsr_vm_opts opts;

	struct vm_region *regions;
	__u32 region_cnt;
	__u32 region_cap;
	__u32 ctx_idx;
	__u32 code_idx;

	struct nocsr_vm_ctx_field *ctx_fields;
	__u32 ctx_field_cnt;

	struct nocsr_vm_map **maps;
	__u32 map_cnt;

	struct vm_func *helpers;
	__u32 helper_cnt;
	struct vm_func *kfuncs;
	__u32 kfunc_cnt;

	/* machine state */
	__u64 regs[VM_NR_REGS];
	__u16 undef;		/* bit i: r_i holds garbage */
	int pc;
	int depth;		/* frames in use, 1 = main program */
	struct vm_frame frames[NOCSR_VM_MAX_FRAMES];
	struct vm_rng garbage;
	struct vm_rng prandom;
	__u64 ktime;
	__u64 may_goto;
	struct nocsr_vm_result *res;

	char *out;
	size_t out_len;
	size_t out_cap;
};

/* vm.c */
int vm_fail(struct nocsr_vm *vm, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vm_add_region(struct nocsr_vm *vm, const char *name,
		  enum vm_region_kind kind, void *buf, __u32 len,
		  bool writable, bool owned, __u32 *idx);
struct vm_region *vm_region_of(struct nocsr_vm *vm, __u64 addr, __u64 size,
			       bool write, __u32 *off);
int vm_check(struct nocsr_vm *vm, __u64 addr, __u64 size, bool write,
	     __u8 **mem, __u8 **shadow);
const struct nocsr_vm_ctx_field *vm_ctx_field_of(struct nocsr_vm *vm,
						 __u64 addr, __u64 size);
int vm_copy(struct nocsr_vm *vm, __u64 dst, __u64 src, __u32 n);
__u64 vm_rng_next(struct vm_rng *r);
void vm_undef_use(struct nocsr_vm *vm);
void vm_stack_scramble(struct nocsr_vm *vm, int frame);

/* vm_exec.c */
int vm_exec(struct nocsr_vm *vm);
void vm_set_reg(struct nocsr_vm *vm, int r, __u64 val, bool undef);
int vm_push_frame(struct nocsr_vm *vm, int ret_pc, bool stop);

/* vm_call.c */
int vm_call(struct nocsr_vm *vm, const struct bpf_insn *insn);
int vm_install_builtins(struct nocsr_vm *vm);
void vm_funcs_free(struct nocsr_vm *vm);

/* vm_printk.c: bpf_trace_printk's format, args from register first_reg */
int vm_format(struct nocsr_vm *vm, const char *fmt, const __u64 *args,
	      int first_reg, char *out, size_t cap);

/* vm_map.c */
int vm_map_update(struct nocsr_vm_map *map, const __u8 *key,
		  const __u8 *value, const __u8 *shadow, __u64 flags);
void vm_maps_free(struct nocsr_vm *vm);
__u64 vm_map_digest(struct nocsr_vm_map *map, __u64 *undef);
int vm_map_dump(struct nocsr_vm_map *map, FILE *f);
int vm_map_lookup_addr(struct nocsr_vm_map *map, const __u8 *key,
		       __u64 *value_addr);

/* vm_mem.c: FNV-1a, stable across hosts and runs */
#define VM_HASH_INIT	0xcbf29ce484222325ull
__u64 vm_hash(__u64 h, const void *p, size_t n);
__u64 vm_digest(struct nocsr_vm *vm, __u64 *undef_bytes);
void vm_hexdump(FILE *f, const __u8 *mem, const __u8 *shadow, __u32 len);

#endif /* NOCSR_UTILS_VM_PRIV_H */
