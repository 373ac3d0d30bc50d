// convert_ctx_accesses for xdp: data, data_end, data_meta are pointers in
// struct xdp_buff; the ifindexes and the queue index go through the rx/tx
// queue info.  egress_ifindex only loads for devmap programs.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc19 -O2 -DSECTION='"xdp"' -c %s -o %t/xdp.o
// RUN: %cc19 -O2 -DSECTION='"xdp/devmap"' -DEGRESS -c %s -o %t/devmap.o
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t/devmap.o --arch x86_64 --kernel 6.18 | FileCheck %s
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t/devmap.o --arch arm64 --kernel 7.3 | FileCheck %s
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t/xdp.o --arch riscv64 --kernel 6.12 | FileCheck %s --check-prefix=XDP
// RUN: %if bpf-load %{ %nocsr kernel %t/xdp.o | FileCheck %s --check-prefix=KERNEL %}
// RUN: %if bpf-load %{ %nocsr kernel %t/devmap.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC(SECTION) __attribute__((naked)) int xdp_md(void)
{
	asm volatile (
	"r2 = *(u32 *)(r1 + 0);"	/* data */
	"r2 = *(u32 *)(r1 + 4);"	/* data_end */
	"r2 = *(u32 *)(r1 + 8);"	/* data_meta */
	"r2 = *(u32 *)(r1 + 12);"	/* ingress_ifindex */
	"r2 = *(u32 *)(r1 + 16);"	/* rx_queue_index */
#ifdef EGRESS
	"r2 = *(u32 *)(r1 + 20);"	/* egress_ifindex */
#endif
	"r0 = 2;"
	"exit;" ::: "memory");
}

// CHECK:      xdp_md:
// CHECK-NEXT:    0: (79) r2 = *(u64 *)(r1 +<offsetof(xdp_buff,data)>)
// CHECK-NEXT:    1: (79) r2 = *(u64 *)(r1 +<offsetof(xdp_buff,data_end)>)
// CHECK-NEXT:    2: (79) r2 = *(u64 *)(r1 +<offsetof(xdp_buff,data_meta)>)
// CHECK-NEXT:    3: (79) r2 = *(u64 *)(r1 +<offsetof(xdp_buff,rxq)>)
// CHECK-NEXT:    4: (79) r2 = *(u64 *)(r2 +<offsetof(xdp_rxq_info,dev)>)
// CHECK-NEXT:    5: (61) r2 = *(u32 *)(r2 +<offsetof(net_device,ifindex)>)
// CHECK-NEXT:    6: (79) r2 = *(u64 *)(r1 +<offsetof(xdp_buff,rxq)>)
// CHECK-NEXT:    7: (61) r2 = *(u32 *)(r2 +<offsetof(xdp_rxq_info,queue_index)>)
// CHECK-NEXT:    8: (79) r2 = *(u64 *)(r1 +<offsetof(xdp_buff,txq)>)
// CHECK-NEXT:    9: (79) r2 = *(u64 *)(r2 +<offsetof(xdp_txq_info,dev)>)
// CHECK-NEXT:   10: (61) r2 = *(u32 *)(r2 +<offsetof(net_device,ifindex)>)
// CHECK-NEXT:   11: (b7) r0 = 2
// CHECK-NEXT:   12: (95) exit

// riscv64 zero extends the converted 32-bit loads.
// XDP:        5: (61) r2 = *(u32 *)(r2 +<offsetof(net_device,ifindex)>)
// XDP-NEXT:   6: (bc) w2 = w2
// XDP-NEXT:   7: (79) r2 = *(u64 *)(r1 +<offsetof(xdp_buff,rxq)>)
// XDP-NEXT:   8: (61) r2 = *(u32 *)(r2 +<offsetof(xdp_rxq_info,queue_index)>)
// XDP-NEXT:   9: (bc) w2 = w2
// XDP-NEXT:  10: (b7) r0 = 2

// KERNEL: xdp_md: match
