// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 4: partial pattern: the inner pair (r1) goes, the outer one
// saves r0, which the helper returns, so it stays.
// expect: removed=1
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r4_partial_r0_inner(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"r0 = 7;"
	"*(u64 *)(r10 -8) = r0;"
	"*(u64 *)(r10 -16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -16);"
	"r0 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"exit;"
	::: "memory");
}
