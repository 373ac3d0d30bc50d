// REQUIRES: clang-22, bpf-load
// On the host kernel: clang 22 builds a function with a 3-pair and a
// 2-pair fastcall; the 2-pair call's spills are not at the lowest offset,
// so they are ordinary stack accesses inside the 3-pair pattern's reserved
// area, which disables the rewrite for the whole function: every pair
// stays.  The plugin's build loses every pair.  Results agree.
// RUN: %bpfcc -O2 -c %s -o %t.o
// RUN: clang-22 --target=bpf -I%src/include -I%src/test/include -I/usr/include/x86_64-linux-gnu -O2 -c %s -o %t.22.o
// RUN: python3 %S/Inputs/prog_run.py %t.o --cpu 1 --ctx 030000000000000005000000000000000700000000000000 > %t.out
// RUN: FileCheck %s --check-prefix=PLUGIN < %t.out
// RUN: python3 %S/Inputs/prog_run.py %t.22.o --cpu 1 --ctx 030000000000000005000000000000000700000000000000 > %t.22.out
// RUN: FileCheck %s --check-prefix=CLANG22 < %t.22.out
// RUN: grep RETVAL %t.out > %t.ret
// RUN: grep RETVAL %t.22.out | diff %t.ret -
#include "nocsr_test.h"

SEC("raw_tp")
int two(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1], c = ctx[2];
	__u64 x = bpf_get_smp_processor_id() + a;

	x *= b;
	x ^= bpf_get_smp_processor_id();
	return x + c;
}
// PLUGIN-LABEL: PROG two
// PLUGIN-NOT: r10
// PLUGIN: RETVAL
// CLANG22-LABEL: PROG two
// CLANG22-COUNT-3: (7b) *(u64 *)(r10 -
// CLANG22: r0 = *(u32 *)(r0 +0)
// CLANG22-COUNT-3: (79) r{{[0-9]}} = *(u64 *)(r10 -
// CLANG22-COUNT-2: (7b) *(u64 *)(r10 -
// CLANG22: r0 = *(u32 *)(r0 +0)
// CLANG22-COUNT-2: (79) r{{[0-9]}} = *(u64 *)(r10 -
// CLANG22: RETVAL
