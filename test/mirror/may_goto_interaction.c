// Rule 6: the may_goto counter is allocated below the reduced stack depth,
// so it reuses the freed fastcall slots.  x86_64 6.15+ uses the timed form
// (16 bytes, arch_bpf_timed_may_goto), 6.12 the plain counter (8 bytes).
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.12 | FileCheck %s --check-prefix=CHECK-X86-612
// RUN: %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
SEC("raw_tp") __attribute__((naked)) int may_goto_interaction(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	".8byte 0x00000000000100e5;"	/* may_goto +1 */
	"r0 = 1;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      may_goto_interaction:
// CHECK-X86-NEXT: 0: (7a) *(u64 *)(r10 -24) = 65535
// CHECK-X86-NEXT: 1: (7a) *(u64 *)(r10 -16) = 0
// CHECK-X86-NEXT: 2: (b7) r1 = 1
// CHECK-X86-NEXT: 3: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 4: (bf) r0 = r0
// CHECK-X86-NEXT: 5: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 6: (79) r11 = *(u64 *)(r10 -24)
// CHECK-X86-NEXT: 7: (15) if r11 == 0x0 goto pc+6
// CHECK-X86-NEXT: 8: (17) r11 -= 1
// CHECK-X86-NEXT: 9: (55) if r11 != 0x0 goto pc+2
// CHECK-X86-NEXT: 10: (b7) r11 = -24
// CHECK-X86-NEXT: 11: (85) call arch_bpf_timed_may_goto#<addr>
// CHECK-X86-NEXT: 12: (7b) *(u64 *)(r10 -24) = r11
// CHECK-X86-NEXT: 13: (b7) r0 = 1
// CHECK-X86-NEXT: 14: (b7) r0 = 0
// CHECK-X86-NEXT: 15: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      may_goto_interaction:
// CHECK-ARM64-NEXT: 0: (7a) *(u64 *)(r10 -24) = 65535
// CHECK-ARM64-NEXT: 1: (7a) *(u64 *)(r10 -16) = 0
// CHECK-ARM64-NEXT: 2: (b7) r1 = 1
// CHECK-ARM64-NEXT: 3: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 4: (79) r11 = *(u64 *)(r10 -24)
// CHECK-ARM64-NEXT: 5: (15) if r11 == 0x0 goto pc+6
// CHECK-ARM64-NEXT: 6: (17) r11 -= 1
// CHECK-ARM64-NEXT: 7: (55) if r11 != 0x0 goto pc+2
// CHECK-ARM64-NEXT: 8: (b7) r11 = -24
// CHECK-ARM64-NEXT: 9: (85) call arch_bpf_timed_may_goto#<addr>
// CHECK-ARM64-NEXT: 10: (7b) *(u64 *)(r10 -24) = r11
// CHECK-ARM64-NEXT: 11: (b7) r0 = 1
// CHECK-ARM64-NEXT: 12: (b7) r0 = 0
// CHECK-ARM64-NEXT: 13: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      may_goto_interaction:
// CHECK-RV64-NEXT: 0: (7a) *(u64 *)(r10 -16) = 8388608
// CHECK-RV64-NEXT: 1: (b7) r1 = 1
// CHECK-RV64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 3: (79) r11 = *(u64 *)(r10 -16)
// CHECK-RV64-NEXT: 4: (15) if r11 == 0x0 goto pc+3
// CHECK-RV64-NEXT: 5: (17) r11 -= 1
// CHECK-RV64-NEXT: 6: (7b) *(u64 *)(r10 -16) = r11
// CHECK-RV64-NEXT: 7: (b7) r0 = 1
// CHECK-RV64-NEXT: 8: (b7) r0 = 0
// CHECK-RV64-NEXT: 9: (95) exit
// CHECK-RV64-NOT:  {{.}}

// CHECK-X86-612:      may_goto_interaction:
// CHECK-X86-612-NEXT: 0: (7a) *(u64 *)(r10 -16) = 8388608
// CHECK-X86-612-NEXT: 1: (b7) r1 = 1
// CHECK-X86-612-NEXT: 2: (b4) w0 = <cpu_number>
// CHECK-X86-612-NEXT: 3: (bf) r0 = r0
// CHECK-X86-612-NEXT: 4: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-612-NEXT: 5: (79) r11 = *(u64 *)(r10 -16)
// CHECK-X86-612-NEXT: 6: (15) if r11 == 0x0 goto pc+3
// CHECK-X86-612-NEXT: 7: (17) r11 -= 1
// CHECK-X86-612-NEXT: 8: (7b) *(u64 *)(r10 -16) = r11
// CHECK-X86-612-NEXT: 9: (b7) r0 = 1
// CHECK-X86-612-NEXT: 10: (b7) r0 = 0
// CHECK-X86-612-NEXT: 11: (95) exit
// CHECK-X86-612-NOT:  {{.}}

// WHY: 1 of 1 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 24, kernel 24
// KERNEL: may_goto_interaction: match (16 insns)
