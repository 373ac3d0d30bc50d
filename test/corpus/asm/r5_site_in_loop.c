// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rules 4+5: a site inside a bounded loop, stack data above it updated
// each round: the pair goes.
// expect: removed=1
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r5_site_in_loop(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"r7 = 0;"
	"*(u64 *)(r10 -8) = r7;"
	"r8 = 0;"
	"1:"
	"*(u64 *)(r10 -16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -16);"
	"r7 = *(u64 *)(r10 -8);"
	"r7 += r1;"
	"*(u64 *)(r10 -8) = r7;"
	"r8 += 1;"
	"if r8 < 4 goto 1b;"
	"r0 += r1;"
	"r0 ^= r7;"
	"exit;"
	::: "memory");
}
