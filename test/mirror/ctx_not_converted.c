// Program types without convert_ctx_access (raw_tp, kprobe, tracepoint,
// tracing, syscall) keep their context loads as written: no rewrite, no
// note, and the kernel agrees.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc19 -O2 -DSECTION='"raw_tp"' -c %s -o %t/raw_tp.o
// RUN: %cc19 -O2 -DSECTION='"kprobe/do_nanosleep"' -c %s -o %t/kprobe.o
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t/raw_tp.o --arch x86_64 --kernel 6.18 2>%t/err | FileCheck %s
// RUN: count 0 < %t/err
// RUN: %nocsr xlated %t/kprobe.o --arch arm64 --kernel 6.18 2>%t/err | FileCheck %s
// RUN: count 0 < %t/err
// RUN: %if bpf-load %{ %nocsr kernel %t/raw_tp.o | FileCheck %s --check-prefix=KERNEL %}
// RUN: %if bpf-load %{ %nocsr kernel %t/kprobe.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC(SECTION) __attribute__((naked)) int plain_ctx(void)
{
	asm volatile (
	"r2 = *(u64 *)(r1 + 8);"
	"r0 = *(u64 *)(r1 + 0);"
	"r0 += r2;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK:      plain_ctx:
// CHECK-NEXT:    0: (79) r2 = *(u64 *)(r1 +8)
// CHECK-NEXT:    1: (79) r0 = *(u64 *)(r1 +0)

// KERNEL: plain_ctx: match
