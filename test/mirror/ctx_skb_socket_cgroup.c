// convert_ctx_accesses for socket filters and cgroup_skb programs
// (bpf_convert_ctx_access): ifindex checks skb->dev for NULL, the socket
// fields go through skb->sk, remote_port is shifted into the upper half.
// Placeholders without vmlinux BTF; the kernel's own listing with it.
// (riscv64 adds zero extensions after the converted loads: zext_patched.c.)
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc19 -O2 -DSECTION='"cgroup_skb/ingress"' -DSK_FIELDS -c %s -o %t/cg.o
// RUN: %cc19 -O2 -DSECTION='"socket"' -c %s -o %t/sock.o
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t/cg.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefixes=CHECK,CG
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t/sock.o --arch arm64 --kernel 6.13 | FileCheck %s --check-prefixes=CHECK
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t/cg.o --arch arm64 --kernel 6.15 --json | python3 -m json.tool | FileCheck %s --check-prefix=JSON
// RUN: %if bpf-load %{ %nocsr kernel %t/cg.o | FileCheck %s --check-prefix=KERNEL %}
// RUN: %if bpf-load %{ %nocsr kernel %t/sock.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC(SECTION) __attribute__((naked)) int skb_sock(void)
{
	asm volatile (
	"r2 = *(u32 *)(r1 + 40);"	/* ifindex */
	"r2 = *(u32 *)(r1 + 48);"	/* cb[0] */
#ifdef SK_FIELDS
	"r2 = *(u32 *)(r1 + 88);"	/* family */
	"r2 = *(u32 *)(r1 + 92);"	/* remote_ip4 */
	"r2 = *(u32 *)(r1 + 96);"	/* local_ip4 */
	"r2 = *(u32 *)(r1 + 108);"	/* remote_ip6[2] */
	"r2 = *(u32 *)(r1 + 116);"	/* local_ip6[0] */
	"r2 = *(u32 *)(r1 + 132);"	/* remote_port */
	"r2 = *(u32 *)(r1 + 136);"	/* local_port */
	"r2 = *(u64 *)(r1 + 152);"	/* tstamp */
	"*(u32 *)(r1 + 8) = r2;"	/* mark */
#endif
	"r2 = *(u16 *)(r1 + 2);"	/* narrow: len, upper half */
	"*(u32 *)(r1 + 56) = r2;"	/* cb[2] */
	"r0 = *(u32 *)(r1 + 0);"	/* len */
	"r0 &= 1;"
	"exit;" ::: "memory");
}

// CHECK:      skb_sock:
// CHECK-NEXT:    0: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,dev)>)
// CHECK-NEXT:    1: (15) if r2 == 0x0 goto pc+1
// CHECK-NEXT:    2: (61) r2 = *(u32 *)(r2 +<offsetof(net_device,ifindex)>)
// CHECK-NEXT:    3: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,cb)+offsetof(qdisc_skb_cb,data)>)
// CG-NEXT:       4: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,sk)>)
// CG-NEXT:       5: (69) r2 = *(u16 *)(r2 +<offsetof(sock_common,skc_family)>)
// CG-NEXT:       6: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,sk)>)
// CG-NEXT:       7: (61) r2 = *(u32 *)(r2 +<offsetof(sock_common,skc_daddr)>)
// CG-NEXT:       8: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,sk)>)
// CG-NEXT:       9: (61) r2 = *(u32 *)(r2 +<offsetof(sock_common,skc_rcv_saddr)>)
// CG-NEXT:      10: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,sk)>)
// CG-NEXT:      11: (61) r2 = *(u32 *)(r2 +<offsetof(sock_common,skc_v6_daddr)+8>)
// CG-NEXT:      12: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,sk)>)
// CG-NEXT:      13: (61) r2 = *(u32 *)(r2 +<offsetof(sock_common,skc_v6_rcv_saddr)>)
// CG-NEXT:      14: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,sk)>)
// CG-NEXT:      15: (69) r2 = *(u16 *)(r2 +<offsetof(sock_common,skc_dport)>)
// CG-NEXT:      16: (64) w2 <<= 16
// CG-NEXT:      17: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,sk)>)
// CG-NEXT:      18: (69) r2 = *(u16 *)(r2 +<offsetof(sock_common,skc_num)>)
// CG-NEXT:      19: (71) r11 = *(u8 *)(r1 +<offsetof(sk_buff,__mono_tc_offset)>)
// CG:           26: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,tstamp)>)
// CG-NEXT:      27: (63) *(u32 *)(r1 +<offsetof(sk_buff,mark)>) = r2
// CHECK-NEXT:       (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,len)>)
// CHECK-NEXT:       (74) w2 >>= 16
// CHECK-NEXT:       (54) w2 &= 65535
// CHECK-NEXT:       (63) *(u32 *)(r1 +<offsetof(sk_buff,cb)+offsetof(qdisc_skb_cb,data)+8>) = r2
// CHECK-NEXT:       (61) r0 = *(u32 *)(r1 +<offsetof(sk_buff,len)>)
// CHECK-NEXT:       (57) r0 &= 1
// CHECK-NEXT:       (95) exit

// JSON: "text": "(69) r2 = *(u16 *)(r2 +<offsetof(sock_common,skc_dport)>)"
// JSON-NEXT: },
// JSON-NEXT: {
// JSON-NEXT: "idx": 16,
// JSON-NEXT: "code": 100,
// JSON-NEXT: "text": "(64) w2 <<= 16"

// KERNEL: skb_sock: match
