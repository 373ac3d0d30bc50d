// A tc or sk_skb program that writes packet data directly gets a prologue
// (gen_prologue: bpf_unclone_prologue): a cloned skb is pulled first with
// bpf_skb_pull_data(skb, 0), and the packet dropped if that fails (tc:
// TC_ACT_SHOT, sk_skb: SK_DROP).  Reading the packet adds nothing.
// (riscv64 adds zero extensions after the converted loads: zext_patched.c.)
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc19 -O2 -DSECTION='"tc"' -DWRITE -c %s -o %t/tc.o
// RUN: %cc19 -O2 -DSECTION='"sk_skb/stream_verdict"' -DWRITE -c %s -o %t/sk_skb.o
// RUN: %cc19 -O2 -DSECTION='"tc"' -c %s -o %t/read.o
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t/tc.o --arch x86_64 --kernel 6.18 2>%t/err | FileCheck %s --check-prefixes=CHECK,TC
// RUN: count 0 < %t/err
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t/sk_skb.o --arch arm64 --kernel 6.12 | FileCheck %s --check-prefixes=CHECK,SKSKB
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t/read.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=READ
// RUN: %if bpf-load %{ %nocsr kernel %t/tc.o | FileCheck %s --check-prefix=KERNEL %}
// RUN: %if bpf-load %{ %nocsr kernel %t/sk_skb.o | FileCheck %s --check-prefix=KERNEL %}
// RUN: %if bpf-load %{ %nocsr kernel %t/read.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC(SECTION) __attribute__((naked)) int pkt(void)
{
	asm volatile (
	"r2 = *(u32 *)(r1 + 76);"	/* data */
	"r3 = *(u32 *)(r1 + 80);"	/* data_end */
	"r4 = r2;"
	"r4 += 1;"
	"if r4 > r3 goto 1f;"
#ifdef WRITE
	"r5 = 7;"
	"*(u8 *)(r2 + 0) = r5;"
#else
	"r5 = *(u8 *)(r2 + 0);"
#endif
	"1:"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK:      pkt:
// CHECK-NEXT:    0: (71) r6 = *(u8 *)(r1 +<offsetof(sk_buff,__cloned_offset)>)
// CHECK-NEXT:    1: (54) w6 &= <CLONED_MASK>
// CHECK-NEXT:    2: (15) if r6 == 0x0 goto pc+7
// CHECK-NEXT:    3: (bf) r6 = r1
// CHECK-NEXT:    4: (af) r2 ^= r2
// CHECK-NEXT:    5: (85) call bpf_skb_pull_data#39
// CHECK-NEXT:    6: (15) if r0 == 0x0 goto pc+2
// TC-NEXT:       7: (b4) w0 = 2
// SKSKB-NEXT:    7: (b4) w0 = 0
// CHECK-NEXT:    8: (95) exit
// CHECK-NEXT:    9: (bf) r1 = r6
// CHECK-NEXT:   10: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,data)>)
// TC-NEXT:      11: (79) r3 = *(u64 *)(r1 +<offsetof(sk_buff,cb)+offsetof(bpf_skb_data_end,data_end)>)
// SKSKB-NEXT:   11: (79) r3 = *(u64 *)(r1 +<offsetof(sk_buff,data)>)

// READ:      pkt:
// READ-NEXT:    0: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,data)>)

// KERNEL: pkt: match
