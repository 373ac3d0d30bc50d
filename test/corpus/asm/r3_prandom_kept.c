// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 3: bpf_get_prandom_u32 is not fastcall: its bracket matches but
// stays, and the subprogram keeps its stack.  (Its value is dropped so
// the host run can be compared.)
// expect: removed=0
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r3_prandom_kept(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"*(u64 *)(r10 -8) = r2;"
	"*(u64 *)(r10 -16) = r1;"
	"call 7;"
	"r1 = *(u64 *)(r10 -16);"
	"r2 = *(u64 *)(r10 -8);"
	"r0 = 0;"
	"r0 += r1;"
	"r0 ^= r2;"
	"exit;"
	::: "memory");
}
