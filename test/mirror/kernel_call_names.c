// REQUIRES: bpf-load
// `nocsr kernel` names the kernel's helper calls from /proc/kallsyms, a
// file fstat sizes at 0 and megabytes long, so it is read into a growing
// buffer to its end; a short read would leave them "unknown#<imm>".
// RUN: %cc19 -O2 -c %s -o %t.o
// RUN: %nocsr kernel %t.o | FileCheck %s
#include "nocsr_test.h"
SEC("raw_tp") __attribute__((naked)) int kernel_call_names(void)
{
	asm volatile (
	"call 5;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK: kernel_call_names:
// CHECK: 0: (85) call bpf_ktime_get_ns#5 | 0: (85) call bpf_ktime_get_ns#{{-?[0-9]+}}{{$}}
// CHECK: kernel_call_names: match (3 insns)
