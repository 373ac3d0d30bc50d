// nocsr-run: the verifier's division guards run in the xlated form (a zero
// divisor gives 0 for div and the dividend for mod, LLONG_MIN and INT_MIN
// divided by -1 stay themselves, mod -1 gives 0), and the per-CPU array
// lookup inline runs as the helper call it replaces on every arch (on
// riscv64 with the verifier's zero extension of its index load).
// RUN: %cc19 -O2 -mcpu=v4 -g -c %s -o %t.o
// RUN: %build/bin/nocsr-run %t.o --arch x86_64 --kernel 6.18 | FileCheck %s
// RUN: %build/bin/nocsr-run %t.o --arch arm64 --kernel 6.12 | FileCheck %s
// RUN: %build/bin/nocsr-run %t.o --arch riscv64 --kernel 7.3 | FileCheck %s
#include "nocsr_test.h"

struct {
	__uint(type, 6);	/* BPF_MAP_TYPE_PERCPU_ARRAY */
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} pcpu SEC(".maps");

SEC("raw_tp") __attribute__((naked)) int div_edges(void)
{
	asm volatile (
	"r6 = 0;"
	"r1 = 7;"
	"r2 = 0;"
	"r1 /= r2;"
	"r6 += r1;"
	"r1 = 7;"
	"r1 %%= r2;"
	"r6 += r1;"
	"w1 = 7;"
	"w1 %%= w2;"
	"r6 += r1;"
	"r1 = 0x8000000000000000 ll;"
	"r2 = -1;"
	"r1 s/= r2;"
	"r6 += r1;"
	"r1 = 0x8000000000000000 ll;"
	"r1 s%%= r2;"
	"r6 += r1;"
	"w1 = -2147483648;"
	"w1 s/= w2;"
	"r6 += r1;"
	"r0 = r6;"
	"exit;" ::: "memory");
}

SEC("raw_tp") int percpu_add(void *ctx)
{
	__u32 k = 1;
	__u64 *v = bpf_map_lookup_elem(&pcpu, &k);

	if (!v)
		return 0;
	*v += 5;
	return *v + 2;
}

// CHECK:      div_edges: compiled  r0=0x800000008000000e
// CHECK-NEXT: div_edges: rewritten r0=0x800000008000000e
// CHECK-NEXT: div_edges: same over 4 seeds
// CHECK:      percpu_add: compiled  r0=0x7
// CHECK-NEXT: percpu_add: rewritten r0=0x7
// CHECK-NEXT: percpu_add: same over 4 seeds
