// End to end: C compiled with the nocsr plugin keeps values in r1..r5
// across bpf_get_smp_processor_id, bracketed by spill/fill pairs.  As
// compiled (every call clobbers r0..r5) and as rewritten (pairs gone,
// the call clobbers r0 only) the program must compute the same.
// RUN: %bpfcc -O2 -g -c %s -o %t.o
// RUN: %build/bin/nocsr-run %t.o --cpu 2 | FileCheck %s
// RUN: %build/bin/nocsr-run %t.o --cpu 2 --arch x86_64 --seeds 8 | FileCheck %s
// RUN: %if bpf-load %{ %build/bin/nocsr-run %t.o --cpu 1 --host | FileCheck %s --check-prefix=HOST %}
#include "nocsr_test.h"

struct {
	__uint(type, 2 /* BPF_MAP_TYPE_ARRAY */);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} hist SEC(".maps");

SEC("raw_tp") int live_across(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];
	__u32 k;
	__u64 *v;
	int i;

	for (i = 0; i < 4; i++) {
		__u32 cpu = bpf_get_smp_processor_id();

		a += cpu * b;
		b ^= c + i;
		c = (c << 1) | (a & 1);
	}
	k = bpf_get_smp_processor_id() & 7;
	v = bpf_map_lookup_elem(&hist, &k);
	if (v)
		*v += a ^ b ^ c;
	return (__u32)(a + b + c);
}

// CHECK:      live_across: compiled  r0=[[R0:0x[0-9a-f]+]] mem=[[MEM:[0-9a-f]+]]
// CHECK-SAME: fastcalls=0
// CHECK-NEXT: live_across: rewritten r0=[[R0]] mem=[[MEM]]
// CHECK-SAME: fastcalls=5
// CHECK-NEXT: live_across: same over

// HOST:      live_across: host      r0={{.*}} maps same
// HOST-NEXT: live_across: same over 4 seeds and the host
