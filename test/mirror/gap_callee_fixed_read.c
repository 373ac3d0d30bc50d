// Rule 5 gap kept from 6.12-6.18: a fixed-offset read is checked against
// the current frame, so a callee reading its caller's reserved slot through
// a pointer does not break the caller's contract; the pair is removed.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int reader(void)
{
	asm volatile (
	"r0 = *(u64 *)(r1 + 0);"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int gap_callee_fixed_read(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r1 = r10;"
	"r1 += -8;"
	"call reader;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      gap_callee_fixed_read:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 2: (bf) r0 = r0
// CHECK-X86-NEXT: 3: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 4: (bf) r1 = r10
// CHECK-X86-NEXT: 5: (07) r1 += -8
// CHECK-X86-NEXT: 6: (85) call pc+2
// CHECK-X86-NEXT: 7: (b7) r0 = 0
// CHECK-X86-NEXT: 8: (95) exit
// CHECK-X86-NEXT: 9: (79) r0 = *(u64 *)(r1 +0)
// CHECK-X86-NEXT: 10: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      gap_callee_fixed_read:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 2: (bf) r1 = r10
// CHECK-ARM64-NEXT: 3: (07) r1 += -8
// CHECK-ARM64-NEXT: 4: (85) call pc+2
// CHECK-ARM64-NEXT: 5: (b7) r0 = 0
// CHECK-ARM64-NEXT: 6: (95) exit
// CHECK-ARM64-NEXT: 7: (79) r0 = *(u64 *)(r1 +0)
// CHECK-ARM64-NEXT: 8: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      gap_callee_fixed_read:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 2: (bf) r1 = r10
// CHECK-RV64-NEXT: 3: (07) r1 += -8
// CHECK-RV64-NEXT: 4: (85) call pc+2
// CHECK-RV64-NEXT: 5: (b7) r0 = 0
// CHECK-RV64-NEXT: 6: (95) exit
// CHECK-RV64-NEXT: 7: (79) r0 = *(u64 *)(r1 +0)
// CHECK-RV64-NEXT: 8: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: 1 of 1 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 0+0, kernel 0+0
// KERNEL: gap_callee_fixed_read: match (11 insns)
