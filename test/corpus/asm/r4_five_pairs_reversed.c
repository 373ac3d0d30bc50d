// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 4: registers in any order, as long as each spill and its fill
// name the same one at the same slot.
// expect: removed=5
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r4_five_pairs_reversed(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"*(u64 *)(r10 -8) = r2;"
	"*(u64 *)(r10 -16) = r4;"
	"*(u64 *)(r10 -24) = r1;"
	"*(u64 *)(r10 -32) = r3;"
	"*(u64 *)(r10 -40) = r5;"
	"call 8;"
	"r5 = *(u64 *)(r10 -40);"
	"r3 = *(u64 *)(r10 -32);"
	"r1 = *(u64 *)(r10 -24);"
	"r4 = *(u64 *)(r10 -16);"
	"r2 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"r0 ^= r2;"
	"r0 += r3;"
	"r0 ^= r4;"
	"r0 += r5;"
	"exit;"
	::: "memory");
}
