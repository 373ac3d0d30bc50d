// do_misc_fixups guards division: a register divisor gets a zero check
// (unsigned) or a 0/-1 check through AX (signed, cpu v4), 32-bit mod
// re-zero-extends the skipped path, an immediate divisor is left alone
// except a signed -1.  The verifier does it, so every arch and profile
// prints the same.  A jump to a division lands on its guard.
// RUN: %cc19 -O2 -mcpu=v4 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.12 | FileCheck %s
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.13 | FileCheck %s
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.15 | FileCheck %s --check-prefix=RV64
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 7.3 | FileCheck %s
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
SEC("raw_tp") __attribute__((naked)) int div_guards(void)
{
	asm volatile (
	"r2 = *(u64 *)(r1 + 8);"
	"r1 = *(u64 *)(r1 + 0);"
	"if r1 > 7 goto 1f;"
	"r1 /= r2;"
	"1:"
	"w1 /= w2;"
	"r1 %%= r2;"
	"w1 %%= w2;"
	"r1 s/= r2;"
	"w1 s/= w2;"
	"r1 s%%= r2;"
	"w1 s%%= w2;"
	"r1 /= 3;"
	"w1 %%= 3;"
	"r1 s/= 3;"
	"r1 s/= -1;"
	"w1 s/= -1;"
	"r1 s%%= -1;"
	"w1 s%%= -1;"
	"r0 = r1;"
	"exit;" ::: "memory");
}

// CHECK:      div_guards:
// CHECK-NEXT: 0: (79) r2 = *(u64 *)(r1 +8)
// CHECK-NEXT: 1: (79) r1 = *(u64 *)(r1 +0)
// CHECK-NEXT: 2: (25) if r1 > 0x7 goto pc+4
// r1 /= r2
// CHECK-NEXT: 3: (55) if r2 != 0x0 goto pc+2
// CHECK-NEXT: 4: (ac) w1 ^= w1
// CHECK-NEXT: 5: (05) goto pc+1
// CHECK-NEXT: 6: (3f) r1 /= r2
// w1 /= w2 (the jump at 2 lands here)
// CHECK-NEXT: 7: (56) if w2 != 0x0 goto pc+2
// CHECK-NEXT: 8: (ac) w1 ^= w1
// CHECK-NEXT: 9: (05) goto pc+1
// CHECK-NEXT: 10: (3c) w1 /= w2
// r1 %= r2
// CHECK-NEXT: 11: (15) if r2 == 0x0 goto pc+1
// CHECK-NEXT: 12: (9f) r1 %= r2
// w1 %= w2
// CHECK-NEXT: 13: (16) if w2 == 0x0 goto pc+2
// CHECK-NEXT: 14: (9c) w1 %= w2
// CHECK-NEXT: 15: (05) goto pc+1
// CHECK-NEXT: 16: (bc) w1 = w1
// r1 s/= r2
// CHECK-NEXT: 17: (bf) r11 = r2
// CHECK-NEXT: 18: (07) r11 += 1
// CHECK-NEXT: 19: (25) if r11 > 0x1 goto pc+4
// CHECK-NEXT: 20: (15) if r11 == 0x0 goto pc+1
// CHECK-NEXT: 21: (b7) r1 = 0
// CHECK-NEXT: 22: (87) r1 = -r1
// CHECK-NEXT: 23: (05) goto pc+1
// CHECK-NEXT: 24: (3f) r1 s/= r2
// w1 s/= w2
// CHECK-NEXT: 25: (bf) r11 = r2
// CHECK-NEXT: 26: (04) w11 += 1
// CHECK-NEXT: 27: (26) if w11 > 0x1 goto pc+4
// CHECK-NEXT: 28: (16) if w11 == 0x0 goto pc+1
// CHECK-NEXT: 29: (b4) w1 = 0
// CHECK-NEXT: 30: (84) w1 = -w1
// CHECK-NEXT: 31: (05) goto pc+1
// CHECK-NEXT: 32: (3c) w1 s/= w2
// r1 s%= r2
// CHECK-NEXT: 33: (bf) r11 = r2
// CHECK-NEXT: 34: (07) r11 += 1
// CHECK-NEXT: 35: (25) if r11 > 0x1 goto pc+3
// CHECK-NEXT: 36: (15) if r11 == 0x1 goto pc+3
// CHECK-NEXT: 37: (b4) w1 = 0
// CHECK-NEXT: 38: (05) goto pc+1
// CHECK-NEXT: 39: (9f) r1 s%= r2
// w1 s%= w2
// CHECK-NEXT: 40: (bf) r11 = r2
// CHECK-NEXT: 41: (04) w11 += 1
// CHECK-NEXT: 42: (26) if w11 > 0x1 goto pc+3
// CHECK-NEXT: 43: (16) if w11 == 0x1 goto pc+4
// CHECK-NEXT: 44: (b4) w1 = 0
// CHECK-NEXT: 45: (05) goto pc+1
// CHECK-NEXT: 46: (9c) w1 s%= w2
// CHECK-NEXT: 47: (05) goto pc+1
// CHECK-NEXT: 48: (bc) w1 = w1
// immediates: unchanged, except a signed -1
// CHECK-NEXT: 49: (37) r1 /= 3
// CHECK-NEXT: 50: (94) w1 %= 3
// CHECK-NEXT: 51: (37) r1 s/= 3
// CHECK-NEXT: 52: (87) r1 = -r1
// CHECK-NEXT: 53: (84) w1 = -w1
// CHECK-NEXT: 54: (b4) w1 = 0
// CHECK-NEXT: 55: (b4) w1 = 0
// CHECK-NEXT: 56: (bf) r0 = r1
// CHECK-NEXT: 57: (95) exit
// CHECK-NOT:  {{.}}

// riscv64 asks for zero extension: every 32-bit def inside a guard (a
// patch, so insn_has_def32 decides, read or not) gets `wX = wX`, and the
// guards' jumps step over the extensions like the kernel's
// bpf_adj_branches() makes them.
// RV64:      div_guards:
// RV64:       2: (25) if r1 > 0x7 goto pc+5
// RV64-NEXT:  3: (55) if r2 != 0x0 goto pc+3
// RV64-NEXT:  4: (ac) w1 ^= w1
// RV64-NEXT:  5: (bc) w1 = w1
// RV64-NEXT:  6: (05) goto pc+1
// RV64-NEXT:  7: (3f) r1 /= r2
// RV64-NEXT:  8: (56) if w2 != 0x0 goto pc+3
// RV64-NEXT:  9: (ac) w1 ^= w1
// RV64-NEXT: 10: (bc) w1 = w1
// RV64-NEXT: 11: (05) goto pc+2
// RV64-NEXT: 12: (3c) w1 /= w2
// RV64-NEXT: 13: (bc) w1 = w1
// RV64-NEXT: 14: (15) if r2 == 0x0 goto pc+1
// RV64-NEXT: 15: (9f) r1 %= r2
// RV64-NEXT: 16: (16) if w2 == 0x0 goto pc+3
// RV64-NEXT: 17: (9c) w1 %= w2
// RV64-NEXT: 18: (bc) w1 = w1
// RV64-NEXT: 19: (05) goto pc+2
// RV64-NEXT: 20: (bc) w1 = w1
// RV64-NEXT: 21: (bc) w1 = w1
// RV64:      30: (bf) r11 = r2
// RV64-NEXT: 31: (04) w11 += 1
// RV64-NEXT: 32: (bc) w11 = w11
// RV64-NEXT: 33: (26) if w11 > 0x1 goto pc+6
// RV64:      63: (37) r1 /= 3
// RV64-NEXT: 64: (94) w1 %= 3
// RV64-NEXT: 65: (bc) w1 = w1

// KERNEL: div_guards: match (58 insns)
