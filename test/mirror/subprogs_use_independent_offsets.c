// Rule 1/2: lowest_off is per subprogram.  main reserves -24 (its lowest),
// sub reserves -8; both patterns go and each frame shrinks on its own
// (24+8 before, 16+0 after).
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %nocsr stats %t.o --arch x86_64 --kernel 6.18 --csv | FileCheck %s --check-prefix=STATS
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int sub(void)
{
	asm volatile (
	"r1 = 2;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = r1;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int independent(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 24) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 24);"
	"call sub;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      independent:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 2: (bf) r0 = r0
// CHECK-X86-NEXT: 3: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 4: (85) call pc+2
// CHECK-X86-NEXT: 5: (b7) r0 = 0
// CHECK-X86-NEXT: 6: (95) exit
// CHECK-X86-NEXT: 7: (b7) r1 = 2
// CHECK-X86-NEXT: 8: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 9: (bf) r0 = r0
// CHECK-X86-NEXT: 10: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 11: (bf) r0 = r1
// CHECK-X86-NEXT: 12: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      independent:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 2: (85) call pc+2
// CHECK-ARM64-NEXT: 3: (b7) r0 = 0
// CHECK-ARM64-NEXT: 4: (95) exit
// CHECK-ARM64-NEXT: 5: (b7) r1 = 2
// CHECK-ARM64-NEXT: 6: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 7: (bf) r0 = r1
// CHECK-ARM64-NEXT: 8: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      independent:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 2: (85) call pc+2
// CHECK-RV64-NEXT: 3: (b7) r0 = 0
// CHECK-RV64-NEXT: 4: (95) exit
// CHECK-RV64-NEXT: 5: (b7) r1 = 2
// CHECK-RV64-NEXT: 6: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 7: (bf) r0 = r1
// CHECK-RV64-NEXT: 8: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: 2 of 2 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 16+0, kernel 16+0
// KERNEL: independent: match (13 insns)

// STATS: independent,13,13,2,2,2,24+8,16+0
