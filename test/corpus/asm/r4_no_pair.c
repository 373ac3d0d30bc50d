// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 4: a fastcall call with nothing live in r1..r5 has no bracket:
// the site has no pattern and the stack is untouched.
// expect: removed=0
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r4_no_pair(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"r7 = r1;"
	"call 8;"
	"r0 += r7;"
	"exit;"
	::: "memory");
}
