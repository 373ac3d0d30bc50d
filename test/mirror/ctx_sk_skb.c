// convert_ctx_accesses for sk_skb (sk_skb_convert_ctx_access): data_end is
// computed as skb->data + skb->len - skb->data_len through r11; the other
// fields convert as for socket filters.  The fastcall pair stays
// (socket-level programs: non-fastcall prototype of the helper).
// RUN: %cc19 -O2 -c %s -o %t.o
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t.o --arch x86_64 --kernel 6.18 2>%t.err | FileCheck %s
// RUN: count 0 < %t.err
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t.o --arch riscv64 --kernel 6.12 | FileCheck %s --check-prefix=RV64
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC("sk_skb/stream_verdict") __attribute__((naked)) int sk_skb_end(void)
{
	asm volatile (
	"r2 = *(u32 *)(r1 + 0);"	/* len */
	"r6 = *(u32 *)(r1 + 80);"	/* data_end */
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK:      sk_skb_end:
// CHECK-NEXT:    0: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,len)>)
// CHECK-NEXT:    1: (79) r6 = *(u64 *)(r1 +<offsetof(sk_buff,data)>)
// CHECK-NEXT:    2: (61) r11 = *(u32 *)(r1 +<offsetof(sk_buff,len)>)
// CHECK-NEXT:    3: (0f) r6 += r11
// CHECK-NEXT:    4: (61) r11 = *(u32 *)(r1 +<offsetof(sk_buff,data_len)>)
// CHECK-NEXT:    5: (1f) r6 -= r11
// CHECK-NEXT:    6: (b7) r1 = 1
// CHECK-NEXT:    7: (7b) *(u64 *)(r10 -8) = r1
// CHECK-NEXT:    8: (b7) r0 = <cpu_number>

// riscv64: each converted 32-bit load is a patch, so the verifier zero
// extends it (read as 64 bits or not, like r2 here).
// RV64:      0: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,len)>)
// RV64-NEXT: 1: (bc) w2 = w2
// RV64-NEXT: 2: (79) r6 = *(u64 *)(r1 +<offsetof(sk_buff,data)>)
// RV64-NEXT: 3: (61) r11 = *(u32 *)(r1 +<offsetof(sk_buff,len)>)
// RV64-NEXT: 4: (bc) w11 = w11
// RV64-NEXT: 5: (0f) r6 += r11
// RV64-NEXT: 6: (61) r11 = *(u32 *)(r1 +<offsetof(sk_buff,data_len)>)
// RV64-NEXT: 7: (bc) w11 = w11
// RV64-NEXT: 8: (1f) r6 -= r11
// RV64-NEXT: 9: (b7) r1 = 1
// RV64-NEXT: 10: (7b) *(u64 *)(r10 -8) = r1
// RV64-NEXT: 11: (85) call bpf_get_smp_processor_id#8
// RV64-NEXT: 12: (79) r1 = *(u64 *)(r10 -8)

// KERNEL: stack depth: mirror 8, kernel 8
// KERNEL: sk_skb_end: match (14 insns)
