// Zero extension through a loop: a 32-bit definition inside the body is
// read as 64 bits at the loop head on the next iteration, so it gets
// `wX = wX` on riscv64 like the definition before the loop; one read
// only by a 32-bit compare in the body gets none.  (The mirror's liveness
// runs to a fixpoint over the back edge.)
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=RV64
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=ARM64
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
SEC("raw_tp") __attribute__((naked)) int zext_loop(void)
{
	asm volatile (
	"r6 = *(u64 *)(r1 + 0);"
	"r1 = 0;"
	"r0 = 0;"
	"w2 = 0;"
	"1:"
	"r0 += r2;"
	"w2 = w6;"
	"w4 = w6;"
	"if w4 > 9 goto 2f;"
	"r0 += 1;"
	"2:"
	"r1 += 1;"
	"if r1 < 4 goto 1b;"
	"exit;" ::: "memory");
}

// RV64:      zext_loop:
// RV64-NEXT: 0: (79) r6 = *(u64 *)(r1 +0)
// RV64-NEXT: 1: (b7) r1 = 0
// RV64-NEXT: 2: (b7) r0 = 0
// RV64-NEXT: 3: (b4) w2 = 0
// RV64-NEXT: 4: (bc) w2 = w2
// RV64-NEXT: 5: (0f) r0 += r2
// RV64-NEXT: 6: (bc) w2 = w6
// RV64-NEXT: 7: (bc) w2 = w2
// RV64-NEXT: 8: (bc) w4 = w6
// RV64-NEXT: 9: (26) if w4 > 0x9 goto pc+1
// RV64-NEXT: 10: (07) r0 += 1
// RV64-NEXT: 11: (07) r1 += 1
// RV64-NEXT: 12: (a5) if r1 < 0x4 goto pc-8
// RV64-NEXT: 13: (95) exit
// RV64-NOT:  {{.}}

// ARM64:      zext_loop:
// ARM64-NEXT: 0: (79) r6 = *(u64 *)(r1 +0)
// ARM64-NEXT: 1: (b7) r1 = 0
// ARM64-NEXT: 2: (b7) r0 = 0
// ARM64-NEXT: 3: (b4) w2 = 0
// ARM64-NEXT: 4: (0f) r0 += r2
// ARM64-NEXT: 5: (bc) w2 = w6
// ARM64-NEXT: 6: (bc) w4 = w6
// ARM64-NEXT: 7: (26) if w4 > 0x9 goto pc+1
// ARM64-NEXT: 8: (07) r0 += 1
// ARM64-NEXT: 9: (07) r1 += 1
// ARM64-NEXT: 10: (a5) if r1 < 0x4 goto pc-7
// ARM64-NEXT: 11: (95) exit

// KERNEL: zext_loop: match
