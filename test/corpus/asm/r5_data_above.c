// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 5: ordinary stack data above the pattern (read and written
// around the call) keeps the contract; the stack shrinks to 16.
// expect: removed=2
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r5_data_above(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"*(u64 *)(r10 -8) = r3;"
	"*(u64 *)(r10 -16) = r4;"
	"*(u64 *)(r10 -24) = r2;"
	"*(u64 *)(r10 -32) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -32);"
	"r2 = *(u64 *)(r10 -24);"
	"r3 = *(u64 *)(r10 -8);"
	"r4 = *(u64 *)(r10 -16);"
	"r0 += r1;"
	"r0 ^= r2;"
	"r0 += r3;"
	"r0 ^= r4;"
	"exit;"
	::: "memory");
}
