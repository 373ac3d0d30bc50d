// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 5: the callee breaks its own contract (reads its reserved slot)
// and keeps its pair; main is unaffected and loses its own.
// expect: removed=1
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int sub(void)
{
	asm volatile (
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = *(u64 *)(r10 - 8);"
	"exit;" ::: "memory");
}

SEC("raw_tp") __attribute__((naked)) int r5_one_subprog_broken(void)
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
	"call sub;"
	"r1 = r7;"
	"r0 += r1;"
	"exit;"
	::: "memory");
}
