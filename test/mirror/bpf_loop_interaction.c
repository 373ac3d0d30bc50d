// Rule 6: bpf_loop inlining (flags 0, one callback) runs after removal and
// puts r6-r8 in three slots just below the reduced depth: 16 -> 8 -> 32.
// On riscv64 the JIT needs zero extension: the verifier adds `wN = wN`
// after the inlined 32-bit moves (a patch, so whether read or not) and
// the inline's jumps and the callback reference step over them.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr stats %t.o --arch riscv64 --kernel 6.18 --csv | FileCheck %s --check-prefix=STATS
// RUN: %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %nocsr stats %t.o --arch x86_64 --kernel 6.18 --csv | FileCheck %s --check-prefix=STATS
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int loop_cb(void)
{
	asm volatile (
	"r0 = 0;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int bpf_loop_interaction(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r1 = 1;"
	"r2 = loop_cb ll;"
	"r3 = 0;"
	"r4 = 0;"
	"call 181;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      bpf_loop_interaction:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 2: (bf) r0 = r0
// CHECK-X86-NEXT: 3: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 4: (b7) r1 = 1
// CHECK-X86-NEXT: 5: (18) r2 = subprog[+24]
// CHECK-X86-NEXT: 7: (b7) r3 = 0
// CHECK-X86-NEXT: 8: (b7) r4 = 0
// CHECK-X86-NEXT: 9: (b5) if r1 <= 0x800000 goto pc+2
// CHECK-X86-NEXT: 10: (b4) w0 = -7
// CHECK-X86-NEXT: 11: (05) goto pc+16
// CHECK-X86-NEXT: 12: (7b) *(u64 *)(r10 -32) = r6
// CHECK-X86-NEXT: 13: (7b) *(u64 *)(r10 -24) = r7
// CHECK-X86-NEXT: 14: (7b) *(u64 *)(r10 -16) = r8
// CHECK-X86-NEXT: 15: (bf) r6 = r1
// CHECK-X86-NEXT: 16: (b4) w7 = 0
// CHECK-X86-NEXT: 17: (bf) r8 = r3
// CHECK-X86-NEXT: 18: (3d) if r7 >= r6 goto pc+5
// CHECK-X86-NEXT: 19: (bf) r1 = r7
// CHECK-X86-NEXT: 20: (bf) r2 = r8
// CHECK-X86-NEXT: 21: (85) call pc+8
// CHECK-X86-NEXT: 22: (07) r7 += 1
// CHECK-X86-NEXT: 23: (15) if r0 == 0x0 goto pc-6
// CHECK-X86-NEXT: 24: (bf) r0 = r7
// CHECK-X86-NEXT: 25: (79) r6 = *(u64 *)(r10 -32)
// CHECK-X86-NEXT: 26: (79) r7 = *(u64 *)(r10 -24)
// CHECK-X86-NEXT: 27: (79) r8 = *(u64 *)(r10 -16)
// CHECK-X86-NEXT: 28: (b7) r0 = 0
// CHECK-X86-NEXT: 29: (95) exit
// CHECK-X86-NEXT: 30: (b7) r0 = 0
// CHECK-X86-NEXT: 31: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      bpf_loop_interaction:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 2: (b7) r1 = 1
// CHECK-ARM64-NEXT: 3: (18) r2 = subprog[+24]
// CHECK-ARM64-NEXT: 5: (b7) r3 = 0
// CHECK-ARM64-NEXT: 6: (b7) r4 = 0
// CHECK-ARM64-NEXT: 7: (b5) if r1 <= 0x800000 goto pc+2
// CHECK-ARM64-NEXT: 8: (b4) w0 = -7
// CHECK-ARM64-NEXT: 9: (05) goto pc+16
// CHECK-ARM64-NEXT: 10: (7b) *(u64 *)(r10 -32) = r6
// CHECK-ARM64-NEXT: 11: (7b) *(u64 *)(r10 -24) = r7
// CHECK-ARM64-NEXT: 12: (7b) *(u64 *)(r10 -16) = r8
// CHECK-ARM64-NEXT: 13: (bf) r6 = r1
// CHECK-ARM64-NEXT: 14: (b4) w7 = 0
// CHECK-ARM64-NEXT: 15: (bf) r8 = r3
// CHECK-ARM64-NEXT: 16: (3d) if r7 >= r6 goto pc+5
// CHECK-ARM64-NEXT: 17: (bf) r1 = r7
// CHECK-ARM64-NEXT: 18: (bf) r2 = r8
// CHECK-ARM64-NEXT: 19: (85) call pc+8
// CHECK-ARM64-NEXT: 20: (07) r7 += 1
// CHECK-ARM64-NEXT: 21: (15) if r0 == 0x0 goto pc-6
// CHECK-ARM64-NEXT: 22: (bf) r0 = r7
// CHECK-ARM64-NEXT: 23: (79) r6 = *(u64 *)(r10 -32)
// CHECK-ARM64-NEXT: 24: (79) r7 = *(u64 *)(r10 -24)
// CHECK-ARM64-NEXT: 25: (79) r8 = *(u64 *)(r10 -16)
// CHECK-ARM64-NEXT: 26: (b7) r0 = 0
// CHECK-ARM64-NEXT: 27: (95) exit
// CHECK-ARM64-NEXT: 28: (b7) r0 = 0
// CHECK-ARM64-NEXT: 29: (95) exit
// CHECK-ARM64-NOT:  {{.}}


// CHECK-RV64:      bpf_loop_interaction:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 2: (b7) r1 = 1
// CHECK-RV64-NEXT: 3: (18) r2 = subprog[+26]
// CHECK-RV64-NEXT: 5: (b7) r3 = 0
// CHECK-RV64-NEXT: 6: (b7) r4 = 0
// CHECK-RV64-NEXT: 7: (b5) if r1 <= 0x800000 goto pc+3
// CHECK-RV64-NEXT: 8: (b4) w0 = -7
// CHECK-RV64-NEXT: 9: (bc) w0 = w0
// CHECK-RV64-NEXT: 10: (05) goto pc+17
// CHECK-RV64-NEXT: 11: (7b) *(u64 *)(r10 -32) = r6
// CHECK-RV64-NEXT: 12: (7b) *(u64 *)(r10 -24) = r7
// CHECK-RV64-NEXT: 13: (7b) *(u64 *)(r10 -16) = r8
// CHECK-RV64-NEXT: 14: (bf) r6 = r1
// CHECK-RV64-NEXT: 15: (b4) w7 = 0
// CHECK-RV64-NEXT: 16: (bc) w7 = w7
// CHECK-RV64-NEXT: 17: (bf) r8 = r3
// CHECK-RV64-NEXT: 18: (3d) if r7 >= r6 goto pc+5
// CHECK-RV64-NEXT: 19: (bf) r1 = r7
// CHECK-RV64-NEXT: 20: (bf) r2 = r8
// CHECK-RV64-NEXT: 21: (85) call pc+8
// CHECK-RV64-NEXT: 22: (07) r7 += 1
// CHECK-RV64-NEXT: 23: (15) if r0 == 0x0 goto pc-6
// CHECK-RV64-NEXT: 24: (bf) r0 = r7
// CHECK-RV64-NEXT: 25: (79) r6 = *(u64 *)(r10 -32)
// CHECK-RV64-NEXT: 26: (79) r7 = *(u64 *)(r10 -24)
// CHECK-RV64-NEXT: 27: (79) r8 = *(u64 *)(r10 -16)
// CHECK-RV64-NEXT: 28: (b7) r0 = 0
// CHECK-RV64-NEXT: 29: (95) exit
// CHECK-RV64-NEXT: 30: (b7) r0 = 0
// CHECK-RV64-NEXT: 31: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: 1 of 1 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 32+0, kernel 32+0
// KERNEL: bpf_loop_interaction: match (32 insns)

// STATS: bpf_loop_interaction,14,32,1,1,1,16+0,32+0
