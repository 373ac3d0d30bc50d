// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 8: one path enters the pattern at the call (its spill done on
// the other path first); 6.18 removes the pair.
// expect: removed=1
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r8_jump_to_call(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"r7 = 0;"
	"*(u64 *)(r10 -8) = r1;"
	"1:"
	"call 8;"
	"r1 = *(u64 *)(r10 -8);"
	"r7 += 1;"
	"if r7 < 2 goto 1b;"
	"r0 += r1;"
	"r0 ^= r7;"
	"exit;"
	::: "memory");
}
