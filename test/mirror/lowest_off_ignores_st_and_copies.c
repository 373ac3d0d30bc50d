// Rule 2: only 8-byte register stores with base r10 set lowest_off.  A
// store-immediate (st_imm) or a store through a copy of r10 (via_copy) does
// not, so the pattern at -16 matches, and then that store below the reserved
// end breaks the stack contract (rule 5).  A narrow store above the reserved
// end (narrow) is harmless.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
SEC("raw_tp") __attribute__((naked)) int st_imm(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 24) = 0;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 = 0;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int via_copy(void)
{
	asm volatile (
	"r1 = 1;"
	"r2 = r10;"
	"*(u64 *)(r2 - 24) = r1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 = 0;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int narrow(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u32 *)(r10 - 4) = r1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      st_imm:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (7a) *(u64 *)(r10 -24) = 0
// CHECK-X86-NEXT: 2: (7b) *(u64 *)(r10 -16) = r1
// CHECK-X86-NEXT: 3: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 4: (bf) r0 = r0
// CHECK-X86-NEXT: 5: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 6: (79) r1 = *(u64 *)(r10 -16)
// CHECK-X86-NEXT: 7: (b7) r0 = 0
// CHECK-X86-NEXT: 8: (95) exit
// CHECK-X86-NEXT: via_copy:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (bf) r2 = r10
// CHECK-X86-NEXT: 2: (7b) *(u64 *)(r2 -24) = r1
// CHECK-X86-NEXT: 3: (7b) *(u64 *)(r10 -16) = r1
// CHECK-X86-NEXT: 4: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 5: (bf) r0 = r0
// CHECK-X86-NEXT: 6: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 7: (79) r1 = *(u64 *)(r10 -16)
// CHECK-X86-NEXT: 8: (b7) r0 = 0
// CHECK-X86-NEXT: 9: (95) exit
// CHECK-X86-NEXT: narrow:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (63) *(u32 *)(r10 -4) = r1
// CHECK-X86-NEXT: 2: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 3: (bf) r0 = r0
// CHECK-X86-NEXT: 4: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 5: (b7) r0 = 0
// CHECK-X86-NEXT: 6: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      st_imm:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (7a) *(u64 *)(r10 -24) = 0
// CHECK-ARM64-NEXT: 2: (7b) *(u64 *)(r10 -16) = r1
// CHECK-ARM64-NEXT: 3: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 4: (79) r1 = *(u64 *)(r10 -16)
// CHECK-ARM64-NEXT: 5: (b7) r0 = 0
// CHECK-ARM64-NEXT: 6: (95) exit
// CHECK-ARM64-NEXT: via_copy:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (bf) r2 = r10
// CHECK-ARM64-NEXT: 2: (7b) *(u64 *)(r2 -24) = r1
// CHECK-ARM64-NEXT: 3: (7b) *(u64 *)(r10 -16) = r1
// CHECK-ARM64-NEXT: 4: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 5: (79) r1 = *(u64 *)(r10 -16)
// CHECK-ARM64-NEXT: 6: (b7) r0 = 0
// CHECK-ARM64-NEXT: 7: (95) exit
// CHECK-ARM64-NEXT: narrow:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (63) *(u32 *)(r10 -4) = r1
// CHECK-ARM64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 3: (b7) r0 = 0
// CHECK-ARM64-NEXT: 4: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      st_imm:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (7a) *(u64 *)(r10 -24) = 0
// CHECK-RV64-NEXT: 2: (7b) *(u64 *)(r10 -16) = r1
// CHECK-RV64-NEXT: 3: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 4: (79) r1 = *(u64 *)(r10 -16)
// CHECK-RV64-NEXT: 5: (b7) r0 = 0
// CHECK-RV64-NEXT: 6: (95) exit
// CHECK-RV64-NEXT: via_copy:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (bf) r2 = r10
// CHECK-RV64-NEXT: 2: (7b) *(u64 *)(r2 -24) = r1
// CHECK-RV64-NEXT: 3: (7b) *(u64 *)(r10 -16) = r1
// CHECK-RV64-NEXT: 4: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 5: (79) r1 = *(u64 *)(r10 -16)
// CHECK-RV64-NEXT: 6: (b7) r0 = 0
// CHECK-RV64-NEXT: 7: (95) exit
// CHECK-RV64-NEXT: narrow:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (63) *(u32 *)(r10 -4) = r1
// CHECK-RV64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 3: (b7) r0 = 0
// CHECK-RV64-NEXT: 4: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: st_imm: insn 3: bpf_get_smp_processor_id: not rewritten: insn 1 writes fp-24 through r10: stack contract broken, subprogram 0 keeps all pairs [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY: via_copy: insn 4: bpf_get_smp_processor_id: not rewritten: insn 2 writes fp-24 through r2: stack contract broken, subprogram 0 keeps all pairs [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY: 1 of 3 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 8, kernel 8
// KERNEL: narrow: match (7 insns)
