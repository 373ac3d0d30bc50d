// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 4: one site with one pair and one with two; both innermost
// pairs at the function-wide lowest offset (the plugin layout): all go.
// expect: removed=3
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r4_two_sites_plugin_layout(void)
{
	asm volatile (
	"r6 = r1;"
	"r1 = *(u64 *)(r6 + 0);"
	"r2 = *(u64 *)(r6 + 8);"
	"r3 = *(u64 *)(r6 + 16);"
	"r4 = *(u64 *)(r6 + 24);"
	"r5 = *(u64 *)(r6 + 32);"
	"r9 = r2;"
	"*(u64 *)(r10 -16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -16);"
	"r1 += r0;"
	"r2 = r9;"
	"*(u64 *)(r10 -8) = r2;"
	"*(u64 *)(r10 -16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 -16);"
	"r2 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"r0 ^= r2;"
	"exit;"
	::: "memory");
}
