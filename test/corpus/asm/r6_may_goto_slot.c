// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 6: the may_goto counter is allocated below the reduced depth.
// expect: removed=1
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r6_may_goto_slot(void)
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
	"call 8;"
	"r1 = *(u64 *)(r10 -16);"
	"r7 = 0;"
	"1:"
	".8byte 0x00000000000200e5;"
	"r7 += 1;"
	"if r7 < 3 goto 1b;"
	"r2 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"r0 ^= r2;"
	"r0 += r7;"
	"exit;"
	::: "memory");
}
