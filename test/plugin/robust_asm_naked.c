// Inline asm and a naked function next to marked calls: the asm operands
// and clobbers are respected (a value the asm clobbers is not kept in that
// register across the call), the naked function is emitted exactly as
// without the plugin, and the result runs the same as compiled and as the
// kernel would rewrite it.
// RUN: %bpfcc -O2 -g -mllvm -verify-machineinstrs -c %s -o %t.o
// RUN: %cc19 -O2 -g -c %s -o %t.plain.o
// RUN: %objdump --section=naked %t.o | tail -n +4 > %t.naked
// RUN: %objdump --section=naked %t.plain.o | tail -n +4 | diff - %t.naked
// RUN: %objdump %t.o | FileCheck %s
// RUN: %build/bin/nocsr-run %t.o --cpu 3 | FileCheck %s --check-prefix=RUNX
#include "nocsr_test.h"

SEC("raw_tp") int mixed(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], r;

	asm volatile("%0 = %1; %0 += 1" : "=r"(r) : "r"(a));
	r += bpf_get_smp_processor_id() * b;
	/* r1-r5 clobbered right after the marked call */
	asm volatile("r1 = 0; r2 = 0; r3 = 0; r4 = 0; r5 = 0" ::: "r1", "r2", "r3", "r4", "r5");
	r += bpf_get_smp_processor_id() + b;
	return r;
}

SEC("naked") __attribute__((naked)) int naked_call(void)
{
	asm volatile(
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = r1;"
	"exit;" ::: "memory");
}

// CHECK-LABEL: <mixed>:
// CHECK: *(u64 *)(r10 - 0x8) = r2
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r2 = *(u64 *)(r10 - 0x8)
// CHECK: r1 = 0x0
// CHECK-NEXT: r2 = 0x0
// CHECK-NEXT: r3 = 0x0
// CHECK-NEXT: r4 = 0x0
// CHECK-NEXT: r5 = 0x0
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r0 += r6
// RUNX: mixed: same over
// RUNX: naked_call: same over
