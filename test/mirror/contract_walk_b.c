// Rule 5, pointer and range tracking: a stack pointer whose offset differs
// by path (joined into a range, lowest offset counts); an access guarded by
// two compares that exclude each other (signed and unsigned ranges, the
// verifier never reaches it, so the pattern goes); an atomic add on a
// reserved slot.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
SEC("raw_tp") __attribute__((naked)) int joined_ptr(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"call 7;"
	"r2 = r10;"
	"r2 += -8;"
	"if r0 > 100 goto 1f;"
	"r2 += -8;"
	"1:"
	"*(u8 *)(r2 + 0) = 1;"
	"r0 = 0;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int range_refined_safe(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"call 7;"
	"if r0 > 5 goto 2f;"
	"if r0 < 10 goto 3f;"
	"r2 = *(u64 *)(r10 - 16);"	/* unreachable: r0 <= 5 and >= 10 */
	"3:"
	"2:"
	"*(u64 *)(r10 - 8) = r0;"
	"r0 = 0;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int atomic_stack(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r2 = 1;"
	"lock *(u64 *)(r10 - 16) += r2;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      joined_ptr:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-X86-NEXT: 2: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 3: (bf) r0 = r0
// CHECK-X86-NEXT: 4: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 5: (79) r1 = *(u64 *)(r10 -16)
// CHECK-X86-NEXT: 6: (85) call bpf_get_prandom_u32#7
// CHECK-X86-NEXT: 7: (bf) r2 = r10
// CHECK-X86-NEXT: 8: (07) r2 += -8
// CHECK-X86-NEXT: 9: (25) if r0 > 0x64 goto pc+1
// CHECK-X86-NEXT: 10: (07) r2 += -8
// CHECK-X86-NEXT: 11: (72) *(u8 *)(r2 +0) = 1
// CHECK-X86-NEXT: 12: (b7) r0 = 0
// CHECK-X86-NEXT: 13: (95) exit
// CHECK-X86-NEXT: range_refined_safe:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 2: (bf) r0 = r0
// CHECK-X86-NEXT: 3: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 4: (85) call bpf_get_prandom_u32#7
// CHECK-X86-NEXT: 5: (25) if r0 > 0x5 goto pc+0
// CHECK-X86-NEXT: 6: (7b) *(u64 *)(r10 -8) = r0
// CHECK-X86-NEXT: 7: (b7) r0 = 0
// CHECK-X86-NEXT: 8: (95) exit
// CHECK-X86-NEXT: atomic_stack:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-X86-NEXT: 2: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 3: (bf) r0 = r0
// CHECK-X86-NEXT: 4: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 5: (79) r1 = *(u64 *)(r10 -16)
// CHECK-X86-NEXT: 6: (b7) r2 = 1
// CHECK-X86-NEXT: 7: (db) lock *(u64 *)(r10 -16) += r2
// CHECK-X86-NEXT: 8: (b7) r0 = 0
// CHECK-X86-NEXT: 9: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      joined_ptr:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-ARM64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 3: (79) r1 = *(u64 *)(r10 -16)
// CHECK-ARM64-NEXT: 4: (85) call bpf_get_prandom_u32#7
// CHECK-ARM64-NEXT: 5: (bf) r2 = r10
// CHECK-ARM64-NEXT: 6: (07) r2 += -8
// CHECK-ARM64-NEXT: 7: (25) if r0 > 0x64 goto pc+1
// CHECK-ARM64-NEXT: 8: (07) r2 += -8
// CHECK-ARM64-NEXT: 9: (72) *(u8 *)(r2 +0) = 1
// CHECK-ARM64-NEXT: 10: (b7) r0 = 0
// CHECK-ARM64-NEXT: 11: (95) exit
// CHECK-ARM64-NEXT: range_refined_safe:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 2: (85) call bpf_get_prandom_u32#7
// CHECK-ARM64-NEXT: 3: (25) if r0 > 0x5 goto pc+0
// CHECK-ARM64-NEXT: 4: (7b) *(u64 *)(r10 -8) = r0
// CHECK-ARM64-NEXT: 5: (b7) r0 = 0
// CHECK-ARM64-NEXT: 6: (95) exit
// CHECK-ARM64-NEXT: atomic_stack:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-ARM64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 3: (79) r1 = *(u64 *)(r10 -16)
// CHECK-ARM64-NEXT: 4: (b7) r2 = 1
// CHECK-ARM64-NEXT: 5: (db) lock *(u64 *)(r10 -16) += r2
// CHECK-ARM64-NEXT: 6: (b7) r0 = 0
// CHECK-ARM64-NEXT: 7: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      joined_ptr:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-RV64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 3: (79) r1 = *(u64 *)(r10 -16)
// CHECK-RV64-NEXT: 4: (85) call bpf_get_prandom_u32#7
// CHECK-RV64-NEXT: 5: (bf) r2 = r10
// CHECK-RV64-NEXT: 6: (07) r2 += -8
// CHECK-RV64-NEXT: 7: (25) if r0 > 0x64 goto pc+1
// CHECK-RV64-NEXT: 8: (07) r2 += -8
// CHECK-RV64-NEXT: 9: (72) *(u8 *)(r2 +0) = 1
// CHECK-RV64-NEXT: 10: (b7) r0 = 0
// CHECK-RV64-NEXT: 11: (95) exit
// CHECK-RV64-NEXT: range_refined_safe:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 2: (85) call bpf_get_prandom_u32#7
// CHECK-RV64-NEXT: 3: (25) if r0 > 0x5 goto pc+0
// CHECK-RV64-NEXT: 4: (7b) *(u64 *)(r10 -8) = r0
// CHECK-RV64-NEXT: 5: (b7) r0 = 0
// CHECK-RV64-NEXT: 6: (95) exit
// CHECK-RV64-NEXT: atomic_stack:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-RV64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 3: (79) r1 = *(u64 *)(r10 -16)
// CHECK-RV64-NEXT: 4: (b7) r2 = 1
// CHECK-RV64-NEXT: 5: (db) lock *(u64 *)(r10 -16) += r2
// CHECK-RV64-NEXT: 6: (b7) r0 = 0
// CHECK-RV64-NEXT: 7: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: joined_ptr: insn 2: bpf_get_smp_processor_id: not rewritten: insn 9 writes fp-16 (variable offset, lowest) through r2: stack contract broken, subprogram 0 keeps all pairs [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY: atomic_stack: insn 2: bpf_get_smp_processor_id: not rewritten: insn 5 reads fp-16 through r10: stack contract broken, subprogram 0 keeps all pairs [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY: 1 of 3 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 16, kernel 16
// KERNEL: atomic_stack: match (10 insns)
