// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 5 (contract broken): a callee writes the caller's reserved slot
// through a pointer; charged to the caller's frame.
// expect: removed=0
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int writer(void)
{
	asm volatile (
	"r2 = 11;"
	"*(u64 *)(r1 + 0) = r2;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

SEC("raw_tp") __attribute__((naked)) int r5_callee_writes_slot(void)
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
	"call writer;"
	"r1 = r7;"
	"r7 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"r0 ^= r7;"
	"exit;"
	::: "memory");
}
