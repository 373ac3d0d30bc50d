// What a static subprogram returns reaches its caller (the verifier walks
// it per call site); a global subprogram returns an unknown scalar.  The
// kernel then drops the branch its caller can decide.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
// Without BTF there is no func info: every subprogram is static.
// RUN: %cc19 -O2 -c %s -o %t.nobtf.o
// RUN: %nocsr xlated %t.nobtf.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=NOBTF
#include "nocsr_test.h"

/* bit 0 set, bits 1-7 clear */
static __attribute__((noinline)) __u64 one(__u64 a)
{
	return (a << 8) | 1;
}

__attribute__((noinline)) __u64 global_one(__u64 a)
{
	return (a << 8) | 1;
}

/* returns only after its loop: the caller waits for the exit; bit 2 of
 * the result is set */
static __attribute__((noinline)) __u64 looped(__u64 a)
{
#pragma clang loop unroll(disable)
	for (int i = 0; i < 3; i++)
		a = (a << 1) | 4;
	return a;
}

SEC("raw_tp")
int static_ret(__u64 *ctx)
{
	if (one(ctx[0]) & 2)
		return bpf_get_prandom_u32();
	return 7;
}
// CHECK-LABEL: static_ret:
// CHECK-NOT: call bpf_get_prandom_u32
// CHECK-LABEL: global_ret:
// CHECK: if r1 == 0x0 goto
// CHECK: call bpf_get_prandom_u32

SEC("raw_tp")
int global_ret(__u64 *ctx)
{
	if (global_one(ctx[0]) & 2)
		return bpf_get_prandom_u32();
	return 7;
}

SEC("raw_tp")
int loop_ret(__u64 *ctx)
{
	if (!(looped(ctx[0]) & 4))
		return bpf_get_prandom_u32();
	return 7;
}
// CHECK-LABEL: loop_ret:
// CHECK: call pc+
// CHECK-NOT: call bpf_get_prandom_u32
// CHECK: goto pc-

// KERNEL: static_ret: match
// KERNEL: global_ret: match
// KERNEL: loop_ret: match

// NOBTF-LABEL: static_ret:
// NOBTF-NOT: call bpf_get_prandom_u32
// NOBTF-LABEL: global_ret:
// NOBTF-NOT: call bpf_get_prandom_u32
// NOBTF-LABEL: loop_ret:
