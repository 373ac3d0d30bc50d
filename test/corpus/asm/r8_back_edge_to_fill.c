// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 8: a loop jumps back to the fill; 6.18 still removes the pair
// (7.3 would keep it).  r1 is not changed in the loop, so the fill is a
// no-op either way.
// expect: removed=1
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r8_back_edge_to_fill(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"r7 = 0;"
	"r8 = 0;"
	"*(u64 *)(r10 -8) = r1;"
	"call 8;"
	"1:"
	"r1 = *(u64 *)(r10 -8);"
	"r7 += r1;"
	"r8 += 1;"
	"if r8 < 3 goto 1b;"
	"r0 += r1;"
	"r0 ^= r7;"
	"exit;"
	::: "memory");
}
