// REQUIRES: bpf-load
// Marking a helper the kernel does not treat as fastcall (prandom, id 7)
// is safe: the kernel keeps the pairs, so the values survive the real
// call, and the result equals the plain build.
// RUN: %bpfcc -O2 -c %s -o %t.o
// RUN: %cc19 -O2 -c %s -o %t.plain.o
// RUN: python3 %S/Inputs/prog_run.py %t.o --ctx 03000000000000000500000000000000 > %t.out
// RUN: FileCheck %s < %t.out
// RUN: python3 %S/Inputs/prog_run.py %t.plain.o --no-xlated --ctx 03000000000000000500000000000000 > %t.plain
// RUN: grep -E '^(PROG|RETVAL)' %t.out | diff %t.plain -
#include "nocsr_test.h"

static __bpf_fastcall __u32 (*const prandom)(void) = (void *)7;

SEC("raw_tp")
int keep(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];

	return (prandom() & 0) + a * b + a;
}
// CHECK-LABEL: PROG keep
// CHECK: (7b) *(u64 *)(r10 -8) = r1
// CHECK-NEXT: (85) call bpf_user_rnd_u32#{{[0-9]+}}
// CHECK-NEXT: (79) r1 = *(u64 *)(r10 -8)
// CHECK: RETVAL 18
