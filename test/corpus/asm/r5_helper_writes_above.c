// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 5: bpf_probe_read_kernel writing above the reserved slot keeps
// the contract.
// expect: removed=1
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int r5_helper_writes_above(void)
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
	"r7 = r1;"
	"r1 = r10;"
	"r1 += -8;"
	"r2 = 8;"
	"r3 = r6;"
	"call 113;"
	"r1 = r7;"
	"r7 = *(u64 *)(r10 -8);"
	"r0 += r1;"
	"r0 ^= r7;"
	"exit;"
	::: "memory");
}
