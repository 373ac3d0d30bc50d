// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 4: the second pair skips a slot (-8 instead of -16 next to the
// innermost at -24): the match stops after one pair.
// expect: removed=1
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r4_offset_step(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"*(u64 *)(r10 -8) = r2;"
	"*(u64 *)(r10 -24) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -24);"
	"r2 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"r0 ^= r2;"
	"exit;"
	::: "memory");
}
