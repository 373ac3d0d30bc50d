// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 2 (contract broken): the scan is syntactic: a spill at -16 on
// a branch never taken still sets lowest_off, so the pattern at -8 is
// none.
// expect: removed=0
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r2_dead_spill(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"r7 = 0;"
	"if r7 == 0 goto 1f;"
	"*(u64 *)(r10 -16) = r3;"
	"1:"
	"*(u64 *)(r10 -8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"exit;"
	::: "memory");
}
