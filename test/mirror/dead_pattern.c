// Privileged dead-code passes: the branch is decided (r2 = 5 > 3), so the
// pattern is never reached; its pairs are NOP-ed and dropped with the dead
// code, and the hard-wired jump disappears too.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
SEC("raw_tp") __attribute__((naked)) int dead_pattern(void)
{
	asm volatile (
	"r1 = 1;"
	"r2 = 5;"
	"if r2 > 3 goto 1f;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"1:"
	"r0 = r1;"
	"exit;" ::: "memory");
}

// CHECK-X86:      dead_pattern:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (b7) r2 = 5
// CHECK-X86-NEXT: 2: (bf) r0 = r1
// CHECK-X86-NEXT: 3: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      dead_pattern:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (b7) r2 = 5
// CHECK-ARM64-NEXT: 2: (bf) r0 = r1
// CHECK-ARM64-NEXT: 3: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      dead_pattern:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (b7) r2 = 5
// CHECK-RV64-NEXT: 2: (bf) r0 = r1
// CHECK-RV64-NEXT: 3: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: 1 of 1 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 0, kernel 0
// KERNEL: dead_pattern: match (4 insns)
