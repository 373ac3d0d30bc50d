// Rule 4: spill and fill must name the same register.  r1 is spilled and
// r2 filled, so there is no pattern at all: everything stays, and the
// slot is an ordinary stack slot (depth 8).
// RUN: %cc19 -O2 -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int wrong_reg(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r2 = *(u64 *)(r10 - 8);"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      wrong_reg:
// CHECK-X86-NEXT:    0: (b7) r1 = 1
// CHECK-X86-NEXT:    1: (7b) *(u64 *)(r10 -8) = r1
// CHECK-X86-NEXT:    2: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT:    3: (bf) r0 = r0
// CHECK-X86-NEXT:    4: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT:    5: (79) r2 = *(u64 *)(r10 -8)
// CHECK-X86-NEXT:    6: (b7) r0 = 0
// CHECK-X86-NEXT:    7: (95) exit

// CHECK-ARM64:      1: (7b) *(u64 *)(r10 -8) = r1
// CHECK-ARM64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 3: (79) r2 = *(u64 *)(r10 -8)

// CHECK-RV64:      1: (7b) *(u64 *)(r10 -8) = r1
// CHECK-RV64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 3: (79) r2 = *(u64 *)(r10 -8)

// WHY: wrong_reg: insn 2: bpf_get_smp_processor_id: not rewritten: insn 1 spills r1 but insn 3 fills r2

// KERNEL: stack depth: mirror 8, kernel 8
// KERNEL: wrong_reg: match (8 insns)
