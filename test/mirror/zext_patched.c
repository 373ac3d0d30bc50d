// Slots an earlier pass patched in get their zero extension on riscv64
// whenever they define a 32-bit value, read or not (adjust_insn_aux_data()
// sets zext_dst from insn_has_def32): here the program's first
// instruction, which do_misc_fixups re-emits after the may_goto counter's
// initialisation, while the same unread 32-bit definition later on, left
// as written, gets none.  The extension pass runs after the may_goto
// expansion, whose jumps step over the new slot.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=RV64
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.12 | FileCheck %s --check-prefix=ARM64
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
SEC("raw_tp") __attribute__((naked)) int zext_patched(void)
{
	asm volatile (
	"w2 = 1;"			/* kept inside a patch: zext */
	"w3 = 1;"			/* as written, never read: none */
	".8byte 0x00000000000100e5;"	/* may_goto +1 */
	"w2 = 2;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// RV64:      zext_patched:
// RV64-NEXT: 0: (7a) *(u64 *)(r10 -8) = 8388608
// RV64-NEXT: 1: (b4) w2 = 1
// RV64-NEXT: 2: (bc) w2 = w2
// RV64-NEXT: 3: (b4) w3 = 1
// RV64-NEXT: 4: (79) r11 = *(u64 *)(r10 -8)
// RV64-NEXT: 5: (15) if r11 == 0x0 goto pc+3
// RV64-NEXT: 6: (17) r11 -= 1
// RV64-NEXT: 7: (7b) *(u64 *)(r10 -8) = r11
// RV64-NEXT: 8: (b4) w2 = 2
// RV64-NEXT: 9: (b7) r0 = 0
// RV64-NEXT: 10: (95) exit
// RV64-NOT:  {{.}}

// ARM64:      zext_patched:
// ARM64-NEXT: 0: (7a) *(u64 *)(r10 -8) = 8388608
// ARM64-NEXT: 1: (b4) w2 = 1
// ARM64-NEXT: 2: (b4) w3 = 1

// KERNEL: zext_patched: match
