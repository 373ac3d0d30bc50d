// Every -mcpu: machine verifier clean, the kernel's layout kept, and the
// same number of pairs (sub-registers count: v3/v4 keep values in w regs).
// RUN: %bpfcc -O2 -mcpu=v1 -mllvm -verify-machineinstrs -c %s -o %t1.o
// RUN: %objdump %t1.o | python3 %S/Inputs/check_pairs.py | FileCheck %s
// RUN: %bpfcc -O2 -mcpu=v2 -mllvm -verify-machineinstrs -c %s -o %t2.o
// RUN: %objdump %t2.o | python3 %S/Inputs/check_pairs.py | FileCheck %s
// RUN: %bpfcc -O2 -mcpu=v3 -mllvm -verify-machineinstrs -c %s -o %t3.o
// RUN: %objdump %t3.o | python3 %S/Inputs/check_pairs.py | FileCheck %s
// RUN: %if bpf-cpu-v4 %{ %bpfcc -O2 -mcpu=v4 -mllvm -verify-machineinstrs -c %s -o %t4.o %}
// RUN: %if bpf-cpu-v4 %{ %objdump %t4.o | python3 %S/Inputs/check_pairs.py | FileCheck %s %}
#include "nocsr_test.h"

SEC("raw_tp")
int cpu(__u32 *ctx)
{
	__u32 a = ctx[0], b = ctx[1];

	return (bpf_get_smp_processor_id() + a) * b;
}
// CHECK: cpu: call 0x8 at {{[0-9]+}}: 2 pairs
// CHECK-NOT: BAD
