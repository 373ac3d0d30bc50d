/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The bpf_fastcall contract, written once for both halves of nocsr.
 *
 * The compiler plugin reads it to decide which registers a marked call may
 * keep and where each spill/fill pair goes; the verifier mirror reads the
 * same rules to decide which patterns a given kernel matches and removes.
 * Facts come from the kernel (kernel/bpf/verifier.c, helpers.c, the arch
 * JITs) and were checked against Linux 6.18 on the machines we test on.
 *
 * Plain C11 with static inline functions so that C++17 plugin code can
 * include it unchanged.
 */
#ifndef NOCSR_CONTRACT_H
#define NOCSR_CONTRACT_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* r0..r5 are the registers a BPF call clobbers under the standard ABI. */
#define NOCSR_CALLER_SAVED	6
#define NOCSR_ALL_CALLER_SAVED	((1u << NOCSR_CALLER_SAVED) - 1)
#define NOCSR_REG_SIZE		8
#define NOCSR_MAX_STACK		512
/* The kernel's 3-bit fastcall_spills_num bounds a pattern to 6 pairs. */
#define NOCSR_MAX_PAIRS		NOCSR_CALLER_SAVED

/* BPF encodings the pattern is made of. */
#define NOCSR_OP_SPILL		0x7b	/* BPF_STX | BPF_MEM | BPF_DW */
#define NOCSR_OP_FILL		0x79	/* BPF_LDX | BPF_MEM | BPF_DW */
#define NOCSR_OP_CALL		0x85	/* BPF_JMP | BPF_CALL */
#define NOCSR_REG_FP		10
#define NOCSR_PSEUDO_CALL	1	/* bpf-to-bpf call, src_reg */
#define NOCSR_PSEUDO_KFUNC_CALL	2

/*
 * Registers a call clobbers "as if" the callee followed the contract:
 * r0 unless it returns void, plus r1..rN for its N arguments.  Calls with
 * more than 5 arguments cannot be expressed and clobber everything.
 */
static inline unsigned int nocsr_clobber_mask(unsigned int nargs, bool is_void)
{
	if (nargs > 5)
		return NOCSR_ALL_CALLER_SAVED;
	return (((1u << (nargs + 1)) - 1) & ~1u) | (is_void ? 0u : 1u);
}

/*
 * Layout rule.  The kernel matches pair k (k = 0 next to the call) only at
 * lowest_off + 8 * k, where lowest_off is the lowest offset of any 8-byte
 * r10 store in the subprogram.  A function whose largest pattern has
 * max_pairs pairs and whose other stack objects end at base (<= 0, a
 * multiple of 8) therefore reserves [base - 8 * max_pairs, base) and puts
 * pair k of *every* call at the same place, whatever that call's own pair
 * count: this is what lets every site match, and what LLVM 20+ gets wrong.
 */
static inline int nocsr_pair_offset(int base, unsigned int max_pairs,
				    unsigned int k)
{
	return base - NOCSR_REG_SIZE * (int)max_pairs + NOCSR_REG_SIZE * (int)k;
}

/* Lowest offset a function reserves; below -NOCSR_MAX_STACK is an error. */
static inline int nocsr_reserved_low(int base, unsigned int max_pairs)
{
	return nocsr_pair_offset(base, max_pairs, 0);
}

/* Kernel profiles the mirror knows, oldest first. */
enum nocsr_kernel {
	NOCSR_K6_12,	/* first release with fastcall; kfuncs hard-coded */
	NOCSR_K6_13,	/* KF_FASTCALL flag */
	NOCSR_K6_15,	/* x86 inline of get_smp_processor_id uses MOV64_IMM */
	NOCSR_K6_18,	/* the host kernel here */
	NOCSR_K7_3,	/* patterns entered by a jump are no longer rewritten */
	NOCSR_KERNEL_CNT,
};

enum nocsr_arch {
	NOCSR_ARCH_X86_64,
	NOCSR_ARCH_ARM64,
	NOCSR_ARCH_RISCV64,
	NOCSR_ARCH_CNT,
};

/* Helper ids the contract cares about (uapi enum bpf_func_id). */
#define NOCSR_FUNC_get_smp_processor_id	8

/* A fastcall kfunc: all known ones are vmlinux kfuncs turned into r0 = r1. */
struct nocsr_kfunc {
	const char *name;
	uint8_t nargs;
	bool is_void;
};

extern const struct nocsr_kfunc nocsr_fastcall_kfuncs[];
extern const unsigned int nocsr_fastcall_kfunc_cnt;

/* Helpers the kernel marks allow_fastcall (6.12 through today: id 8 only). */
bool nocsr_helper_is_fastcall(int32_t id, enum nocsr_kernel k);
/*
 * Whether a program of this libbpf section (its type, by libbpf's section
 * prefixes) gets bpf_get_smp_processor_id as
 * bpf_get_raw_smp_processor_id_proto, which bpf_base_func_proto() hands to
 * the socket-level and cgroup types: no allow_fastcall, so the verifier
 * keeps every pair around the call (x86_64 still inlines it).  Tracing,
 * kprobe, raw_tp, tc, xdp, lwt, iter and syscall programs get the fastcall
 * prototype.  Checked on 6.18 for 23 section kinds; netfilter and
 * struct_ops would not load there and are assumed to use the base one.
 */
bool nocsr_sec_raw_smp_processor_id(const char *sec);
/* Whether the verifier (x86_64) or the JIT (arm64, riscv64) inlines it. */
bool nocsr_helper_is_inlined(int32_t id, enum nocsr_arch a, enum nocsr_kernel k);
/* Whether the verifier itself rewrites the call (so xlated shows the inline). */
bool nocsr_helper_verifier_inlines(int32_t id, enum nocsr_arch a,
				   enum nocsr_kernel k);
/*
 * Whether the arch's JIT asks the verifier for explicit zero extension
 * (bpf_jit_needs_zext()): riscv64 does, x86_64 and arm64 do not, on every
 * profile.  The verifier then follows each 32-bit definition whose value
 * is read as 64 bits with `wX = wX` (BPF_ZEXT_REG: a 32-bit mov with
 * imm 1, which the JIT recognises); kernel-mirror/zext.c models it.
 */
bool nocsr_jit_needs_zext(enum nocsr_arch a);
const struct nocsr_kfunc *nocsr_kfunc_find(const char *name);
bool nocsr_kfunc_is_fastcall(const char *name, enum nocsr_kernel k);

const char *nocsr_arch_name(enum nocsr_arch a);
const char *nocsr_kernel_name(enum nocsr_kernel k);
int nocsr_arch_parse(const char *s, enum nocsr_arch *a);
int nocsr_kernel_parse(const char *s, enum nocsr_kernel *k);
/* The newest profile not newer than "major.minor" (e.g. a uname release). */
int nocsr_kernel_from_release(const char *release, enum nocsr_kernel *k);
int nocsr_arch_host(enum nocsr_arch *a);

#ifdef __cplusplus
}
#endif
#endif /* NOCSR_CONTRACT_H */
