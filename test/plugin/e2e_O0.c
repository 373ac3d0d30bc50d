// REQUIRES: bpf-load
// At -O0 the fast register allocator keeps values in r0..r5 across the
// fastcalls too; the pairs sit below the allocator's slots, the kernel
// removes them, and the result equals the plain -O0 build.  (No -g: clang
// 19's -O0 BTF for raw_tp is rejected by the kernel, with or without us.)
// RUN: %bpfcc -O0 -mllvm -verify-machineinstrs -c %s -o %t.o
// RUN: %cc19 -O0 -c %s -o %t.plain.o
// RUN: %objdump %t.o | python3 %S/Inputs/check_pairs.py | FileCheck %s --check-prefix=OBJ
// RUN: python3 %S/Inputs/prog_run.py %t.o --cpu 1 --ctx 03000000000000000500000000000000 > %t.out
// RUN: FileCheck %s < %t.out
// RUN: python3 %S/Inputs/prog_run.py %t.plain.o --no-xlated --cpu 1 --ctx 03000000000000000500000000000000 > %t.plain
// RUN: grep -E '^(PROG|RETVAL)' %t.out | diff %t.plain -
#include "nocsr_test.h"

#define STEP(x, k) ((x) = (x) * 33 + bpf_get_smp_processor_id() + (k))

SEC("raw_tp")
int o0(__u64 *ctx)
{
	__u64 x = ctx[0], k = ctx[1];

	STEP(x, k); STEP(x, 1); STEP(x, k); STEP(x, 2);
	return x ^ k;
}
// OBJ-COUNT-4: o0: call 0x8 at {{[0-9]+}}: 1 pairs
// OBJ-NOT: BAD
// CHECK-LABEL: PROG o0
// CHECK-NOT: call bpf_get_smp_processor_id
// CHECK: RETVAL
