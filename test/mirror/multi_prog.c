// Loader: two programs share a .text subprogram; each gets the ones it
// reaches appended depth-first in call order (libbpf 1.1), with call
// offsets resolved per program.  --prog selects one program.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 --prog second | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.13 --prog first | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o --prog first | FileCheck %s --check-prefix=KFIRST %}
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int shared(void)
{
	asm volatile (
	"r2 = 1;"
	"*(u64 *)(r10 - 8) = r2;"
	"call 8;"
	"r2 = *(u64 *)(r10 - 8);"
	"r0 = r2;"
	"exit;" ::: "memory");
}
static __attribute__((naked, noinline, used)) int only_second(void)
{
	asm volatile (
	"r0 = 7;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int first(void)
{
	asm volatile (
	"call shared;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int second(void)
{
	asm volatile (
	"call only_second;"
	"call shared;"
	"exit;" ::: "memory");
}

// CHECK-X86:      first:
// CHECK-X86-NEXT: 0: (85) call pc+1
// CHECK-X86-NEXT: 1: (95) exit
// CHECK-X86-NEXT: 2: (b7) r2 = 1
// CHECK-X86-NEXT: 3: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 4: (bf) r0 = r0
// CHECK-X86-NEXT: 5: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 6: (bf) r0 = r2
// CHECK-X86-NEXT: 7: (95) exit
// CHECK-X86-NEXT: second:
// CHECK-X86-NEXT: 0: (85) call pc+2
// CHECK-X86-NEXT: 1: (85) call pc+3
// CHECK-X86-NEXT: 2: (95) exit
// CHECK-X86-NEXT: 3: (b7) r0 = 7
// CHECK-X86-NEXT: 4: (95) exit
// CHECK-X86-NEXT: 5: (b7) r2 = 1
// CHECK-X86-NEXT: 6: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 7: (bf) r0 = r0
// CHECK-X86-NEXT: 8: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 9: (bf) r0 = r2
// CHECK-X86-NEXT: 10: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      second:
// CHECK-ARM64-NEXT: 0: (85) call pc+2
// CHECK-ARM64-NEXT: 1: (85) call pc+3
// CHECK-ARM64-NEXT: 2: (95) exit
// CHECK-ARM64-NEXT: 3: (b7) r0 = 7
// CHECK-ARM64-NEXT: 4: (95) exit
// CHECK-ARM64-NEXT: 5: (b7) r2 = 1
// CHECK-ARM64-NEXT: 6: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 7: (bf) r0 = r2
// CHECK-ARM64-NEXT: 8: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      first:
// CHECK-RV64-NEXT: 0: (85) call pc+1
// CHECK-RV64-NEXT: 1: (95) exit
// CHECK-RV64-NEXT: 2: (b7) r2 = 1
// CHECK-RV64-NEXT: 3: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 4: (bf) r0 = r2
// CHECK-RV64-NEXT: 5: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: 2 of 2 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 0+0+0, kernel 0+0+0
// KERNEL: second: match (11 insns)

// KFIRST-NOT: second:
// KFIRST: first: match (8 insns)
