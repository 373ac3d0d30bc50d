// A tc program that reads __sk_buff.tstamp_type is "aware" of the stamp's
// type (prog->tstamp_type_access): its tstamp reads and writes convert to
// plain accesses, without the ingress check they get otherwise (see
// ctx_skb_tc.c); tstamp_type itself reads the type bits of the byte.
// RUN: %cc19 -O2 -c %s -o %t.o
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t.o --arch arm64 --kernel 7.3 | FileCheck %s
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC("tc") __attribute__((naked)) int aware(void)
{
	asm volatile (
	"r3 = *(u64 *)(r1 + 152);"	/* tstamp */
	"r2 = *(u8 *)(r1 + 180);"	/* tstamp_type */
	"*(u64 *)(r1 + 152) = r3;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK:      aware:
// CHECK-NEXT:    0: (79) r3 = *(u64 *)(r1 +<offsetof(sk_buff,tstamp)>)
// CHECK-NEXT:    1: (71) r2 = *(u8 *)(r1 +<offsetof(sk_buff,__mono_tc_offset)>)
// CHECK-NEXT:    2: (54) w2 &= <SKB_TSTAMP_TYPE_MASK>
// CHECK-NEXT:    3: (7b) *(u64 *)(r1 +<offsetof(sk_buff,tstamp)>) = r3
// CHECK-NEXT:    4: (b7) r0 = 0
// CHECK-NEXT:    5: (95) exit

// KERNEL: aware: match (6 insns)
