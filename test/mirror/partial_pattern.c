// Rule 4 stops at the first pair that does not match: the inner pair (r1
// at the lowest offset) goes, the outer one saves r0, which the helper
// returns, so it stays.  The subprogram still shrinks to the reserved end.
// RUN: %cc19 -O2 -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %nocsr stats %t.o --arch x86_64 --kernel 6.18 --csv | FileCheck %s --check-prefix=STATS
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int partial(void)
{
	asm volatile (
	"r0 = 7;"
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r0;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 = *(u64 *)(r10 - 8);"
	"exit;" ::: "memory");
}

// CHECK-X86:      partial:
// CHECK-X86-NEXT:    0: (b7) r0 = 7
// CHECK-X86-NEXT:    1: (b7) r1 = 1
// CHECK-X86-NEXT:    2: (7b) *(u64 *)(r10 -8) = r0
// CHECK-X86-NEXT:    3: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT:    4: (bf) r0 = r0
// CHECK-X86-NEXT:    5: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT:    6: (79) r0 = *(u64 *)(r10 -8)
// CHECK-X86-NEXT:    7: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      2: (7b) *(u64 *)(r10 -8) = r0
// CHECK-ARM64-NEXT: 3: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 4: (79) r0 = *(u64 *)(r10 -8)
// CHECK-ARM64-NEXT: 5: (95) exit

// CHECK-RV64:      2: (7b) *(u64 *)(r10 -8) = r0
// CHECK-RV64-NEXT: 3: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 4: (79) r0 = *(u64 *)(r10 -8)

// WHY: partial: insn 4: bpf_get_smp_processor_id: partially rewritten: pair at insns 2/6: r0 holds the return value of bpf_get_smp_processor_id
// WHY: 0 of 1 fastcall sites rewritten

// STATS: partial,8,8,1,1,1,16,8

// KERNEL: stack depth: mirror 8, kernel 8
// KERNEL: partial: match (8 insns)
