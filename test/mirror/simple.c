// Five pairs around bpf_get_smp_processor_id, innermost at the lowest
// offset: every pair goes, the stack shrinks to the reserved end (8).
// x86_64 inlines the helper (w0 form before 6.15); arm64 and riscv64 keep
// the call because their JIT inlines it.
// RUN: %cc19 -O2 -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.15 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.12 | FileCheck %s --check-prefix=CHECK-X86-612
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.13 | FileCheck %s --check-prefix=CHECK-X86-612
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.12 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr stats %t.o --arch x86_64 --kernel 6.18 --csv | FileCheck %s --check-prefix=STATS
// RUN: %nocsr check %t.o --arch arm64 | FileCheck %s --check-prefix=CHECK-OK
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int simple(void)
{
	asm volatile (
	"r1 = 1; r2 = 2; r3 = 3; r4 = 4; r5 = 5;"
	"*(u64 *)(r10 - 16) = r1;"
	"*(u64 *)(r10 - 24) = r2;"
	"*(u64 *)(r10 - 32) = r3;"
	"*(u64 *)(r10 - 40) = r4;"
	"*(u64 *)(r10 - 48) = r5;"
	"call 8;"
	"r5 = *(u64 *)(r10 - 48);"
	"r4 = *(u64 *)(r10 - 40);"
	"r3 = *(u64 *)(r10 - 32);"
	"r2 = *(u64 *)(r10 - 24);"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      simple:
// CHECK-X86-NEXT:    0: (b7) r1 = 1
// CHECK-X86-NEXT:    1: (b7) r2 = 2
// CHECK-X86-NEXT:    2: (b7) r3 = 3
// CHECK-X86-NEXT:    3: (b7) r4 = 4
// CHECK-X86-NEXT:    4: (b7) r5 = 5
// CHECK-X86-NEXT:    5: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT:    6: (bf) r0 = r0
// CHECK-X86-NEXT:    7: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT:    8: (b7) r0 = 0
// CHECK-X86-NEXT:    9: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-X86-612:      4: (b7) r5 = 5
// CHECK-X86-612-NEXT: 5: (b4) w0 = <cpu_number>
// CHECK-X86-612-NEXT: 6: (bf) r0 = r0
// CHECK-X86-612-NEXT: 7: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-612-NEXT: 8: (b7) r0 = 0

// CHECK-ARM64:      4: (b7) r5 = 5
// CHECK-ARM64-NEXT: 5: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 6: (b7) r0 = 0
// CHECK-ARM64-NEXT: 7: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      4: (b7) r5 = 5
// CHECK-RV64-NEXT: 5: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 6: (b7) r0 = 0
// CHECK-RV64-NEXT: 7: (95) exit

// STATS:      object,program,insns_before,insns_after,sites,pairs_found,pairs_removed,stack_before,stack_after
// STATS-NEXT: {{.*}},simple,18,10,1,5,5,48,8

// CHECK-OK: 1 of 1 fastcall sites rewritten (arm64, 7.3)

// KERNEL: simple: match (10 insns)
