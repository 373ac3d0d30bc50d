// (The kfunc id is the vmlinux BTF id, host-specific.)
// Rule 3: a kfunc that is not fastcall still gets its bracket matched
// (clobber mask from its BTF prototype: void, no argument, so r1 may be kept);
// its pair stays and the subprogram keeps its stack, while the pattern around
// bpf_get_smp_processor_id in the same subprogram goes.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: not %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
#define __imm(name) [name]"i"(name)
extern void bpf_rcu_read_lock(void) __ksym;
extern void bpf_rcu_read_unlock(void) __ksym;
static __attribute__((used, noinline)) void btf_anchor(void)
{
	bpf_rcu_read_lock();
	bpf_rcu_read_unlock();
}
SEC("tp_btf/sched_switch") __attribute__((naked)) int kfunc_not_fastcall(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call %[bpf_rcu_read_lock];"
	"r1 = *(u64 *)(r10 - 16);"
	"*(u64 *)(r10 - 16) = r1;"
	"call %[bpf_rcu_read_unlock];"
	"r1 = *(u64 *)(r10 - 16);"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 = 0;"
	"exit;" :: __imm(bpf_rcu_read_lock), __imm(bpf_rcu_read_unlock) : "memory");
}

// CHECK-X86:      kfunc_not_fastcall:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-X86-NEXT: 2: (85) call bpf_rcu_read_lock#{{[0-9]+}}
// CHECK-X86-NEXT: 3: (79) r1 = *(u64 *)(r10 -16)
// CHECK-X86-NEXT: 4: (7b) *(u64 *)(r10 -16) = r1
// CHECK-X86-NEXT: 5: (85) call bpf_rcu_read_unlock#{{[0-9]+}}
// CHECK-X86-NEXT: 6: (79) r1 = *(u64 *)(r10 -16)
// CHECK-X86-NEXT: 7: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 8: (bf) r0 = r0
// CHECK-X86-NEXT: 9: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 10: (b7) r0 = 0
// CHECK-X86-NEXT: 11: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      kfunc_not_fastcall:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-ARM64-NEXT: 2: (85) call bpf_rcu_read_lock#{{[0-9]+}}
// CHECK-ARM64-NEXT: 3: (79) r1 = *(u64 *)(r10 -16)
// CHECK-ARM64-NEXT: 4: (7b) *(u64 *)(r10 -16) = r1
// CHECK-ARM64-NEXT: 5: (85) call bpf_rcu_read_unlock#{{[0-9]+}}
// CHECK-ARM64-NEXT: 6: (79) r1 = *(u64 *)(r10 -16)
// CHECK-ARM64-NEXT: 7: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 8: (b7) r0 = 0
// CHECK-ARM64-NEXT: 9: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      kfunc_not_fastcall:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (7b) *(u64 *)(r10 -16) = r1
// CHECK-RV64-NEXT: 2: (85) call bpf_rcu_read_lock#{{[0-9]+}}
// CHECK-RV64-NEXT: 3: (79) r1 = *(u64 *)(r10 -16)
// CHECK-RV64-NEXT: 4: (7b) *(u64 *)(r10 -16) = r1
// CHECK-RV64-NEXT: 5: (85) call bpf_rcu_read_unlock#{{[0-9]+}}
// CHECK-RV64-NEXT: 6: (79) r1 = *(u64 *)(r10 -16)
// CHECK-RV64-NEXT: 7: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 8: (b7) r0 = 0
// CHECK-RV64-NEXT: 9: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: kfunc_not_fastcall: insn 2: bpf_rcu_read_lock: not rewritten: bpf_rcu_read_lock is not a fastcall kfunc on 6.18 [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY: kfunc_not_fastcall: insn 5: bpf_rcu_read_unlock: not rewritten: bpf_rcu_read_unlock is not a fastcall kfunc on 6.18 [{{.*}}.c:{{[0-9]+}}: {{.*}}]
// WHY: 1 of 3 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 16, kernel 16
// KERNEL: kfunc_not_fastcall: match (12 insns)
