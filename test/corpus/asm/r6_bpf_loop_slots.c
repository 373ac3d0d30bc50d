// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 6: bpf_loop (flags 0) is inlined after removal; its three
// slots sit just below the reduced depth.
// expect: removed=1
#include "nocsr_test.h"
static __attribute__((naked, noinline, used)) int loop_cb(void)
{
	asm volatile (
	"r0 = 0;"
	"exit;" ::: "memory");
}

SEC("raw_tp") __attribute__((naked)) int r6_bpf_loop_slots(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"*(u64 *)(r10 -16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -16);"
	"*(u64 *)(r10 -8) = r1;"
	"r1 = 3;"
	"r2 = loop_cb ll;"
	"r3 = 0;"
	"r4 = 0;"
	"call 181;"
	"r1 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"exit;"
	::: "memory");
}
