// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 3: a bracket around a helper taking arguments: its argument
// registers are in the clobber mask (bpf_trace_printk, not fastcall):
// the bracket of r4 matches and stays.
// expect: removed=0
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r3_void_arg_helper(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"r7 = 0x0a7825;"
	"*(u64 *)(r10 -8) = r7;"
	"r1 = r10;"
	"r1 += -8;"
	"r2 = 4;"
	"r3 = r6;"
	"*(u64 *)(r10 -16) = r4;"
	"call 6;"
	"r4 = *(u64 *)(r10 -16);"
	"r0 = 0;"
	"r0 += r4;"
	"exit;"
	::: "memory");
}
