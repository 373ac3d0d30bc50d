/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * clang 22's fastcall layout, reproduced in naked asm so that clang-19
 * builds it: each call's outermost pair at the top of the area (r10-8), a
 * call with k pairs at r10-8k..r10-8.  two_sites has calls with 2 and 1
 * pairs: the kernel matches neither.  already_wide is the same code in the
 * function-wide layout (every innermost pair at r10-16).  no_pairs has no
 * fastcall pairs at all.  Each returns ctx[0] + 7.  SECTION is the
 * programs' section (raw_tp unless defined).
 */
#include "nocsr_test.h"

#ifndef SECTION
#define SECTION "raw_tp"
#endif

/* Both layouts agree on the 2-pair call: r1 (ctx[0]) and r2 (7) live. */
#define FIRST_CALL			\
	"r1 = *(u64 *)(r1 + 0);"	\
	"r2 = 7;"			\
	"*(u64 *)(r10 - 8) = r2;"	\
	"*(u64 *)(r10 - 16) = r1;"	\
	"call 8;"			\
	"r1 = *(u64 *)(r10 - 16);"	\
	"r2 = *(u64 *)(r10 - 8);"	\
	"r1 += r2;"

SEC(SECTION) __attribute__((naked)) int two_sites(void)
{
	asm volatile (
	FIRST_CALL
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = r1;"
	"exit;" ::: "memory");
}

SEC(SECTION) __attribute__((naked)) int already_wide(void)
{
	asm volatile (
	FIRST_CALL
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 = r1;"
	"exit;" ::: "memory");
}

SEC(SECTION) __attribute__((naked)) int no_pairs(void)
{
	asm volatile (
	"r0 = *(u64 *)(r1 + 0);"
	"r0 += 7;"
	"exit;" ::: "memory");
}
