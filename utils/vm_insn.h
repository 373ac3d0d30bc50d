/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Instruction builders in the style of the kernel's include/linux/filter.h,
 * which uapi does not export.  For tests and tools that write programs by
 * hand; each macro is one struct bpf_insn initializer (ld_imm64: two).
 */
#ifndef NOCSR_UTILS_VM_INSN_H
#define NOCSR_UTILS_VM_INSN_H

#include <linux/bpf.h>

#define NOCSR_INSN(CODE, DST, SRC, OFF, IMM)				\
	((struct bpf_insn) { .code = (CODE), .dst_reg = (DST),		\
			     .src_reg = (SRC), .off = (OFF), .imm = (IMM) })

#define I_ALU64_REG(OP, D, S)	NOCSR_INSN(BPF_ALU64 | (OP) | BPF_X, D, S, 0, 0)
#define I_ALU32_REG(OP, D, S)	NOCSR_INSN(BPF_ALU | (OP) | BPF_X, D, S, 0, 0)
#define I_ALU64_IMM(OP, D, I)	NOCSR_INSN(BPF_ALU64 | (OP) | BPF_K, D, 0, 0, I)
#define I_ALU32_IMM(OP, D, I)	NOCSR_INSN(BPF_ALU | (OP) | BPF_K, D, 0, 0, I)
/* sdiv/smod (OFF 1) and movsx (OFF 8/16/32) */
#define I_ALU64_REG_OFF(OP, D, S, OFF) \
	NOCSR_INSN(BPF_ALU64 | (OP) | BPF_X, D, S, OFF, 0)
#define I_ALU32_REG_OFF(OP, D, S, OFF) \
	NOCSR_INSN(BPF_ALU | (OP) | BPF_X, D, S, OFF, 0)
#define I_ALU64_IMM_OFF(OP, D, I, OFF) \
	NOCSR_INSN(BPF_ALU64 | (OP) | BPF_K, D, 0, OFF, I)
#define I_ALU32_IMM_OFF(OP, D, I, OFF) \
	NOCSR_INSN(BPF_ALU | (OP) | BPF_K, D, 0, OFF, I)
#define I_MOV64_REG(D, S)	I_ALU64_REG(BPF_MOV, D, S)
#define I_MOV32_REG(D, S)	I_ALU32_REG(BPF_MOV, D, S)
#define I_MOV64_IMM(D, I)	I_ALU64_IMM(BPF_MOV, D, I)
#define I_MOV32_IMM(D, I)	I_ALU32_IMM(BPF_MOV, D, I)
#define I_ENDIAN(TYPE, D, LEN)	NOCSR_INSN(BPF_ALU | BPF_END | (TYPE), D, 0, 0, LEN)
#define I_BSWAP(D, LEN)		NOCSR_INSN(BPF_ALU64 | BPF_END, D, 0, 0, LEN)

#define I_LD_IMM64_RAW(D, SRC, LO, HI)					\
	NOCSR_INSN(BPF_LD | BPF_DW | BPF_IMM, D, SRC, 0, LO),		\
	NOCSR_INSN(0, 0, 0, 0, HI)
#define I_LD_IMM64(D, V)						\
	I_LD_IMM64_RAW(D, 0, (__s32)(__u32)(V), (__s32)((__u64)(V) >> 32))
#define I_LD_MAP_FD(D, FD)	I_LD_IMM64_RAW(D, BPF_PSEUDO_MAP_FD, FD, 0)
#define I_LD_MAP_VALUE(D, FD, OFF) \
	I_LD_IMM64_RAW(D, BPF_PSEUDO_MAP_VALUE, FD, OFF)
#define I_LD_FUNC(D, REL)	I_LD_IMM64_RAW(D, BPF_PSEUDO_FUNC, REL, 0)

#define I_LDX(SZ, D, S, OFF)	NOCSR_INSN(BPF_LDX | (SZ) | BPF_MEM, D, S, OFF, 0)
#define I_LDXSX(SZ, D, S, OFF)	NOCSR_INSN(BPF_LDX | (SZ) | 0x80, D, S, OFF, 0)
#define I_STX(SZ, D, S, OFF)	NOCSR_INSN(BPF_STX | (SZ) | BPF_MEM, D, S, OFF, 0)
#define I_ST(SZ, D, OFF, I)	NOCSR_INSN(BPF_ST | (SZ) | BPF_MEM, D, 0, OFF, I)
#define I_ATOMIC(SZ, OP, D, S, OFF) \
	NOCSR_INSN(BPF_STX | (SZ) | BPF_ATOMIC, D, S, OFF, OP)

#define I_JMP_REG(OP, D, S, OFF) NOCSR_INSN(BPF_JMP | (OP) | BPF_X, D, S, OFF, 0)
#define I_JMP_IMM(OP, D, I, OFF) NOCSR_INSN(BPF_JMP | (OP) | BPF_K, D, 0, OFF, I)
#define I_JMP32_REG(OP, D, S, OFF) \
	NOCSR_INSN(BPF_JMP32 | (OP) | BPF_X, D, S, OFF, 0)
#define I_JMP32_IMM(OP, D, I, OFF) \
	NOCSR_INSN(BPF_JMP32 | (OP) | BPF_K, D, 0, OFF, I)
#define I_JA(OFF)		NOCSR_INSN(BPF_JMP | BPF_JA, 0, 0, OFF, 0)
#define I_GOTOL(IMM)		NOCSR_INSN(BPF_JMP32 | BPF_JA, 0, 0, 0, IMM)
#define I_MAY_GOTO(OFF)		NOCSR_INSN(BPF_JMP | 0xe0, 0, 0, OFF, 0)
#define I_CALL(ID)		NOCSR_INSN(BPF_JMP | BPF_CALL, 0, 0, 0, ID)
#define I_CALL_REL(REL)		NOCSR_INSN(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_CALL, 0, REL)
#define I_CALL_KFUNC(BTF_ID)	NOCSR_INSN(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_KFUNC_CALL, 0, BTF_ID)
#define I_EXIT()		NOCSR_INSN(BPF_JMP | BPF_EXIT, 0, 0, 0, 0)

#endif /* NOCSR_UTILS_VM_INSN_H */
