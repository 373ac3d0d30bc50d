// Rule 5 gap kept from 6.12-6.18: helper reads of stack memory (here the
// key of bpf_map_lookup_elem) are not checked; only helper writes are.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
struct {
	__uint(type, 1);
	__uint(max_entries, 4);
	__type(key, __u64);
	__type(value, __u64);
} m SEC(".maps");
SEC("raw_tp") __attribute__((naked)) int gap_helper_read(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r2 = r10;"
	"r2 += -8;"
	"r1 = m ll;"
	"call 1;"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// CHECK-X86:      gap_helper_read:
// CHECK-X86-NEXT: 0: (b7) r1 = 1
// CHECK-X86-NEXT: 1: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 2: (bf) r0 = r0
// CHECK-X86-NEXT: 3: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 4: (bf) r2 = r10
// CHECK-X86-NEXT: 5: (07) r2 += -8
// CHECK-X86-NEXT: 6: (18) r1 = map[id:<m>]
// CHECK-X86-NEXT: 8: (85) call __htab_map_lookup_elem#<addr>
// CHECK-X86-NEXT: 9: (15) if r0 == 0x0 goto pc+1
// CHECK-X86-NEXT: 10: (07) r0 += <offsetof(htab_elem,key)+key_size>
// CHECK-X86-NEXT: 11: (b7) r0 = 0
// CHECK-X86-NEXT: 12: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      gap_helper_read:
// CHECK-ARM64-NEXT: 0: (b7) r1 = 1
// CHECK-ARM64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 2: (bf) r2 = r10
// CHECK-ARM64-NEXT: 3: (07) r2 += -8
// CHECK-ARM64-NEXT: 4: (18) r1 = map[id:<m>]
// CHECK-ARM64-NEXT: 6: (85) call __htab_map_lookup_elem#<addr>
// CHECK-ARM64-NEXT: 7: (15) if r0 == 0x0 goto pc+1
// CHECK-ARM64-NEXT: 8: (07) r0 += <offsetof(htab_elem,key)+key_size>
// CHECK-ARM64-NEXT: 9: (b7) r0 = 0
// CHECK-ARM64-NEXT: 10: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      gap_helper_read:
// CHECK-RV64-NEXT: 0: (b7) r1 = 1
// CHECK-RV64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 2: (bf) r2 = r10
// CHECK-RV64-NEXT: 3: (07) r2 += -8
// CHECK-RV64-NEXT: 4: (18) r1 = map[id:<m>]
// CHECK-RV64-NEXT: 6: (85) call __htab_map_lookup_elem#<addr>
// CHECK-RV64-NEXT: 7: (15) if r0 == 0x0 goto pc+1
// CHECK-RV64-NEXT: 8: (07) r0 += <offsetof(htab_elem,key)+key_size>
// CHECK-RV64-NEXT: 9: (b7) r0 = 0
// CHECK-RV64-NEXT: 10: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: 1 of 1 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 0, kernel 0
// KERNEL: gap_helper_read: match (13 insns)
