// BPF_CMPXCHG always loads r0, but some arches only do when the
// comparison succeeds, so the verifier zero-extends a 32-bit cmpxchg's r0
// on every arch (not only where the JIT asks for it) when r0 is later read
// as 64 bits.  A 64-bit cmpxchg, or a 32-bit one whose r0 is read as 32
// bits only, gets none; other 32-bit fetches only on riscv64.  On the host
// the x86_64 prediction is compared with the kernel's xlated program.
// RUN: %cc19 -O2 -mcpu=v3 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefixes=CHECK,CHECK-HW
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.13 | FileCheck %s --check-prefixes=CHECK,CHECK-HW
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.15 | FileCheck %s --check-prefixes=CHECK,CHECK-RV64
// The extensions change nothing when run (nocsr-run, as compiled vs as
// rewritten for riscv64).
// RUN: %build/bin/nocsr-run %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=VM
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int zext_cmpxchg(void)
{
	asm volatile (
	"r1 = 0;"
	"*(u64 *)(r10 - 8) = r1;"
	"r0 = 0;"
	"w2 = 2;"
	"w0 = cmpxchg32_32(r10 - 8, w0, w2);"	/* r0 read as 64: zext */
	"r6 = r0;"
	"r0 = 0;"
	"w0 = cmpxchg32_32(r10 - 8, w0, w2);"	/* w0 compared only: none */
	"if w0 == 0 goto 1f;"
	"r6 += 1;"
	"1:"
	"r0 = 0;"
	"r2 = 3;"
	"r0 = cmpxchg_64(r10 - 8, r0, r2);"	/* 64-bit: none */
	"r6 += r0;"
	"w1 = 1;"
	"w1 = atomic_fetch_add((u32 *)(r10 - 8), w1);"	/* riscv64 only */
	"r6 += r1;"
	"r0 = r6;"
	"exit;" ::: "memory");
}

// CHECK:           zext_cmpxchg:
// CHECK:           4: (c3) r0 = atomic_cmpxchg((u32 *)(r10 -8), r0, r2)
// CHECK-NEXT:      5: (bc) w0 = w0
// CHECK-NEXT:      6: (bf) r6 = r0
// CHECK-NEXT:      7: (b7) r0 = 0
// CHECK-NEXT:      8: (c3) r0 = atomic_cmpxchg((u32 *)(r10 -8), r0, r2)
// CHECK-NEXT:      9: (16) if w0 == 0x0 goto pc+1
// CHECK-NEXT:     10: (07) r6 += 1
// CHECK-NEXT:     11: (b7) r0 = 0
// CHECK-NEXT:     12: (b7) r2 = 3
// CHECK-NEXT:     13: (db) r0 = atomic64_cmpxchg((u64 *)(r10 -8), r0, r2)
// CHECK-NEXT:     14: (0f) r6 += r0
// CHECK-HW-NEXT:  15: (b4) w1 = 1
// CHECK-HW-NEXT:  16: (c3) r1 = atomic_fetch_add((u32 *)(r10 -8), r1)
// CHECK-HW-NEXT:  17: (0f) r6 += r1
// CHECK-RV64-NEXT: 15: (b4) w1 = 1
// CHECK-RV64-NEXT: 16: (c3) r1 = atomic_fetch_add((u32 *)(r10 -8), r1)
// CHECK-RV64-NEXT: 17: (bc) w1 = w1
// CHECK-RV64-NEXT: 18: (0f) r6 += r1
// CHECK-NEXT:     {{1[89]}}: (bf) r0 = r6
// CHECK-NEXT:     {{1[89]|20}}: (95) exit
// CHECK-NOT:      {{.}}

// KERNEL: zext_cmpxchg: match

// VM: zext_cmpxchg: same over 4 seeds
