// A marked callee with more than 5 arguments: BPF cannot pass them, and
// clang says so (as it does without the plugin) instead of crashing, for
// a kfunc, a variadic helper and under -fplugin-arg-nocsr-mark-known.
// RUN: not %bpfcc -O2 -mllvm -verify-machineinstrs -DKFUNC -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not="PLEASE submit"
// RUN: not %bpfcc -O2 -mllvm -verify-machineinstrs -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not="PLEASE submit"
// RUN: not %bpfcc -O2 -mllvm -verify-machineinstrs -fplugin-arg-nocsr-mark-known -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not="PLEASE submit"
// RUN: not %cc19 -O2 -c %s -o %t.o 2>&1 | FileCheck %s
// A marked variadic helper called with 5 arguments or fewer is fine.
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -DFIVE -Rpass-missed=nocsr -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=FIVE
// CHECK: error: {{.*}}too many arg{{s|uments}}
// FIVE: remark: call to bpf_trace_printk#6 not paired: no caller-saved register is live across it
#include "nocsr_test.h"

extern __u64 six(__u64 a, __u64 b, __u64 c, __u64 d, __u64 e, __u64 f) __ksym __bpf_fastcall;
static __bpf_fastcall long (*const printk)(const char *fmt, __u32 fmt_size, ...) = (void *)6;

SEC("raw_tp") int many(__u64 *ctx)
{
	__u64 a = ctx[0], b = ctx[1];

#if defined(KFUNC)
	return six(a, b, 3, 4, 5, 6) + a * b;
#elif defined(FIVE)
	return printk("%d", 3, b, 5, 6) + a * b;
#else
	return printk("%d", 3, a, b, 5, 6) + a * b;
#endif
}
