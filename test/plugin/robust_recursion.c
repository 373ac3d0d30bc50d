// A marked call inside directly and mutually recursive functions compiles
// with the machine verifier on, with pairs around the call; the kernel
// rejects recursion, and so does the mirror (exit 2), for both programs.
// RUN: %bpfcc -O2 -g -mllvm -verify-machineinstrs -Rpass=nocsr -Rpass-missed=nocsr -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %objdump %t.o | FileCheck %s
// RUN: not %nocsr xlated %t.o --prog self 2>&1 | FileCheck %s --check-prefix=MIRROR
// RUN: not %nocsr xlated %t.o --prog mutual 2>&1 | FileCheck %s --check-prefix=MIRROR
#include "nocsr_test.h"

static __attribute__((noinline)) __u64 down(__u64 n, __u64 acc)
{
	if (!n)
		return acc;
	/* two calls: not turned into a loop */
	return down(n - 1, acc + bpf_get_smp_processor_id() * n) ^ down(n / 2, acc);
}

static __u64 ping(__u64 n, __u64 acc);

static __attribute__((noinline)) __u64 pong(__u64 n, __u64 acc)
{
	return n ? ping(n - 1, acc ^ bpf_get_smp_processor_id()) + acc : acc;
}

static __attribute__((noinline)) __u64 ping(__u64 n, __u64 acc)
{
	return n ? pong(n - 1, acc + bpf_get_smp_processor_id()) * 3 : acc;
}

SEC("raw_tp") int self(__u64 *ctx)
{
	return down(ctx[0] & 7, ctx[1]);
}

SEC("raw_tp") int mutual(__u64 *ctx)
{
	return ping(ctx[0] & 7, ctx[1]);
}

// CHECK-LABEL: <pong>:
// CHECK: *(u64 *)(r10 - 0x8) = r1
// CHECK-NEXT: call 0x8
// CHECK-NEXT: r1 = *(u64 *)(r10 - 0x8)
// REMARK-DAG: robust_recursion.c:15:{{[0-9]+}}: remark: call to bpf_get_smp_processor_id#8 not paired: no caller-saved register is live across it
// REMARK-DAG: robust_recursion.c:22:{{[0-9]+}}: remark: fastcall bpf_get_smp_processor_id#8: 1 pair: r1 at r10-8
// REMARK-DAG: robust_recursion.c:27:{{[0-9]+}}: remark: fastcall bpf_get_smp_processor_id#8: 2 pairs: r2 at r10-16, r1 at r10-8
// MIRROR: recursive call to subprogram {{[0-9]+}} (the kernel rejects it
