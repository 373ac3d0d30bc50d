// Rule 2/4: a pattern must start at the subprogram's lowest spill offset.
// The first call's spill at -8 is not matched because the second call's
// spill at -16 is lower; the second pattern goes and the depth becomes 8.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
SEC("raw_tp") __attribute__((naked)) int min_stack_offset(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      min_stack_offset:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (7b) *(u64 *)(r10 -8) = r1
// CHECK-X86-NEXT: 2: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 3: (bf) r0 = r0
// CHECK-X86-NEXT: 4: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 5: (79) r1 = *(u64 *)(r10 -8)
// CHECK-X86-NEXT: 6: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 7: (bf) r0 = r0
// CHECK-X86-NEXT: 8: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 9: (b7) r0 = 0
// CHECK-X86-NEXT: 10: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      min_stack_offset:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (7b) *(u64 *)(r10 -8) = r1
// CHECK-ARM64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 3: (79) r1 = *(u64 *)(r10 -8)
// CHECK-ARM64-NEXT: 4: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 5: (b7) r0 = 0
// CHECK-ARM64-NEXT: 6: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      min_stack_offset:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (7b) *(u64 *)(r10 -8) = r1
// CHECK-RV64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 3: (79) r1 = *(u64 *)(r10 -8)
// CHECK-RV64-NEXT: 4: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 5: (b7) r0 = 0
// CHECK-RV64-NEXT: 6: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: min_stack_offset: insn 2: bpf_get_smp_processor_id: not rewritten: innermost spill at -8 but the subprogram's lowest spill offset is -16 [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY: 1 of 2 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 8, kernel 8
// KERNEL: min_stack_offset: match (11 insns)
