// The verifier bounds bpf_get_smp_processor_id() by nr_cpu_ids - 1 and
// drops a branch on a higher bit as dead code.  --cpus N names the
// target's count; the default is the host's for the host arch, unknown
// (any u32 but U32_MAX) for another arch or with --cpus any.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 --cpus 4 | FileCheck %s --check-prefix=FOUR
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 --cpus 5 | FileCheck %s --check-prefix=FIVE
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 --cpus any | FileCheck %s --check-prefix=ANY
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 --cpus 8192 | FileCheck %s --check-prefix=MAX
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 --prog cpu_high_bit | FileCheck %s --check-prefix=OTHER
// RUN: not %nocsr xlated %t.o --cpus 0 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not %nocsr xlated %t.o --cpus 8193 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not %nocsr xlated %t.o --cpus 4x 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int cpu_bit2(void)
{
	asm volatile (
	"call 8;"
	"if r0 & 4 goto 1f;"
	"exit;"
	"1: r0 = 42;"
	"exit;" ::: "memory");
}

/* bit 13: above nr_cpu_ids - 1 on every kernel (CONFIG_NR_CPUS <= 8192) */
SEC("raw_tp") __attribute__((naked)) int cpu_high_bit(void)
{
	asm volatile (
	"call 8;"
	"if w0 > 8191 goto 1f;"
	"exit;"
	"1: r0 = 42;"
	"exit;" ::: "memory");
}

// FOUR:      cpu_bit2:
// FOUR-NEXT: 0: (b7) r0 = <cpu_number>
// FOUR-NEXT: 1: (bf) r0 = r0
// FOUR-NEXT: 2: (61) r0 = *(u32 *)(r0 +0)
// FOUR-NEXT: 3: (95) exit
// FOUR-NEXT: cpu_high_bit:
// FOUR-NEXT: 0: (b7) r0 = <cpu_number>
// FOUR-NEXT: 1: (bf) r0 = r0
// FOUR-NEXT: 2: (61) r0 = *(u32 *)(r0 +0)
// FOUR-NEXT: 3: (95) exit
// FOUR-NOT:  {{.}}

// FIVE-LABEL: cpu_bit2:
// FIVE: (45) if r0 & 0x4 goto pc+1
// FIVE: r0 = 42
// FIVE-LABEL: cpu_high_bit:
// FIVE-NOT: r0 = 42

// ANY-LABEL: cpu_bit2:
// ANY: r0 = 42
// ANY-LABEL: cpu_high_bit:
// ANY: (26) if w0 > 0x1fff goto pc+1
// ANY: r0 = 42

// MAX-LABEL: cpu_bit2:
// MAX: r0 = 42
// MAX-LABEL: cpu_high_bit:
// MAX-NOT: r0 = 42

// OTHER: (26) if w0 > 0x1fff goto pc+1
// OTHER: r0 = 42

// BAD: nocsr: bad --cpus '{{.*}}' (a CPU count 1..8192, or any)

// KERNEL: cpu_bit2: match
// KERNEL: cpu_high_bit: match
