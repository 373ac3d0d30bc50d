// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 3: a bpf-to-bpf call never qualifies: its bracket stays.
// expect: removed=0
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int sub_add(void)
{
	asm volatile (
	"r0 = 3;"
	"exit;" ::: "memory");
}

SEC("raw_tp") __attribute__((naked)) int r3_bpf2bpf_call(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"*(u64 *)(r10 -8) = r1;"
	"call sub_add;"
	"r1 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"exit;"
	::: "memory");
}
