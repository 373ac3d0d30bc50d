// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 5: a variable-offset read entirely above the reserved slot
// (-16..-8, pattern at -24) keeps the contract: the pair goes.
// expect: removed=1
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r5_var_off_above(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"r9 = r2;"
	"*(u64 *)(r10 -8) = r3;"
	"*(u64 *)(r10 -16) = r3;"
	"*(u64 *)(r10 -24) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -24);"
	"r7 = r9;"
	"r7 &= 8;"
	"r8 = r10;"
	"r8 += -16;"
	"r8 += r7;"
	"r7 = *(u64 *)(r8 +0);"
	"r0 += r1;"
	"r0 ^= r7;"
	"exit;"
	::: "memory");
}
