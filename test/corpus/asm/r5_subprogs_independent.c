// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rules 1+4+5: each subprogram has its own lowest offset and its own
// contract: main uses -8, the callee -16 with data at -8; all go.
// expect: removed=2
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int sub(void)
{
	asm volatile (
	"*(u64 *)(r10 - 8) = r1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 = *(u64 *)(r10 - 8);"
	"r0 += r1;"
	"exit;" ::: "memory");
}

SEC("raw_tp") __attribute__((naked)) int r5_subprogs_independent(void)
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
