// Rules 2, 4, 5 together: two calls with different pair counts.  With the
// contract layout (every call's innermost pair at the subprogram's lowest
// offset) both are rewritten and the depth is -min(reserved ends) = 8.  With
// LLVM 22's per-call layout the one-pair site sits at -8: it is not a
// pattern, and its spill below the reserved end breaks the contract, so the
// other site keeps its pairs too.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
/* The layout the plugin emits: pair k of every call at base-8K+8k. */
SEC("raw_tp") __attribute__((naked)) int shared_base(void)
{
	asm volatile (
	"r1 = 1; r2 = 2;"
	"*(u64 *)(r10 - 8) = r2;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r2 = *(u64 *)(r10 - 8);"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 = r1;"
	"exit;" ::: "memory");
}
/* LLVM 22's layout: each call at base-8..base-8k; the one-pair site sits
 * at -8, above the lowest offset, and its spill breaks the contract. */
SEC("raw_tp") __attribute__((naked)) int per_call_base(void)
{
	asm volatile (
	"r1 = 1; r2 = 2;"
	"*(u64 *)(r10 - 8) = r2;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r2 = *(u64 *)(r10 - 8);"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = r1;"
	"exit;" ::: "memory");
}

// CHECK-X86:      shared_base:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (b7) r2 = 2
// CHECK-X86-NEXT: 2: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 3: (bf) r0 = r0
// CHECK-X86-NEXT: 4: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 5: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 6: (bf) r0 = r0
// CHECK-X86-NEXT: 7: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 8: (bf) r0 = r1
// CHECK-X86-NEXT: 9: (95) exit
// CHECK-X86-NEXT: per_call_base:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (b7) r2 = 2
// CHECK-X86-NEXT: 2: (7b) *(u64 *)(r10 -8) = r2
// CHECK-X86-NEXT: 3: (7b) *(u64 *)(r10 -16) = r1
// CHECK-X86-NEXT: 4: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 5: (bf) r0 = r0
// CHECK-X86-NEXT: 6: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 7: (79) r1 = *(u64 *)(r10 -16)
// CHECK-X86-NEXT: 8: (79) r2 = *(u64 *)(r10 -8)
// CHECK-X86-NEXT: 9: (7b) *(u64 *)(r10 -8) = r1
// CHECK-X86-NEXT: 10: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 11: (bf) r0 = r0
// CHECK-X86-NEXT: 12: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 13: (79) r1 = *(u64 *)(r10 -8)
// CHECK-X86-NEXT: 14: (bf) r0 = r1
// CHECK-X86-NEXT: 15: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      shared_base:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (b7) r2 = 2
// CHECK-ARM64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 3: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 4: (bf) r0 = r1
// CHECK-ARM64-NEXT: 5: (95) exit
// CHECK-ARM64-NEXT: per_call_base:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (b7) r2 = 2
// CHECK-ARM64-NEXT: 2: (7b) *(u64 *)(r10 -8) = r2
// CHECK-ARM64-NEXT: 3: (7b) *(u64 *)(r10 -16) = r1
// CHECK-ARM64-NEXT: 4: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 5: (79) r1 = *(u64 *)(r10 -16)
// CHECK-ARM64-NEXT: 6: (79) r2 = *(u64 *)(r10 -8)
// CHECK-ARM64-NEXT: 7: (7b) *(u64 *)(r10 -8) = r1
// CHECK-ARM64-NEXT: 8: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 9: (79) r1 = *(u64 *)(r10 -8)
// CHECK-ARM64-NEXT: 10: (bf) r0 = r1
// CHECK-ARM64-NEXT: 11: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      shared_base:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (b7) r2 = 2
// CHECK-RV64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 3: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 4: (bf) r0 = r1
// CHECK-RV64-NEXT: 5: (95) exit
// CHECK-RV64-NEXT: per_call_base:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (b7) r2 = 2
// CHECK-RV64-NEXT: 2: (7b) *(u64 *)(r10 -8) = r2
// CHECK-RV64-NEXT: 3: (7b) *(u64 *)(r10 -16) = r1
// CHECK-RV64-NEXT: 4: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 5: (79) r1 = *(u64 *)(r10 -16)
// CHECK-RV64-NEXT: 6: (79) r2 = *(u64 *)(r10 -8)
// CHECK-RV64-NEXT: 7: (7b) *(u64 *)(r10 -8) = r1
// CHECK-RV64-NEXT: 8: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 9: (79) r1 = *(u64 *)(r10 -8)
// CHECK-RV64-NEXT: 10: (bf) r0 = r1
// CHECK-RV64-NEXT: 11: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: per_call_base: insn 4: bpf_get_smp_processor_id: not rewritten: insn 7 writes fp-8 through r10: stack contract broken, subprogram 0 keeps all pairs [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY: per_call_base: insn 8: bpf_get_smp_processor_id: not rewritten: innermost spill at -8 but the subprogram's lowest spill offset is -16 [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY: 2 of 4 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 16, kernel 16
// KERNEL: per_call_base: match (16 insns)
