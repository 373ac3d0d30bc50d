// Rule 6: the 512-byte check runs after removal.  main uses 512 bytes, the
// subprogram only needs a fastcall slot; after removal the chain needs
// 512+0 and the kernel loads it (512+8 before).
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %nocsr stats %t.o --arch x86_64 --kernel 6.18 --csv | FileCheck %s --check-prefix=STATS
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int fastcall_sub(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = 0;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int cumulative(void)
{
	asm volatile (
	"r1 = 42;"
	"*(u64 *)(r10 - 512) = r1;"
	"call fastcall_sub;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      cumulative:
// CHECK-X86-NEXT: 0: (b7) r1 = 42
// CHECK-X86-NEXT: 1: (7b) *(u64 *)(r10 -512) = r1
// CHECK-X86-NEXT: 2: (85) call pc+2
// CHECK-X86-NEXT: 3: (b7) r0 = 0
// CHECK-X86-NEXT: 4: (95) exit
// CHECK-X86-NEXT: 5: (b7) r1 = 1
// CHECK-X86-NEXT: 6: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 7: (bf) r0 = r0
// CHECK-X86-NEXT: 8: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 9: (b7) r0 = 0
// CHECK-X86-NEXT: 10: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      cumulative:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 42
// CHECK-ARM64-NEXT: 1: (7b) *(u64 *)(r10 -512) = r1
// CHECK-ARM64-NEXT: 2: (85) call pc+2
// CHECK-ARM64-NEXT: 3: (b7) r0 = 0
// CHECK-ARM64-NEXT: 4: (95) exit
// CHECK-ARM64-NEXT: 5: (b7) r1 = 1
// CHECK-ARM64-NEXT: 6: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 7: (b7) r0 = 0
// CHECK-ARM64-NEXT: 8: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      cumulative:
// CHECK-RV64-NEXT: 0: (b7) r1 = 42
// CHECK-RV64-NEXT: 1: (7b) *(u64 *)(r10 -512) = r1
// CHECK-RV64-NEXT: 2: (85) call pc+2
// CHECK-RV64-NEXT: 3: (b7) r0 = 0
// CHECK-RV64-NEXT: 4: (95) exit
// CHECK-RV64-NEXT: 5: (b7) r1 = 1
// CHECK-RV64-NEXT: 6: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 7: (b7) r0 = 0
// CHECK-RV64-NEXT: 8: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: 1 of 1 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 512+0, kernel 512+0
// KERNEL: cumulative: match (11 insns)

// STATS: cumulative,11,11,1,1,1,512+8,512+0
