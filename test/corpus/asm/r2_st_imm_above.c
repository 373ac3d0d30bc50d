// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rules 2+6: an ST-immediate store above the pattern (-8, pattern at
// -16): the pair goes and the stack shrinks to 8 bytes.
// expect: removed=1
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r2_st_imm_above(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"*(u64 *)(r10 -8) = 5;"
	"*(u64 *)(r10 -16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -16);"
	"r7 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"r0 ^= r7;"
	"exit;"
	::: "memory");
}
