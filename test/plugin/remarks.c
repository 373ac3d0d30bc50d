// -Rpass=nocsr reports each paired site (callee, registers, r10 offsets,
// innermost first); -Rpass-missed=nocsr each marked site left unpaired and
// why.  Marking a helper the kernel does not treat as fastcall is allowed
// and says the pairs will stay.
// RUN: %bpfcc -O2 -c %s -o %t.o -Rpass=nocsr 2>&1 | FileCheck %s --check-prefix=PASS
// RUN: %bpfcc -O2 -c %s -o %t.o -Rpass-missed=nocsr 2>&1 | FileCheck %s --check-prefix=MISS
// RUN: %bpfcc -O2 -c %s -o %t.o 2>&1 | count 0
#include "nocsr_test.h"

static __bpf_fastcall __u32 (*const prandom)(void) = (void *)7;

__attribute__((noinline)) static __bpf_fastcall int sub(int x)
{
	return x * 3;
}

SEC("raw_tp")
int rem(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];
	__u64 x = bpf_get_smp_processor_id() * a + b;

	x += prandom() + a;
	bpf_get_smp_processor_id();
	return sub(x) + a;
}
// PASS: remarks.c:21:12: remark: fastcall bpf_get_smp_processor_id#8: 1 pair: r2 at r10-8 [-Rpass=nocsr]
// PASS: remarks.c:23:7: remark: fastcall bpf_get_prandom_u32#7: 1 pair: r2 at r10-8 (not fastcall in the kernel: the pairs stay) [-Rpass=nocsr]
// PASS: remarks.c:24:2: remark: fastcall bpf_get_smp_processor_id#8: 1 pair: r1 at r10-8 [-Rpass=nocsr]
// PASS-NOT: remark
// MISS: remarks.c:25:9: remark: call to sub not paired: the callee is a BPF subprogram, and the kernel never rewrites bpf-to-bpf calls [-Rpass-missed=nocsr]
// MISS-NOT: remark
