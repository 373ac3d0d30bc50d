// -g changes no instruction (debug values do not count as uses), the BTF
// is valid for bpftool, the DWARF passes llvm-dwarfdump --verify, and line
// info still covers the call.
// RUN: %bpfcc -O2 -g -mllvm -verify-machineinstrs -c %s -o %t.g.o
// RUN: %bpfcc -O2 -c %s -o %t.o
// RUN: %objdump %t.o | tail -n +3 > %t.dis
// RUN: %objdump %t.g.o | tail -n +3 | diff %t.dis -
// RUN: %objdump %t.g.o | FileCheck %s
// RUN: bpftool btf dump file %t.g.o | FileCheck %s --check-prefix=BTF
// RUN: llvm-dwarfdump --verify %t.g.o | FileCheck %s --check-prefix=DWARF
#include "nocsr_test.h"

__attribute__((noinline)) static int sub(__u64 a, __u64 b)
{
	__u64 x = bpf_get_smp_processor_id();

	return x * a + b;
}

SEC("raw_tp")
int dbg(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];

	return sub(a, b) + bpf_get_smp_processor_id() * a;
}
// CHECK-LABEL: <sub>:
// CHECK: *(u64 *)(r10 - 0x10) = r2
// CHECK-NEXT: call 0x8
// CHECK-LABEL: <dbg>:
// CHECK: *(u64 *)(r10 - 0x8) = r{{[0-5]}}
// CHECK-NEXT: call 0x8
// BTF-DAG: FUNC 'dbg' type_id={{[0-9]+}} linkage=global
// BTF-DAG: FUNC 'sub' type_id={{[0-9]+}} linkage=static
// DWARF: No errors.
