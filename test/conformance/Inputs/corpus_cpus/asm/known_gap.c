// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// The reserved slot is read after the fill (rule 5): the kernel keeps the
// pair, so this expectation is wrong and the row must fail.
// expect: removed=1
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int known_gap(void)
{
	asm volatile (
	"r1 = *(u64 *)(r1 + 0);"
	"*(u64 *)(r10 -8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -8);"
	"r2 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"r0 ^= r2;"
	"exit;"
	::: "memory");
}
