// Rule 3 depends on the program type: socket-level and cgroup programs get
// bpf_get_smp_processor_id from bpf_base_func_proto() as
// bpf_get_raw_smp_processor_id_proto, which is not fastcall.  The call is
// still inlined on x86_64 but the pair and the stack stay.  Tracing, tc,
// xdp and lwt programs get the fastcall prototype.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc19 -O2 -g -DSECTION='"socket"' -c %s -o %t/socket.o
// RUN: %cc19 -O2 -g -DSECTION='"cgroup_skb/ingress"' -c %s -o %t/cgroup_skb.o
// RUN: %cc19 -O2 -g -DSECTION='"sk_skb"' -c %s -o %t/sk_skb.o
// RUN: %cc19 -O2 -g -DSECTION='"tc"' -c %s -o %t/tc.o
// RUN: %cc19 -O2 -g -DSECTION='"xdp"' -c %s -o %t/xdp.o
// RUN: %cc19 -O2 -g -DSECTION='"kprobe/do_nanosleep"' -c %s -o %t/kprobe.o
// RUN: %nocsr xlated %t/socket.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=KEEP-X86
// RUN: %nocsr xlated %t/cgroup_skb.o --arch arm64 --kernel 6.12 | FileCheck %s --check-prefix=KEEP-ARM64
// RUN: %nocsr xlated %t/sk_skb.o --arch riscv64 --kernel 7.3 | FileCheck %s --check-prefix=KEEP-RV64
// RUN: %nocsr xlated %t/tc.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=GONE-X86
// RUN: %nocsr xlated %t/xdp.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=GONE-ARM64
// RUN: %nocsr xlated %t/kprobe.o --arch riscv64 --kernel 6.13 | FileCheck %s --check-prefix=GONE-RV64
// RUN: not %nocsr check %t/socket.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %nocsr check %t/tc.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=OK
// RUN: %if bpf-load %{ %nocsr kernel %t/socket.o | FileCheck %s --check-prefix=KERNEL-KEEP %}
// RUN: %if bpf-load %{ %nocsr kernel %t/cgroup_skb.o | FileCheck %s --check-prefix=KERNEL-KEEP %}
// RUN: %if bpf-load %{ %nocsr kernel %t/sk_skb.o | FileCheck %s --check-prefix=KERNEL-KEEP %}
// RUN: %if bpf-load %{ %nocsr kernel %t/tc.o | FileCheck %s --check-prefix=KERNEL-GONE %}
// RUN: %if bpf-load %{ %nocsr kernel %t/xdp.o | FileCheck %s --check-prefix=KERNEL-GONE %}
// RUN: %if bpf-load %{ %nocsr kernel %t/kprobe.o | FileCheck %s --check-prefix=KERNEL-GONE %}
#include "nocsr_test.h"

SEC(SECTION) __attribute__((naked)) int p(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = 1;"
	"exit;" ::: "memory");
}

// KEEP-X86:      p:
// KEEP-X86-NEXT:    0: (b7) r1 = 1
// KEEP-X86-NEXT:    1: (7b) *(u64 *)(r10 -8) = r1
// KEEP-X86-NEXT:    2: (b7) r0 = <cpu_number>
// KEEP-X86-NEXT:    3: (bf) r0 = r0
// KEEP-X86-NEXT:    4: (61) r0 = *(u32 *)(r0 +0)
// KEEP-X86-NEXT:    5: (79) r1 = *(u64 *)(r10 -8)
// KEEP-X86-NEXT:    6: (b7) r0 = 1
// KEEP-X86-NEXT:    7: (95) exit

// KEEP-ARM64:      1: (7b) *(u64 *)(r10 -8) = r1
// KEEP-ARM64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// KEEP-ARM64-NEXT: 3: (79) r1 = *(u64 *)(r10 -8)

// KEEP-RV64:      1: (7b) *(u64 *)(r10 -8) = r1
// KEEP-RV64-NEXT: 2: (85) call bpf_get_smp_processor_id#8
// KEEP-RV64-NEXT: 3: (79) r1 = *(u64 *)(r10 -8)

// GONE-X86:      0: (b7) r1 = 1
// GONE-X86-NEXT: 1: (b7) r0 = <cpu_number>
// GONE-X86-NEXT: 2: (bf) r0 = r0
// GONE-X86-NEXT: 3: (61) r0 = *(u32 *)(r0 +0)
// GONE-X86-NEXT: 4: (b7) r0 = 1

// GONE-ARM64:      0: (b7) r1 = 1
// GONE-ARM64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// GONE-ARM64-NEXT: 2: (b7) r0 = 1

// GONE-RV64:      0: (b7) r1 = 1
// GONE-RV64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// GONE-RV64-NEXT: 2: (b7) r0 = 1

// WHY: p: insn 2: bpf_get_smp_processor_id: not rewritten: bpf_get_smp_processor_id is not a fastcall helper for socket programs (bpf_get_raw_smp_processor_id_proto) on 6.18
// OK: 1 of 1 fastcall sites rewritten (x86_64, 6.18)

// KERNEL-KEEP: stack depth: mirror 8, kernel 8
// KERNEL-KEEP: p: match (8 insns)
// KERNEL-GONE: stack depth: mirror 0, kernel 0
// KERNEL-GONE: p: match (6 insns)
