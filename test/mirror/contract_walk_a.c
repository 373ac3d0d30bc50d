// Rule 5, the verification walk on several paths (each program checked
// against the running kernel): a fastcall pattern inside a bpf_loop
// callback that is not inlined (flags != 0); a violating read on a path the
// verifier never takes (dead, no violation); a stack pointer spilled and
// filled back before the violating read; a pattern inside a loop; a helper
// write whose size comes from a bounded register, above the reserved slots;
// a 32-bit compare.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int cb(void)
{
	asm volatile (
	"r2 = 1;"
	"*(u64 *)(r10 - 8) = r2;"
	"call 8;"
	"r2 = *(u64 *)(r10 - 8);"
	"r0 = 0;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int loop_cb_pattern(void)
{
	asm volatile (
	"r1 = 3;"
	"r2 = cb ll;"
	"r3 = 0;"
	"r4 = 1;"		/* flags != 0: not inlined */
	"call 181;"
	"r0 = 0;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int dead_violation(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r3 = 0;"
	"if r3 != 0 goto 1f;"
	"r0 = 0;"
	"exit;"
	"1: r2 = *(u64 *)(r10 - 8);"
	"r0 = r2;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int spilled_ptr(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r2 = r10;"
	"r2 += -16;"
	"*(u64 *)(r10 - 8) = r2;"
	"r3 = *(u64 *)(r10 - 8);"
	"r0 = *(u64 *)(r3 + 0);"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int loop_mg_pattern(void)
{
	asm volatile (
	"r6 = 0;"
	"1:"
	"r1 = r6;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r6 += 1;"
	"if r6 < 10 goto 1b;"
	"r0 = 0;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int helper_size_range(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"call 7;"
	"r2 = r0;"
	"r2 &= 7;"
	"r2 += 1;"
	"r1 = r10;"
	"r1 += -8;"
	"r3 = 0;"
	"call 113;"
	"r0 = 0;"
	"exit;" ::: "memory");
}
SEC("raw_tp") __attribute__((naked)) int jmp32_refine(void)
{
	asm volatile (
	"call 7;"
	"r1 = 1;"
	"if w0 > 4 goto 1f;"
	"r1 = 2;"
	"1:"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = r1;"
	"exit;" ::: "memory");
}

// CHECK-X86:      loop_cb_pattern:
// CHECK-X86-NEXT: 0: (b7) r1 = 3
// CHECK-X86-NEXT: 1: (18) r2 = subprog[+6]
// CHECK-X86-NEXT: 3: (b7) r3 = 0
// CHECK-X86-NEXT: 4: (b7) r4 = 1
// CHECK-X86-NEXT: 5: (85) call bpf_loop#181
// CHECK-X86-NEXT: 6: (b7) r0 = 0
// CHECK-X86-NEXT: 7: (95) exit
// CHECK-X86-NEXT: 8: (b7) r2 = 1
// CHECK-X86-NEXT: 9: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 10: (bf) r0 = r0
// CHECK-X86-NEXT: 11: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 12: (b7) r0 = 0
// CHECK-X86-NEXT: 13: (95) exit
// CHECK-X86-NEXT: dead_violation:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 2: (bf) r0 = r0
// CHECK-X86-NEXT: 3: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 4: (b7) r3 = 0
// CHECK-X86-NEXT: 5: (b7) r0 = 0
// CHECK-X86-NEXT: 6: (95) exit
// CHECK-X86-NEXT: spilled_ptr:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-X86-NEXT: 2: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 3: (bf) r0 = r0
// CHECK-X86-NEXT: 4: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 5: (79) r1 = *(u64 *)(r10 -16)
// CHECK-X86-NEXT: 6: (bf) r2 = r10
// CHECK-X86-NEXT: 7: (07) r2 += -16
// CHECK-X86-NEXT: 8: (7b) *(u64 *)(r10 -8) = r2
// CHECK-X86-NEXT: 9: (79) r3 = *(u64 *)(r10 -8)
// CHECK-X86-NEXT: 10: (79) r0 = *(u64 *)(r3 +0)
// CHECK-X86-NEXT: 11: (95) exit
// CHECK-X86-NEXT: loop_mg_pattern:
// CHECK-X86-NEXT: 0: (b7) r6 = 0
// CHECK-X86-NEXT: 1: (bf) r1 = r6
// CHECK-X86-NEXT: 2: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 3: (bf) r0 = r0
// CHECK-X86-NEXT: 4: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 5: (07) r6 += 1
// CHECK-X86-NEXT: 6: (a5) if r6 < 0xa goto pc-6
// CHECK-X86-NEXT: 7: (b7) r0 = 0
// CHECK-X86-NEXT: 8: (95) exit
// CHECK-X86-NEXT: helper_size_range:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 2: (bf) r0 = r0
// CHECK-X86-NEXT: 3: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 4: (85) call bpf_get_prandom_u32#7
// CHECK-X86-NEXT: 5: (bf) r2 = r0
// CHECK-X86-NEXT: 6: (57) r2 &= 7
// CHECK-X86-NEXT: 7: (07) r2 += 1
// CHECK-X86-NEXT: 8: (bf) r1 = r10
// CHECK-X86-NEXT: 9: (07) r1 += -8
// CHECK-X86-NEXT: 10: (b7) r3 = 0
// CHECK-X86-NEXT: 11: (85) call bpf_probe_read_kernel#113
// CHECK-X86-NEXT: 12: (b7) r0 = 0
// CHECK-X86-NEXT: 13: (95) exit
// CHECK-X86-NEXT: jmp32_refine:
// CHECK-X86-NEXT: 0: (85) call bpf_get_prandom_u32#7
// CHECK-X86-NEXT: 1: (b7) r1 = 1
// CHECK-X86-NEXT: 2: (26) if w0 > 0x4 goto pc+1
// CHECK-X86-NEXT: 3: (b7) r1 = 2
// CHECK-X86-NEXT: 4: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 5: (bf) r0 = r0
// CHECK-X86-NEXT: 6: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 7: (bf) r0 = r1
// CHECK-X86-NEXT: 8: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      loop_cb_pattern:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 3
// CHECK-ARM64-NEXT: 1: (18) r2 = subprog[+6]
// CHECK-ARM64-NEXT: 3: (b7) r3 = 0
// CHECK-ARM64-NEXT: 4: (b7) r4 = 1
// CHECK-ARM64-NEXT: 5: (85) call bpf_loop#181
// CHECK-ARM64-NEXT: 6: (b7) r0 = 0
// CHECK-ARM64-NEXT: 7: (95) exit
// CHECK-ARM64-NEXT: 8: (b7) r2 = 1
// CHECK-ARM64-NEXT: 9: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 10: (b7) r0 = 0
// CHECK-ARM64-NEXT: 11: (95) exit
// CHECK-ARM64-NEXT: dead_violation:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 2: (b7) r3 = 0
// CHECK-ARM64-NEXT: 3: (b7) r0 = 0
// CHECK-ARM64-NEXT: 4: (95) exit
// CHECK-ARM64-NEXT: spilled_ptr:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-ARM64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 3: (79) r1 = *(u64 *)(r10 -16)
// CHECK-ARM64-NEXT: 4: (bf) r2 = r10
// CHECK-ARM64-NEXT: 5: (07) r2 += -16
// CHECK-ARM64-NEXT: 6: (7b) *(u64 *)(r10 -8) = r2
// CHECK-ARM64-NEXT: 7: (79) r3 = *(u64 *)(r10 -8)
// CHECK-ARM64-NEXT: 8: (79) r0 = *(u64 *)(r3 +0)
// CHECK-ARM64-NEXT: 9: (95) exit
// CHECK-ARM64-NEXT: loop_mg_pattern:
// CHECK-ARM64-NEXT: 0: (b7) r6 = 0
// CHECK-ARM64-NEXT: 1: (bf) r1 = r6
// CHECK-ARM64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 3: (07) r6 += 1
// CHECK-ARM64-NEXT: 4: (a5) if r6 < 0xa goto pc-4
// CHECK-ARM64-NEXT: 5: (b7) r0 = 0
// CHECK-ARM64-NEXT: 6: (95) exit
// CHECK-ARM64-NEXT: helper_size_range:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 2: (85) call bpf_get_prandom_u32#7
// CHECK-ARM64-NEXT: 3: (bf) r2 = r0
// CHECK-ARM64-NEXT: 4: (57) r2 &= 7
// CHECK-ARM64-NEXT: 5: (07) r2 += 1
// CHECK-ARM64-NEXT: 6: (bf) r1 = r10
// CHECK-ARM64-NEXT: 7: (07) r1 += -8
// CHECK-ARM64-NEXT: 8: (b7) r3 = 0
// CHECK-ARM64-NEXT: 9: (85) call bpf_probe_read_kernel#113
// CHECK-ARM64-NEXT: 10: (b7) r0 = 0
// CHECK-ARM64-NEXT: 11: (95) exit
// CHECK-ARM64-NEXT: jmp32_refine:
// CHECK-ARM64-NEXT: 0: (85) call bpf_get_prandom_u32#7
// CHECK-ARM64-NEXT: 1: (b7) r1 = 1
// CHECK-ARM64-NEXT: 2: (26) if w0 > 0x4 goto pc+1
// CHECK-ARM64-NEXT: 3: (b7) r1 = 2
// CHECK-ARM64-NEXT: 4: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 5: (bf) r0 = r1
// CHECK-ARM64-NEXT: 6: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      loop_cb_pattern:
// CHECK-RV64-NEXT: 0: (b7) r1 = 3
// CHECK-RV64-NEXT: 1: (18) r2 = subprog[+6]
// CHECK-RV64-NEXT: 3: (b7) r3 = 0
// CHECK-RV64-NEXT: 4: (b7) r4 = 1
// CHECK-RV64-NEXT: 5: (85) call bpf_loop#181
// CHECK-RV64-NEXT: 6: (b7) r0 = 0
// CHECK-RV64-NEXT: 7: (95) exit
// CHECK-RV64-NEXT: 8: (b7) r2 = 1
// CHECK-RV64-NEXT: 9: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 10: (b7) r0 = 0
// CHECK-RV64-NEXT: 11: (95) exit
// CHECK-RV64-NEXT: dead_violation:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 2: (b7) r3 = 0
// CHECK-RV64-NEXT: 3: (b7) r0 = 0
// CHECK-RV64-NEXT: 4: (95) exit
// CHECK-RV64-NEXT: spilled_ptr:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-RV64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 3: (79) r1 = *(u64 *)(r10 -16)
// CHECK-RV64-NEXT: 4: (bf) r2 = r10
// CHECK-RV64-NEXT: 5: (07) r2 += -16
// CHECK-RV64-NEXT: 6: (7b) *(u64 *)(r10 -8) = r2
// CHECK-RV64-NEXT: 7: (79) r3 = *(u64 *)(r10 -8)
// CHECK-RV64-NEXT: 8: (79) r0 = *(u64 *)(r3 +0)
// CHECK-RV64-NEXT: 9: (95) exit
// CHECK-RV64-NEXT: loop_mg_pattern:
// CHECK-RV64-NEXT: 0: (b7) r6 = 0
// CHECK-RV64-NEXT: 1: (bf) r1 = r6
// CHECK-RV64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 3: (07) r6 += 1
// CHECK-RV64-NEXT: 4: (a5) if r6 < 0xa goto pc-4
// CHECK-RV64-NEXT: 5: (b7) r0 = 0
// CHECK-RV64-NEXT: 6: (95) exit
// CHECK-RV64-NEXT: helper_size_range:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 2: (85) call bpf_get_prandom_u32#7
// CHECK-RV64-NEXT: 3: (bf) r2 = r0
// CHECK-RV64-NEXT: 4: (57) r2 &= 7
// CHECK-RV64-NEXT: 5: (07) r2 += 1
// CHECK-RV64-NEXT: 6: (bf) r1 = r10
// CHECK-RV64-NEXT: 7: (07) r1 += -8
// CHECK-RV64-NEXT: 8: (b7) r3 = 0
// CHECK-RV64-NEXT: 9: (85) call bpf_probe_read_kernel#113
// CHECK-RV64-NEXT: 10: (b7) r0 = 0
// CHECK-RV64-NEXT: 11: (95) exit
// CHECK-RV64-NEXT: jmp32_refine:
// CHECK-RV64-NEXT: 0: (85) call bpf_get_prandom_u32#7
// CHECK-RV64-NEXT: 1: (b7) r1 = 1
// CHECK-RV64-NEXT: 2: (26) if w0 > 0x4 goto pc+1
// CHECK-RV64-NEXT: 3: (b7) r1 = 2
// CHECK-RV64-NEXT: 4: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 5: (bf) r0 = r1
// CHECK-RV64-NEXT: 6: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: spilled_ptr: insn 2: bpf_get_smp_processor_id: not rewritten: insn 8 reads fp-16 through r3: stack contract broken, subprogram 0 keeps all pairs [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY: 5 of 6 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 0, kernel 0
// KERNEL: jmp32_refine: match (9 insns)
