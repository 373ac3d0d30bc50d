// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 4: a sixth bracket saving r0 (the return register) ends the
// match: five pairs go, the r0 pair stays.
// expect: removed=5
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r4_r0_outermost(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"r0 = 77;"
	"*(u64 *)(r10 -8) = r0;"
	"*(u64 *)(r10 -16) = r5;"
	"*(u64 *)(r10 -24) = r4;"
	"*(u64 *)(r10 -32) = r3;"
	"*(u64 *)(r10 -40) = r2;"
	"*(u64 *)(r10 -48) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -48);"
	"r2 = *(u64 *)(r10 -40);"
	"r3 = *(u64 *)(r10 -32);"
	"r4 = *(u64 *)(r10 -24);"
	"r5 = *(u64 *)(r10 -16);"
	"r0 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"r0 ^= r2;"
	"r0 += r3;"
	"r0 ^= r4;"
	"r0 += r5;"
	"exit;"
	::: "memory");
}
