/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A .text subprogram in clang 22's layout (a 1-pair call at r10-8, then a
 * 3-pair call at r10-24..r10-8), called by two programs: libbpf appends a
 * copy of it to each.  sub returns 2 * r1 + 3; p1 and p2 pass ctx[0].
 */
#include "nocsr_test.h"

static __attribute__((naked, noinline, used)) int sub(void)
{
	asm volatile (
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r2 = r1;"
	"r3 = 3;"
	"*(u64 *)(r10 - 8) = r3;"
	"*(u64 *)(r10 - 16) = r2;"
	"*(u64 *)(r10 - 24) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 24);"
	"r2 = *(u64 *)(r10 - 16);"
	"r3 = *(u64 *)(r10 - 8);"
	"r0 = r1;"
	"r0 += r2;"
	"r0 += r3;"
	"exit;" ::: "memory");
}

SEC("raw_tp") __attribute__((naked)) int p1(void)
{
	asm volatile (
	"r1 = *(u64 *)(r1 + 0);"
	"call sub;"
	"exit;" ::: "memory");
}

SEC("raw_tp") __attribute__((naked)) int p2(void)
{
	asm volatile (
	"r1 = *(u64 *)(r1 + 0);"
	"r1 += 0;"
	"call sub;"
	"exit;" ::: "memory");
}
