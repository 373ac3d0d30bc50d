// Known bits (tnums) decide branches as the verifier's is_branch_taken()
// does; the privileged dead-code passes then drop the side never taken.
// Each program keeps 'r0 = 42' only on a branch the tnum cannot decide.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

/* bit 0 of r0 | 1 is known: "== 0" is never taken */
SEC("raw_tp") __attribute__((naked)) int tnum_or(void)
{
	asm volatile (
	"call 7;"
	"r0 |= 1;"
	"if r0 == 0 goto 1f;"
	"exit;"
	"1: r0 = 42;"
	"exit;" ::: "memory");
}
// CHECK-LABEL: tnum_or:
// CHECK-NEXT: 0: (85) call bpf_get_prandom_u32#
// CHECK-NEXT: 1: (47) r0 |= 1
// CHECK-NEXT: 2: (95) exit
// CHECK-NOT: r0 = 42

/* (r & 0xf0) << 4 has its low 8 bits clear: JSET 0xff never holds,
 * JNE 0 against bit 0 of (r & 6) ^ 1 always does (32-bit compare) */
SEC("raw_tp") __attribute__((naked)) int tnum_and_shift_xor(void)
{
	asm volatile (
	"call 7;"
	"r1 = r0;"
	"r0 &= 0xf0;"
	"r0 <<= 4;"
	"if r0 & 0xff goto 1f;"
	"r1 &= 6;"
	"r1 ^= 1;"
	"if w1 != 0 goto 2f;"
	"1: r0 = 42;"
	"2: exit;" ::: "memory");
}
// CHECK-LABEL: tnum_and_shift_xor:
// CHECK-NEXT: 0: (85) call bpf_get_prandom_u32#
// CHECK-NEXT: 1: (bf) r1 = r0
// CHECK-NEXT: 2: (57) r0 &= 240
// CHECK-NEXT: 3: (67) r0 <<= 4
// CHECK-NEXT: 4: (57) r1 &= 6
// CHECK-NEXT: 5: (a7) r1 ^= 1
// CHECK-NEXT: 6: (95) exit
// CHECK-NOT: r0 = 42

/* A JSET that fails clears the bit; "== 1" is then dead.  The range
 * [0, 0xf0] alone decides neither, and "== 2" stays undecided. */
SEC("raw_tp") __attribute__((naked)) int tnum_jset_refine(void)
{
	asm volatile (
	"call 7;"
	"if r0 & 1 goto 2f;"
	"if r0 == 1 goto 1f;"
	"if r0 != 2 goto 2f;"
	"r0 = 43;"
	"exit;"
	"1: r0 = 42;"
	"2: exit;" ::: "memory");
}
// CHECK-LABEL: tnum_jset_refine:
// CHECK-NEXT: 0: (85) call bpf_get_prandom_u32#
// CHECK-NEXT: 1: (45) if r0 & 0x1 goto pc+3
// CHECK-NEXT: 2: (55) if r0 != 0x2 goto pc+2
// CHECK-NEXT: 3: (b7) r0 = 43
// CHECK-NEXT: 4: (95) exit
// CHECK-NEXT: 5: (95) exit
// CHECK-NOT: r0 = 42

/* (r & 0x3c) + 0x40 keeps bits 0, 1 clear and is below 0x80 */
SEC("raw_tp") __attribute__((naked)) int tnum_add(void)
{
	asm volatile (
	"call 7;"
	"r0 &= 0x3c;"
	"r0 += 0x40;"
	"if r0 & 3 goto 1f;"
	"if r0 s> 0x7f goto 1f;"
	"exit;"
	"1: r0 = 42;"
	"exit;" ::: "memory");
}
// CHECK-LABEL: tnum_add:
// CHECK-NEXT: 0: (85) call bpf_get_prandom_u32#
// CHECK-NEXT: 1: (57) r0 &= 60
// CHECK-NEXT: 2: (07) r0 += 64
// CHECK-NEXT: 3: (95) exit
// CHECK-NOT: r0 = 42

// KERNEL: tnum_or: match
// KERNEL: tnum_and_shift_xor: match
// KERNEL: tnum_jset_refine: match
// KERNEL: tnum_add: match
