// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 5 gap (6.12-6.18): a callee reading its caller's reserved slot
// at a fixed offset is not checked: the pair goes.  The value read is
// dropped.
// expect: removed=1
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int reader(void)
{
	asm volatile (
	"r0 = *(u64 *)(r1 + 0);"
	"exit;" ::: "memory");
}

SEC("raw_tp") __attribute__((naked)) int r5_gap_callee_read(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"*(u64 *)(r10 -8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -8);"
	"r7 = r1;"
	"r1 = r10;"
	"r1 += -8;"
	"call reader;"
	"r0 = 0;"
	"r1 = r7;"
	"r0 += r1;"
	"exit;"
	::: "memory");
}
