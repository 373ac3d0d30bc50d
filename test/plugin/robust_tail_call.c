// bpf_tail_call and calls in tail position next to a marked call: the
// pairs bracket the marked call only, the tail call keeps its ordinary
// clobbers, and the kernel loads the result and rewrites it as the
// mirror predicts.
// RUN: %bpfcc -O2 -g -mllvm -verify-machineinstrs -c %s -o %t.o
// RUN: %objdump %t.o | FileCheck %s
// RUN: %build/bin/nocsr-run %t.o --prog tail_pos --cpu 2 | FileCheck %s --check-prefix=RUNX
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

static long (*const bpf_tail_call)(void *ctx, void *map, __u32 index) = (void *)12;

struct {
	__uint(type, 3 /* BPF_MAP_TYPE_PROG_ARRAY */);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} jt SEC(".maps");

SEC("raw_tp") int tail(__u64 *ctx)
{
	__u64 a = ctx[0];
	__u32 cpu = bpf_get_smp_processor_id();

	bpf_tail_call(ctx, &jt, cpu & 3);
	return cpu + a;
}

static __attribute__((noinline)) __u64 callee(__u64 a)
{
	return bpf_get_smp_processor_id() + a;
}

SEC("raw_tp") int tail_pos(__u64 *ctx)
{
	return callee(ctx[0]);
}

// CHECK-LABEL: <callee>:
// CHECK-NEXT: *(u64 *)(r10 - 0x8) = r1
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r1 = *(u64 *)(r10 - 0x8)
// CHECK-LABEL: <tail>:
// CHECK: *(u64 *)(r10 - 0x8) = r1
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r1 = *(u64 *)(r10 - 0x8)
// CHECK: call 0xc
// RUNX: tail_pos: same over
// KERNEL: tail: match
// KERNEL: tail_pos: match
