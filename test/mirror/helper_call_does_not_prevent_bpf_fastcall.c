// Rule 4, forward compatibility: a bracket around a helper that is not
// fastcall (bpf_get_prandom_u32) is still a pattern.  Its pair stays and the
// subprogram keeps its stack (keep_fastcall_stack), but the pattern around
// bpf_get_smp_processor_id in the same subprogram is still removed.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %nocsr stats %t.o --arch x86_64 --kernel 6.18 --csv | FileCheck %s --check-prefix=STATS
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
SEC("raw_tp") __attribute__((naked)) int not_prevent(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 7;"
	"r1 = *(u64 *)(r10 - 16);"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      not_prevent:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-X86-NEXT: 2: (85) call bpf_get_prandom_u32#7
// CHECK-X86-NEXT: 3: (79) r1 = *(u64 *)(r10 -16)
// CHECK-X86-NEXT: 4: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 5: (bf) r0 = r0
// CHECK-X86-NEXT: 6: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 7: (b7) r0 = 0
// CHECK-X86-NEXT: 8: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      not_prevent:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-ARM64-NEXT: 2: (85) call bpf_get_prandom_u32#7
// CHECK-ARM64-NEXT: 3: (79) r1 = *(u64 *)(r10 -16)
// CHECK-ARM64-NEXT: 4: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 5: (b7) r0 = 0
// CHECK-ARM64-NEXT: 6: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      not_prevent:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-RV64-NEXT: 2: (85) call bpf_get_prandom_u32#7
// CHECK-RV64-NEXT: 3: (79) r1 = *(u64 *)(r10 -16)
// CHECK-RV64-NEXT: 4: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 5: (b7) r0 = 0
// CHECK-RV64-NEXT: 6: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: not_prevent: insn 2: bpf_get_prandom_u32: not rewritten: bpf_get_prandom_u32 is not a fastcall helper on 6.18 [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY: 1 of 2 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 16, kernel 16
// KERNEL: not_prevent: match (9 insns)

// STATS: not_prevent,9,9,2,2,1,16,16
