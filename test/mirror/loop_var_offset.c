// Rule 5 with loops: a stride-8 `!=` loop and a stride-1 `<` loop write a
// stack array through a variable offset, just above the reserved slot.  The
// walk must bound the offsets as the verifier does (known trailing zeros,
// widening to the loop limit) or it would see a write into the reserved slot
// and keep the pair; the kernel removes it (56 -> 48).
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
/* Stride-8 loop writing a stack array through a variable offset, then a
 * stride-1 loop, then a fastcall pattern just below the array. */
SEC("raw_tp") __attribute__((naked)) int loop_var_offset(void)
{
	asm volatile (
	"r1 = 0;"
	"1:"
	"r3 = r10;"
	"r3 += -48;"
	"r3 += r1;"
	"*(u64 *)(r3 + 0) = r1;"
	"r1 += 8;"
	"if r1 != 48 goto 1b;"
	"r1 = 0;"
	"2:"
	"r3 = r10;"
	"r3 += -48;"
	"r3 += r1;"
	"*(u8 *)(r3 + 0) = r1;"
	"r1 += 1;"
	"if r1 < 48 goto 2b;"
	"r1 = *(u64 *)(r10 - 16);"
	"*(u64 *)(r10 - 56) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 56);"
	"r0 = r1;"
	"exit;" ::: "memory");
}

// CHECK-X86:      loop_var_offset:
// CHECK-X86-NEXT: 0: (b7) r1 = 0
// CHECK-X86-NEXT: 1: (bf) r3 = r10
// CHECK-X86-NEXT: 2: (07) r3 += -48
// CHECK-X86-NEXT: 3: (0f) r3 += r1
// CHECK-X86-NEXT: 4: (7b) *(u64 *)(r3 +0) = r1
// CHECK-X86-NEXT: 5: (07) r1 += 8
// CHECK-X86-NEXT: 6: (55) if r1 != 0x30 goto pc-6
// CHECK-X86-NEXT: 7: (b7) r1 = 0
// CHECK-X86-NEXT: 8: (bf) r3 = r10
// CHECK-X86-NEXT: 9: (07) r3 += -48
// CHECK-X86-NEXT: 10: (0f) r3 += r1
// CHECK-X86-NEXT: 11: (73) *(u8 *)(r3 +0) = r1
// CHECK-X86-NEXT: 12: (07) r1 += 1
// CHECK-X86-NEXT: 13: (a5) if r1 < 0x30 goto pc-6
// CHECK-X86-NEXT: 14: (79) r1 = *(u64 *)(r10 -16)
// CHECK-X86-NEXT: 15: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 16: (bf) r0 = r0
// CHECK-X86-NEXT: 17: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 18: (bf) r0 = r1
// CHECK-X86-NEXT: 19: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      loop_var_offset:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 0
// CHECK-ARM64-NEXT: 1: (bf) r3 = r10
// CHECK-ARM64-NEXT: 2: (07) r3 += -48
// CHECK-ARM64-NEXT: 3: (0f) r3 += r1
// CHECK-ARM64-NEXT: 4: (7b) *(u64 *)(r3 +0) = r1
// CHECK-ARM64-NEXT: 5: (07) r1 += 8
// CHECK-ARM64-NEXT: 6: (55) if r1 != 0x30 goto pc-6
// CHECK-ARM64-NEXT: 7: (b7) r1 = 0
// CHECK-ARM64-NEXT: 8: (bf) r3 = r10
// CHECK-ARM64-NEXT: 9: (07) r3 += -48
// CHECK-ARM64-NEXT: 10: (0f) r3 += r1
// CHECK-ARM64-NEXT: 11: (73) *(u8 *)(r3 +0) = r1
// CHECK-ARM64-NEXT: 12: (07) r1 += 1
// CHECK-ARM64-NEXT: 13: (a5) if r1 < 0x30 goto pc-6
// CHECK-ARM64-NEXT: 14: (79) r1 = *(u64 *)(r10 -16)
// CHECK-ARM64-NEXT: 15: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 16: (bf) r0 = r1
// CHECK-ARM64-NEXT: 17: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      loop_var_offset:
// CHECK-RV64-NEXT: 0: (b7) r1 = 0
// CHECK-RV64-NEXT: 1: (bf) r3 = r10
// CHECK-RV64-NEXT: 2: (07) r3 += -48
// CHECK-RV64-NEXT: 3: (0f) r3 += r1
// CHECK-RV64-NEXT: 4: (7b) *(u64 *)(r3 +0) = r1
// CHECK-RV64-NEXT: 5: (07) r1 += 8
// CHECK-RV64-NEXT: 6: (55) if r1 != 0x30 goto pc-6
// CHECK-RV64-NEXT: 7: (b7) r1 = 0
// CHECK-RV64-NEXT: 8: (bf) r3 = r10
// CHECK-RV64-NEXT: 9: (07) r3 += -48
// CHECK-RV64-NEXT: 10: (0f) r3 += r1
// CHECK-RV64-NEXT: 11: (73) *(u8 *)(r3 +0) = r1
// CHECK-RV64-NEXT: 12: (07) r1 += 1
// CHECK-RV64-NEXT: 13: (a5) if r1 < 0x30 goto pc-6
// CHECK-RV64-NEXT: 14: (79) r1 = *(u64 *)(r10 -16)
// CHECK-RV64-NEXT: 15: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 16: (bf) r0 = r1
// CHECK-RV64-NEXT: 17: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: 1 of 1 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 48, kernel 48
// KERNEL: loop_var_offset: match (20 insns)
