// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rules 2+5 (contract broken): a store through a copy of r10 does not
// lower lowest_off but is still a stack access below the reserved end.
// expect: removed=0
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r2_r10_copy_below(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"r7 = r10;"
	"*(u64 *)(r7 -16) = r3;"
	"*(u64 *)(r10 -8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -8);"
	"r3 = *(u64 *)(r7 -16);"
	"r0 += r1;"
	"r0 ^= r3;"
	"exit;"
	::: "memory");
}
