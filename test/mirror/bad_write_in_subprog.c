// Rule 5: a callee writes into its caller's reserved slot through a
// pointer.  The write is charged to the frame owning the slot, so main's
// pattern stays whole.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int writer(void)
{
	asm volatile (
	"r2 = 1;"
	"*(u64 *)(r1 + 0) = r2;"
	"r0 = 0;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int bad_write_in_subprog(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r1 = r10;"
	"r1 += -8;"
	"call writer;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      bad_write_in_subprog:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (7b) *(u64 *)(r10 -8) = r1
// CHECK-X86-NEXT: 2: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 3: (bf) r0 = r0
// CHECK-X86-NEXT: 4: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 5: (79) r1 = *(u64 *)(r10 -8)
// CHECK-X86-NEXT: 6: (bf) r1 = r10
// CHECK-X86-NEXT: 7: (07) r1 += -8
// CHECK-X86-NEXT: 8: (85) call pc+2
// CHECK-X86-NEXT: 9: (b7) r0 = 0
// CHECK-X86-NEXT: 10: (95) exit
// CHECK-X86-NEXT: 11: (b7) r2 = 1
// CHECK-X86-NEXT: 12: (7b) *(u64 *)(r1 +0) = r2
// CHECK-X86-NEXT: 13: (b7) r0 = 0
// CHECK-X86-NEXT: 14: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      bad_write_in_subprog:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (7b) *(u64 *)(r10 -8) = r1
// CHECK-ARM64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 3: (79) r1 = *(u64 *)(r10 -8)
// CHECK-ARM64-NEXT: 4: (bf) r1 = r10
// CHECK-ARM64-NEXT: 5: (07) r1 += -8
// CHECK-ARM64-NEXT: 6: (85) call pc+2
// CHECK-ARM64-NEXT: 7: (b7) r0 = 0
// CHECK-ARM64-NEXT: 8: (95) exit
// CHECK-ARM64-NEXT: 9: (b7) r2 = 1
// CHECK-ARM64-NEXT: 10: (7b) *(u64 *)(r1 +0) = r2
// CHECK-ARM64-NEXT: 11: (b7) r0 = 0
// CHECK-ARM64-NEXT: 12: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      bad_write_in_subprog:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (7b) *(u64 *)(r10 -8) = r1
// CHECK-RV64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 3: (79) r1 = *(u64 *)(r10 -8)
// CHECK-RV64-NEXT: 4: (bf) r1 = r10
// CHECK-RV64-NEXT: 5: (07) r1 += -8
// CHECK-RV64-NEXT: 6: (85) call pc+2
// CHECK-RV64-NEXT: 7: (b7) r0 = 0
// CHECK-RV64-NEXT: 8: (95) exit
// CHECK-RV64-NEXT: 9: (b7) r2 = 1
// CHECK-RV64-NEXT: 10: (7b) *(u64 *)(r1 +0) = r2
// CHECK-RV64-NEXT: 11: (b7) r0 = 0
// CHECK-RV64-NEXT: 12: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: bad_write_in_subprog: insn 2: bpf_get_smp_processor_id: not rewritten: insn 10 writes fp-8 through r1 in the caller's frame: stack contract broken, subprogram 0 keeps all pairs [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY: 0 of 1 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 8+0, kernel 8+0
// KERNEL: bad_write_in_subprog: match (15 insns)
