// Seven spill/fill pairs around one call: the kernel matches at most the
// caller-saved ones (r1-r5 here, innermost first) and stops at r6; the r6
// and r7 pairs and the stack above them stay. Not malformed input.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
SEC("raw_tp") __attribute__((naked)) int seven_pairs(void)
{
	asm volatile (
	"r1 = 1; r2 = 2; r3 = 3; r4 = 4; r5 = 5; r6 = 6; r7 = 7;"
	"*(u64 *)(r10 - 8) = r7;"
	"*(u64 *)(r10 - 16) = r6;"
	"*(u64 *)(r10 - 24) = r5;"
	"*(u64 *)(r10 - 32) = r4;"
	"*(u64 *)(r10 - 40) = r3;"
	"*(u64 *)(r10 - 48) = r2;"
	"*(u64 *)(r10 - 56) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 56);"
	"r2 = *(u64 *)(r10 - 48);"
	"r3 = *(u64 *)(r10 - 40);"
	"r4 = *(u64 *)(r10 - 32);"
	"r5 = *(u64 *)(r10 - 24);"
	"r6 = *(u64 *)(r10 - 16);"
	"r7 = *(u64 *)(r10 - 8);"
	"r0 = r1;"
	"r0 += r7;"
	"exit;" ::: "memory");
}

// CHECK:      seven_pairs:
// CHECK-NEXT: 0: (b7) r1 = 1
// CHECK-NEXT: 1: (b7) r2 = 2
// CHECK-NEXT: 2: (b7) r3 = 3
// CHECK-NEXT: 3: (b7) r4 = 4
// CHECK-NEXT: 4: (b7) r5 = 5
// CHECK-NEXT: 5: (b7) r6 = 6
// CHECK-NEXT: 6: (b7) r7 = 7
// CHECK-NEXT: 7: (7b) *(u64 *)(r10 -8) = r7
// CHECK-NEXT: 8: (7b) *(u64 *)(r10 -16) = r6
// CHECK-NEXT: 9: (b7) r0 = <cpu_number>
// CHECK-NEXT: 10: (bf) r0 = r0
// CHECK-NEXT: 11: (61) r0 = *(u32 *)(r0 +0)
// CHECK-NEXT: 12: (79) r6 = *(u64 *)(r10 -16)
// CHECK-NEXT: 13: (79) r7 = *(u64 *)(r10 -8)
// CHECK-NEXT: 14: (bf) r0 = r1
// CHECK-NEXT: 15: (0f) r0 += r7
// CHECK-NEXT: 16: (95) exit
// CHECK-NOT:  {{.}}

// WHY: seven_pairs: insn 14: bpf_get_smp_processor_id: partially rewritten: pair at insns 8/20: r6 is not caller-saved (only r0-r5 take part)
// WHY: 0 of 1 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 16, kernel 16
// KERNEL: seven_pairs: match (17 insns)
