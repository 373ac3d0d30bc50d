/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * BPF instruction decoder and printer.
 *
 * Prints one instruction in the kernel's print_bpf_insn() format, the text
 * `bpftool prog dump xlated` shows after its "%4u: " index.  Nothing here
 * knows about fastcall: the mirror, the CLI verbs and a standalone
 * disassembler in utils/ all share it.  Build-specific values (map ids,
 * helper addresses, per-CPU addresses) are asked from callbacks so that the
 * caller can print symbolic placeholders.
 */
#ifndef NOCSR_DISASM_H
#define NOCSR_DISASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/bpf.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Encodings newer than the uapi header Debian 12 ships. */
#ifndef BPF_JCOND
#define BPF_JCOND	0xe0
#endif
#ifndef BPF_MAY_GOTO
#define BPF_MAY_GOTO	0
#endif
#ifndef BPF_MEMSX
#define BPF_MEMSX	0x80
#endif
#ifndef BPF_JMP32
#define BPF_JMP32	0x06
#endif
#ifndef BPF_ALU64
#define BPF_ALU64	0x07
#endif
#define NOCSR_ADDR_SPACE_CAST	1	/* ALU64 MOV X, off */
#define NOCSR_ADDR_PERCPU	(-1)	/* ALU64 MOV X, off: internal percpu mov */
#define NOCSR_NOSPEC		(BPF_ST | 0xc0)

struct nocsr_disasm_cbs {
	/*
	 * Text for a call: the kernel prints "call NAME#IMM" for helpers and
	 * kfuncs.  Return NULL to print the default ("unknown" for unknown
	 * helpers, "pc%+d" for bpf-to-bpf calls).
	 */
	const char *(*call_name)(void *ctx, const struct bpf_insn *insn,
				 char *buf, size_t len);
	/*
	 * Text for an immediate: ld_imm64 (value is the 64-bit constant), ALU
	 * and conditional jump immediates.  Return NULL to print the number.
	 */
	const char *(*imm)(void *ctx, const struct bpf_insn *insn,
			   uint64_t value, char *buf, size_t len);
	/*
	 * Text for the offset of a load or store, sign included ("+112").
	 * Return NULL to print the number.
	 */
	const char *(*off)(void *ctx, const struct bpf_insn *insn, char *buf,
			   size_t len);
	void *ctx;
	/*
	 * bpftool 7.1 (Debian 12) does not know the percpu mov and prints
	 * "r0 = r0"; newer ones print "r0 = &(void __percpu *)(r0)".
	 */
	bool percpu_as_mov;
};

/* 2 for ld_imm64 (which needs insn[1]), 1 otherwise, 0 if n is too short. */
unsigned int nocsr_insn_slots(const struct bpf_insn *insn, size_t n);
/*
 * Whether the kernel's verifier would accept this encoding (opcode, fixed
 * fields).  On failure *why says what is wrong.
 */
bool nocsr_insn_valid(const struct bpf_insn *insn, size_t n, const char **why);
/*
 * Print "(%02x) text" (no index, no newline) into buf.  insn must have
 * nocsr_insn_slots() slots available.  Returns the length written.
 */
int nocsr_insn_snprintf(char *buf, size_t len, const struct bpf_insn *insn,
			const struct nocsr_disasm_cbs *cbs);

/* Little predicates shared by the analysis. */
static inline uint8_t nocsr_insn_class(const struct bpf_insn *i)
{
	return BPF_CLASS(i->code);
}
static inline bool nocsr_insn_is_jmp_class(const struct bpf_insn *i)
{
	return BPF_CLASS(i->code) == BPF_JMP || BPF_CLASS(i->code) == BPF_JMP32;
}
static inline bool nocsr_insn_is_call(const struct bpf_insn *i)
{
	return i->code == (BPF_JMP | BPF_CALL);
}
static inline bool nocsr_insn_is_exit(const struct bpf_insn *i)
{
	return i->code == (BPF_JMP | BPF_EXIT);
}
static inline bool nocsr_insn_is_ldimm64(const struct bpf_insn *i)
{
	return i->code == (BPF_LD | BPF_IMM | BPF_DW);
}
/* A jump with a pc-relative target (not call/exit); *target_delta = off. */
bool nocsr_insn_jump_delta(const struct bpf_insn *i, int32_t *delta);
bool nocsr_insn_is_cond_jump(const struct bpf_insn *i);

#ifdef __cplusplus
}
#endif
#endif
