// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
// Rule 5 gap (6.12-6.18): a helper reading the reserved slot (the key
// of bpf_map_lookup_elem) is not checked: the pair goes.  The lookup
// result is dropped, so the removed spill cannot change the result.
// expect: removed=1
#include "nocsr_test.h"
struct {
	__uint(type, 1);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} m SEC(".maps");

SEC("raw_tp") __attribute__((naked)) int r5_gap_helper_read(void)
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
	"r2 = r10;"
	"r2 += -8;"
	"r1 = m ll;"
	"call 1;"
	"r0 = 0;"
	"r1 = r7;"
	"r0 += r1;"
	"exit;"
	::: "memory");
}
