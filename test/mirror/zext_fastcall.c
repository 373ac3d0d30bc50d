// Zero extension and fastcall.  The verifier marks zero extensions while
// it walks the program as written, so a fastcall spill of a 32-bit value
// (an 8-byte store: a 64-bit read) gives that definition its `wX = wX` on
// riscv64 even though remove_fastcall_spills_fills() then deletes the
// pair.  The extension pass runs last (after removal, stack depth,
// do_misc_fixups), so the reduced depth is unchanged and jumps over the
// removed pair and the new extension land where the kernel's do.  Where
// the pairs stay (a socket filter's bpf_get_smp_processor_id is not
// fastcall) the same extension comes before the kept spill.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=RV64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 7.3 | FileCheck %s --check-prefix=RV64
// RUN: %nocsr stats %t.o --arch riscv64 --kernel 6.18 --csv | FileCheck %s --check-prefix=STATS
// RUN: %nocsr check %t.o --prog zext_pair_removed --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=ARM64
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int zext_pair_removed(void)
{
	asm volatile (
	"r6 = *(u64 *)(r1 + 0);"
	"w1 = w6;"
	"if w6 > 5 goto 1f;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"1:"
	"w0 = w1;"
	"exit;" ::: "memory");
}

SEC("socket") __attribute__((naked)) int zext_pair_kept(void)
{
	asm volatile (
	"r6 = *(u32 *)(r1 + 0);"	/* skb->len, converted: a patch */
	"w1 = w6;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"w0 = w1;"
	"exit;" ::: "memory");
}

// RV64:      zext_pair_removed:
// RV64-NEXT: 0: (79) r6 = *(u64 *)(r1 +0)
// RV64-NEXT: 1: (bc) w1 = w6
// RV64-NEXT: 2: (bc) w1 = w1
// RV64-NEXT: 3: (26) if w6 > 0x5 goto pc+1
// RV64-NEXT: 4: (85) call bpf_get_smp_processor_id#8
// RV64-NEXT: 5: (bc) w0 = w1
// RV64-NEXT: 6: (bc) w0 = w0
// RV64-NEXT: 7: (95) exit
// RV64-NEXT: zext_pair_kept:
// RV64-NEXT: 0: (61) r6 = *(u32 *)(r1 +{{.*}})
// RV64-NEXT: 1: (bc) w6 = w6
// RV64-NEXT: 2: (bc) w1 = w6
// RV64-NEXT: 3: (bc) w1 = w1
// RV64-NEXT: 4: (7b) *(u64 *)(r10 -8) = r1
// RV64-NEXT: 5: (85) call bpf_get_smp_processor_id#8
// RV64-NEXT: 6: (79) r1 = *(u64 *)(r10 -8)
// RV64-NEXT: 7: (bc) w0 = w1
// RV64-NEXT: 8: (bc) w0 = w0
// RV64-NEXT: 9: (95) exit
// RV64-NOT:  {{.}}

// STATS: zext_pair_removed,8,8,1,1,1,8,0
// STATS: zext_pair_kept,7,10,1,1,0,8,8

// WHY: 1 of 1 fastcall sites rewritten (riscv64, 6.18)

// ARM64:      zext_pair_removed:
// ARM64-NEXT: 0: (79) r6 = *(u64 *)(r1 +0)
// ARM64-NEXT: 1: (bc) w1 = w6
// ARM64-NEXT: 2: (26) if w6 > 0x5 goto pc+1
// ARM64-NEXT: 3: (85) call bpf_get_smp_processor_id#8
// ARM64-NEXT: 4: (bc) w0 = w1
// ARM64-NEXT: 5: (95) exit

// KERNEL: zext_pair_removed: match
// KERNEL: zext_pair_kept: match
