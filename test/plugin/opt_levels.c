// Every -O level: machine verifier clean, and every call 0x8 keeps the
// kernel's layout (check_pairs.py).  From -O1 on, values live across the
// calls are paired; -O0 keeps them in allocas, so there is nothing to pair.
// RUN: %bpfcc -O0 -mllvm -verify-machineinstrs -c %s -o %t0.o
// RUN: %objdump %t0.o | python3 %S/Inputs/check_pairs.py | FileCheck %s --check-prefix=O0
// RUN: %bpfcc -O1 -mllvm -verify-machineinstrs -c %s -o %t1.o
// RUN: %objdump %t1.o | python3 %S/Inputs/check_pairs.py | FileCheck %s
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -c %s -o %t2.o
// RUN: %objdump %t2.o | python3 %S/Inputs/check_pairs.py | FileCheck %s
// RUN: %bpfcc -O3 -mllvm -verify-machineinstrs -c %s -o %t3.o
// RUN: %objdump %t3.o | python3 %S/Inputs/check_pairs.py | FileCheck %s
// RUN: %bpfcc -Os -mllvm -verify-machineinstrs -c %s -o %ts.o
// RUN: %objdump %ts.o | python3 %S/Inputs/check_pairs.py | FileCheck %s
// RUN: %bpfcc -Oz -mllvm -verify-machineinstrs -c %s -o %tz.o
// RUN: %objdump %tz.o | python3 %S/Inputs/check_pairs.py | FileCheck %s
#include "nocsr_test.h"

SEC("raw_tp")
int lv(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];
	__u64 x = bpf_get_smp_processor_id();

	x = x * a + b;
	x ^= bpf_get_smp_processor_id() + c;
	return x * a + b * c;
}
// O0: lv: call 0x8 at {{[0-9]+}}: 0 pairs
// O0: lv: call 0x8 at {{[0-9]+}}: 0 pairs
// CHECK: lv: call 0x8 at {{[0-9]+}}: {{[1-5]}} pairs
// CHECK: lv: call 0x8 at {{[0-9]+}}: {{[1-5]}} pairs
// CHECK-NOT: BAD
