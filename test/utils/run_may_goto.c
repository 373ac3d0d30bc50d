// nocsr-run: xlated programs use the verifier's own encodings: the
// may_goto counter in BPF_REG_AX (r11) and, on x86_64 6.15+, a call to
// arch_bpf_timed_may_goto.  The loop ends on its own bound (10 rounds)
// long before may_goto would stop it.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %build/bin/nocsr-run %t.o --arch x86_64 --kernel 6.18 | FileCheck %s
// RUN: %build/bin/nocsr-run %t.o --arch x86_64 --kernel 6.12 | FileCheck %s
// RUN: %build/bin/nocsr-run %t.o --arch arm64 --kernel 6.18 | FileCheck %s
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int bounded(void)
{
	asm volatile (
	"r1 = 3;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 = 0;"
	"1:"
	".8byte 0x00000000000300e5;"	/* may_goto +3 */
	"r0 += r1;"
	"if r0 > 29 goto 2f;"
	"goto 1b;"
	"2:"
	"exit;" ::: "memory");
}

// CHECK:      bounded: compiled  r0=0x1e
// CHECK-NEXT: bounded: rewritten r0=0x1e {{.*}} fastcalls=1
// CHECK-NEXT: bounded: same over 4 seeds
