// Kernel profiles: a jump lands on the call inside a pattern.  6.18 rewrites
// the pattern anyway (the jump now lands on the inlined code); the 7.3
// profile refuses to rewrite a pattern entered by a jump.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 7.3 | FileCheck %s --check-prefix=CHECK-X86-73
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 7.3 | FileCheck %s --check-prefix=CHECK-ARM64-73
// RUN: %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 7.3 | FileCheck %s --check-prefix=WHY73
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
SEC("raw_tp") __attribute__((naked)) int jump_into(void)
{
	asm volatile (
	"call 7;"
	"r1 = 1;"
	"if r0 == 0 goto 1f;"
	"*(u64 *)(r10 - 8) = r1;"
	"1: call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      jump_into:
// CHECK-X86-NEXT: 0: (85) call bpf_get_prandom_u32#7
// CHECK-X86-NEXT: 1: (b7) r1 = 1
// CHECK-X86-NEXT: 2: (15) if r0 == 0x0 goto pc+0
// CHECK-X86-NEXT: 3: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 4: (bf) r0 = r0
// CHECK-X86-NEXT: 5: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 6: (b7) r0 = 0
// CHECK-X86-NEXT: 7: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      jump_into:
// CHECK-ARM64-NEXT: 0: (85) call bpf_get_prandom_u32#7
// CHECK-ARM64-NEXT: 1: (b7) r1 = 1
// CHECK-ARM64-NEXT: 2: (15) if r0 == 0x0 goto pc+0
// CHECK-ARM64-NEXT: 3: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 4: (b7) r0 = 0
// CHECK-ARM64-NEXT: 5: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      jump_into:
// CHECK-RV64-NEXT: 0: (85) call bpf_get_prandom_u32#7
// CHECK-RV64-NEXT: 1: (b7) r1 = 1
// CHECK-RV64-NEXT: 2: (15) if r0 == 0x0 goto pc+0
// CHECK-RV64-NEXT: 3: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 4: (b7) r0 = 0
// CHECK-RV64-NEXT: 5: (95) exit
// CHECK-RV64-NOT:  {{.}}

// CHECK-X86-73:      jump_into:
// CHECK-X86-73-NEXT: 0: (85) call bpf_get_prandom_u32#7
// CHECK-X86-73-NEXT: 1: (b7) r1 = 1
// CHECK-X86-73-NEXT: 2: (15) if r0 == 0x0 goto pc+1
// CHECK-X86-73-NEXT: 3: (7b) *(u64 *)(r10 -8) = r1
// CHECK-X86-73-NEXT: 4: (b7) r0 = <cpu_number>
// CHECK-X86-73-NEXT: 5: (bf) r0 = r0
// CHECK-X86-73-NEXT: 6: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-73-NEXT: 7: (79) r1 = *(u64 *)(r10 -8)
// CHECK-X86-73-NEXT: 8: (b7) r0 = 0
// CHECK-X86-73-NEXT: 9: (95) exit
// CHECK-X86-73-NOT:  {{.}}

// CHECK-ARM64-73:      jump_into:
// CHECK-ARM64-73-NEXT: 0: (85) call bpf_get_prandom_u32#7
// CHECK-ARM64-73-NEXT: 1: (b7) r1 = 1
// CHECK-ARM64-73-NEXT: 2: (15) if r0 == 0x0 goto pc+1
// CHECK-ARM64-73-NEXT: 3: (7b) *(u64 *)(r10 -8) = r1
// CHECK-ARM64-73-NEXT: 4: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-73-NEXT: 5: (79) r1 = *(u64 *)(r10 -8)
// CHECK-ARM64-73-NEXT: 6: (b7) r0 = 0
// CHECK-ARM64-73-NEXT: 7: (95) exit
// CHECK-ARM64-73-NOT:  {{.}}

// WHY: 1 of 1 fastcall sites rewritten (x86_64, 6.18)

// WHY73: jump_into: insn 4: bpf_get_smp_processor_id: not rewritten: a jump enters the pattern at insn 4: 7.3 does not rewrite it [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY73: 0 of 1 fastcall sites rewritten (x86_64, 7.3)

// KERNEL: stack depth: mirror 0, kernel 0
// KERNEL: jump_into: match (8 insns)
