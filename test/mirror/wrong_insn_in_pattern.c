// Rule 4: pairs are adjacent to the call.  An unrelated instruction between
// the call and the fill ends the pattern before it starts.
// RUN: %cc19 -O2 -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int wrong_insn(void)
{
	asm volatile (
	"r1 = 1;"
	"r2 = 2;"
	"*(u64 *)(r10 - 16) = r1;"
	"*(u64 *)(r10 - 24) = r2;"
	"call 8;"
	"r2 = *(u64 *)(r10 - 24);"
	"r0 = r2;"
	"r1 = *(u64 *)(r10 - 16);"
	"exit;" ::: "memory");
}

// The inner pair matches; the second one does not (insn 6 is no fill), so
// the outer spill and fill stay, and they sit above the reserved end.
// CHECK-X86:      wrong_insn:
// CHECK-X86-NEXT:    0: (b7) r1 = 1
// CHECK-X86-NEXT:    1: (b7) r2 = 2
// CHECK-X86-NEXT:    2: (7b) *(u64 *)(r10 -16) = r1
// CHECK-X86-NEXT:    3: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT:    4: (bf) r0 = r0
// CHECK-X86-NEXT:    5: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT:    6: (bf) r0 = r2
// CHECK-X86-NEXT:    7: (79) r1 = *(u64 *)(r10 -16)
// CHECK-X86-NEXT:    8: (95) exit

// CHECK-ARM64:      2: (7b) *(u64 *)(r10 -16) = r1
// CHECK-ARM64-NEXT: 3: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 4: (bf) r0 = r2

// CHECK-RV64:      3: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 4: (bf) r0 = r2

// WHY: wrong_insn: insn 4: bpf_get_smp_processor_id: partially rewritten: insn 6 is not a fill (pair 2 of the bracket)

// KERNEL: wrong_insn: match (9 insns)
