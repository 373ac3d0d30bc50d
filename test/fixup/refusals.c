// Refusals: exit 1, one "refused: why" line for the function, nothing
// written (no -o file, and an in-place run leaves the object as it was).
// Each variant is clang 22's 2+1-pair layout plus one thing fixup cannot
// prove safe or does not understand.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc19 -O2 -DREAD_SLOT -c %s -o %t/read_slot.o
// RUN: %cc19 -O2 -DST_IMM -c %s -o %t/st_imm.o
// RUN: %cc19 -O2 -DHELPER_READ -c %s -o %t/helper_read.o
// RUN: %cc19 -O2 -DCALLEE_READ -c %s -o %t/callee_read.o
// RUN: %cc19 -O2 -DMIXED_LAYOUT -c %s -o %t/mixed.o
// RUN: %cc19 -O2 -DGAP -c %s -o %t/gap.o
// RUN: %cc19 -O2 -DJOINED_PTR -c %s -o %t/joined_ptr.o
// RUN: %cc19 -O2 -DLOST_PTR -c %s -o %t/lost_ptr.o
//
// RUN: not %nocsr fixup %t/read_slot.o -o %t/out.o | FileCheck %s --check-prefix=READ_SLOT
// RUN: not %nocsr fixup %t/st_imm.o -o %t/out.o | FileCheck %s --check-prefix=ST_IMM
// RUN: not %nocsr fixup %t/helper_read.o -o %t/out.o | FileCheck %s --check-prefix=HELPER_READ
// RUN: not %nocsr fixup %t/callee_read.o -o %t/out.o | FileCheck %s --check-prefix=CALLEE_READ
// RUN: not %nocsr fixup %t/mixed.o -o %t/out.o | FileCheck %s --check-prefix=MIXED
// RUN: not %nocsr fixup %t/gap.o -o %t/out.o | FileCheck %s --check-prefix=GAP
// RUN: not %nocsr fixup %t/joined_ptr.o -o %t/out.o | FileCheck %s --check-prefix=JOINED_PTR
// RUN: not %nocsr fixup %t/lost_ptr.o -o %t/out.o | FileCheck %s --check-prefix=LOST_PTR
// RUN: not test -e %t/out.o
//
// The status is 1 exactly, --check refuses the same way, and an in-place
// run does not touch the file:
// RUN: sh -c '%nocsr fixup %t/read_slot.o > /dev/null; test $? -eq 1'
// RUN: sh -c '%nocsr fixup --check %t/helper_read.o > /dev/null; test $? -eq 1'
// RUN: cp %t/callee_read.o %t/in_place.o
// RUN: not %nocsr fixup %t/in_place.o > /dev/null
// RUN: cmp %t/callee_read.o %t/in_place.o
#include "nocsr_test.h"

#ifdef CALLEE_READ
/* reads its caller's slot through a pointer: the kernel (6.18) does not
 * check such a fixed-offset read against the caller's reserved area */
static __attribute__((naked, noinline, used)) int peek(void)
{
	asm volatile (
	"r0 = *(u64 *)(r1 + 0);"
	"exit;" ::: "memory");
}
#endif

SEC("raw_tp") __attribute__((naked)) int prog(void)
{
	asm volatile (
#if defined(JOINED_PTR) || defined(LOST_PTR)
	"r6 = r1;"
#endif
	"r1 = 1;"
	"r2 = 2;"
#ifdef GAP
	/* pairs at -8 and -24: not the contiguous layout */
	"*(u64 *)(r10 - 24) = r2;"
#else
	"*(u64 *)(r10 - 8) = r2;"
#endif
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
#ifdef GAP
	"r2 = *(u64 *)(r10 - 24);"
#else
	"r2 = *(u64 *)(r10 - 8);"
#endif
#ifdef GAP
	"*(u64 *)(r10 - 16) = r1;"
	"*(u64 *)(r10 - 8) = r2;"
#endif
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
#ifdef MIXED_LAYOUT
	/* a third call whose pair neither starts at -16 nor ends at -8 */
	"*(u64 *)(r10 - 24) = r1;"
	"*(u64 *)(r10 - 32) = r2;"
	"call 8;"
	"r2 = *(u64 *)(r10 - 32);"
	"r1 = *(u64 *)(r10 - 24);"
#endif
#ifdef READ_SLOT
	"r3 = *(u64 *)(r10 - 16);"
	"r1 += r3;"
#endif
#ifdef ST_IMM
	"*(u32 *)(r10 - 12) = 5;"
#endif
#ifdef HELPER_READ
	/* bpf_trace_printk reads its format from r10-16 */
	"r1 = r10;"
	"r1 += -16;"
	"r2 = 8;"
	"call 6;"
#endif
#ifdef CALLEE_READ
	"r1 = r10;"
	"r1 += -16;"
	"call peek;"
#endif
#ifdef JOINED_PTR
	/* r3 is r10-16 on one path and ctx on the other: the walk follows
	 * each path into the load before joining them */
	"call 7;"
	"r3 = r10;"
	"r3 += -16;"
	"if r0 > 5 goto +1;"
	"r3 = r6;"
	"r0 = *(u64 *)(r3 + 0);"
#endif
#ifdef LOST_PTR
	/* a stack pointer stored in memory no slot tracks: whoever loads it
	 * back could reach the fastcall slots unseen */
	"r3 = r10;"
	"r3 += -16;"
	"*(u64 *)(r6 + 0) = r3;"
#endif
	"r0 = 0;"
	"exit;" ::: "memory");
}

// READ_SLOT: prog: 2 sites, 3 pairs: refused: insn 10 reads fp-16 through r10, which may touch the fastcall slots r10-16..r10-1
// READ_SLOT-NEXT: read_slot.o: 1 function refused, nothing written
// ST_IMM: prog: 2 sites, 3 pairs: refused: insn 10 writes fp-12 through r10, which may touch the fastcall slots r10-16..r10-1
// HELPER_READ: prog: 2 sites, 3 pairs: refused: insn 13 reads fp-16 through r1 (passed to bpf_trace_printk), which may touch the fastcall slots r10-16..r10-1
// CALLEE_READ: prog: 2 sites, 3 pairs: refused: insn 15 reads fp-16 through r1 in the caller's frame, which may touch the fastcall slots r10-16..r10-1
// MIXED: prog: 3 sites, 5 pairs: refused: the pairs of its 3 calls share neither their innermost offset (function-wide layout) nor their outermost one (clang 20+)
// GAP: prog: 1 site, 1 pair: refused: call at insn 4 (bpf_get_smp_processor_id): pair 2 is not in the contiguous layout: pair 2 (insns 2/6) at -24, expected -8
// JOINED_PTR: prog: 2 sites, 3 pairs: refused: insn 16 reads fp-16 through r3, which may touch the fastcall slots r10-16..r10-1
// LOST_PTR: prog: 2 sites, 3 pairs: refused: a pointer into its stack is merged with other values or stored where the walk cannot follow it, which may touch the fastcall slots r10-16..r10-1
