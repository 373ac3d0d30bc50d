// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 3: bpf_ktime_get_ns is not fastcall: the pairs stay.
// expect: removed=0
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r3_ktime_kept(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"*(u64 *)(r10 -8) = r1;"
	"call 5;"
	"r1 = *(u64 *)(r10 -8);"
	"r0 = 0;"
	"r0 += r1;"
	"exit;"
	::: "memory");
}
