// Zero extension on riscv64 (bpf_jit_needs_zext): the verifier puts
// `wX = wX` after an instruction it left as written when that
// instruction's 32-bit result is later read as 64 bits (a 64-bit ALU
// operand or move, a 64-bit compare, a helper or callee argument, an
// 8-byte store, the program's return value), on any path it walks.  A
// result only read as 32 bits, or overwritten first, gets none; nor do
// 64-bit definitions (ALU64, 8-byte and sign-extending loads).  x86_64
// and arm64 zero-extend in hardware: no extension at all.
// RUN: %cc19 -O2 -mcpu=v4 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=RV64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.12 | FileCheck %s --check-prefix=RV64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 7.3 | FileCheck %s --check-prefix=RV64
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 > %t.x86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.15 > %t.arm64
// RUN: FileCheck %s --check-prefix=NONE --input-file %t.x86
// RUN: FileCheck %s --check-prefix=NONE --input-file %t.arm64
// RUN: not grep -E '\(bc\) (w[0-9]+) = \1$' %t.x86 %t.arm64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 --json | FileCheck %s --check-prefix=JSON
// The extensions change nothing when run (nocsr-run, as compiled vs as
// rewritten for riscv64).
// RUN: %build/bin/nocsr-run %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=VM
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
#define __imm(name) [name]"i"(name)

static __attribute__((naked, noinline, used)) int reads_arg(void)
{
	asm volatile (
	"r0 = r1;"		/* 64-bit read of the caller's w1 */
	"exit;" ::: "memory");
}

static __attribute__((naked, noinline, used)) int returns_w0(void)
{
	asm volatile (
	"w0 = w1;"		/* read as 64 bits by the caller */
	"exit;" ::: "memory");
}

static __attribute__((naked, noinline, used)) int returns_w0_read32(void)
{
	asm volatile (
	"w0 = 1;"		/* the caller compares only w0 */
	"exit;" ::: "memory");
}

SEC("raw_tp") __attribute__((naked)) int zext_liveness(void)
{
	asm volatile (
	"r6 = *(u64 *)(r1 + 0);"
	"w2 = w6;"		/* read by a 64-bit move: zext */
	"r3 = r2;"
	"w4 = w6;"		/* read only as 32 bits: none */
	"w5 = w4;"
	"if w4 > 3 goto 1f;"
	"w7 = w6;"		/* overwritten before any read: none */
	"r7 = 1;"
	"r7 += r3;"
	"1:"
	"*(u64 *)(r10 - 32) = r6;"
	"r8 = *(u16 *)(r10 - 32);"	/* narrow load compared as 64: zext */
	"if r8 > 7 goto 2f;"
	"w8 = 1;"		/* two definitions reaching one read */
	"goto 3f;"
	"2:"
	"w8 = 2;"
	"3:"
	"r0 = r8;"		/* both get one */
	"r9 = *(s16 *)(r10 - 32);"	/* sign-extending: 64-bit def */
	"r0 += r9;"
	"w2 = 8;"		/* helper argument: zext */
	"r1 = r10;"
	"r1 += -8;"
	"r3 = 0;"
	"call %[bpf_probe_read_kernel];"
	"w1 = w6;"		/* 8-byte store: zext */
	"*(u64 *)(r10 - 16) = r1;"
	"w1 = w6;"		/* 4-byte store: none */
	"*(u32 *)(r10 - 24) = r1;"
	"w1 = w6;"		/* read 64-bit in the callee: zext */
	"call reads_arg;"
	"w1 = w6;"		/* copied 32-bit in the callee: none */
	"call returns_w0;"
	"r6 = r0;"
	"call returns_w0_read32;"
	"if w0 == 0 goto 4f;"
	"r6 += 1;"
	"4:"
	"w0 = w6;"		/* return value: zext */
	"exit;"
	:: __imm(bpf_probe_read_kernel) : "memory");
}

// RV64:      zext_liveness:
// RV64-NEXT: 0: (79) r6 = *(u64 *)(r1 +0)
// RV64-NEXT: 1: (bc) w2 = w6
// RV64-NEXT: 2: (bc) w2 = w2
// RV64-NEXT: 3: (bf) r3 = r2
// RV64-NEXT: 4: (bc) w4 = w6
// RV64-NEXT: 5: (bc) w5 = w4
// RV64-NEXT: 6: (26) if w4 > 0x3 goto pc+3
// RV64-NEXT: 7: (bc) w7 = w6
// RV64-NEXT: 8: (b7) r7 = 1
// RV64-NEXT: 9: (0f) r7 += r3
// RV64-NEXT: 10: (7b) *(u64 *)(r10 -32) = r6
// RV64-NEXT: 11: (69) r8 = *(u16 *)(r10 -32)
// RV64-NEXT: 12: (bc) w8 = w8
// RV64-NEXT: 13: (25) if r8 > 0x7 goto pc+3
// RV64-NEXT: 14: (b4) w8 = 1
// RV64-NEXT: 15: (bc) w8 = w8
// RV64-NEXT: 16: (05) goto pc+2
// RV64-NEXT: 17: (b4) w8 = 2
// RV64-NEXT: 18: (bc) w8 = w8
// RV64-NEXT: 19: (bf) r0 = r8
// RV64-NEXT: 20: (89) r9 = *(s16 *)(r10 -32)
// RV64-NEXT: 21: (0f) r0 += r9
// RV64-NEXT: 22: (b4) w2 = 8
// RV64-NEXT: 23: (bc) w2 = w2
// RV64-NEXT: 24: (bf) r1 = r10
// RV64-NEXT: 25: (07) r1 += -8
// RV64-NEXT: 26: (b7) r3 = 0
// RV64-NEXT: 27: (85) call bpf_probe_read_kernel#113
// RV64-NEXT: 28: (bc) w1 = w6
// RV64-NEXT: 29: (bc) w1 = w1
// RV64-NEXT: 30: (7b) *(u64 *)(r10 -16) = r1
// RV64-NEXT: 31: (bc) w1 = w6
// RV64-NEXT: 32: (63) *(u32 *)(r10 -24) = r1
// RV64-NEXT: 33: (bc) w1 = w6
// RV64-NEXT: 34: (bc) w1 = w1
// RV64-NEXT: 35: (85) call pc+9
// RV64-NEXT: 36: (bc) w1 = w6
// RV64-NEXT: 37: (85) call pc+9
// RV64-NEXT: 38: (bf) r6 = r0
// RV64-NEXT: 39: (85) call pc+10
// RV64-NEXT: 40: (16) if w0 == 0x0 goto pc+1
// RV64-NEXT: 41: (07) r6 += 1
// RV64-NEXT: 42: (bc) w0 = w6
// RV64-NEXT: 43: (bc) w0 = w0
// RV64-NEXT: 44: (95) exit
// RV64-NEXT: 45: (bf) r0 = r1
// RV64-NEXT: 46: (95) exit
// RV64-NEXT: 47: (bc) w0 = w1
// RV64-NEXT: 48: (bc) w0 = w0
// RV64-NEXT: 49: (95) exit
// RV64-NEXT: 50: (b4) w0 = 1
// RV64-NEXT: 51: (95) exit
// RV64-NOT:  {{.}}

// JSON: {"idx":1,"code":188,"text":"(bc) w2 = w6"},{"idx":2,"code":188,"text":"(bc) w2 = w2"},{"idx":3,

// NONE:      zext_liveness:
// NONE:      (95) exit

// KERNEL: zext_liveness: match

// VM: zext_liveness: same over 4 seeds
