// Rule 3: bpf_cast_to_kern_ctx is a fastcall kfunc (1 argument, returns a
// value: r0 and r1 clobbered).  Pairs of r2/r3 go, the call becomes r0 = r1
// on every arch.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.12 | FileCheck %s --check-prefix=CHECK-X86-612
// RUN: %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"
#define __imm(name) [name]"i"(name)
extern void *bpf_cast_to_kern_ctx(void *) __ksym;
/* A C call makes clang describe the extern in BTF, which libbpf needs. */
static __attribute__((used, noinline)) void *btf_anchor(void *ctx)
{
	return bpf_cast_to_kern_ctx(ctx);
}
SEC("tc") __attribute__((naked)) int kfunc_cast(void)
{
	asm volatile (
	"r2 = 2; r3 = 3;"
	"*(u64 *)(r10 - 8) = r3;"
	"*(u64 *)(r10 - 16) = r2;"
	"call %[bpf_cast_to_kern_ctx];"
	"r2 = *(u64 *)(r10 - 16);"
	"r3 = *(u64 *)(r10 - 8);"
	"r0 = 0;"
	"exit;" :: __imm(bpf_cast_to_kern_ctx) : "memory");
}

// CHECK-X86:      kfunc_cast:
// CHECK-X86-NEXT: 0: (b7) r2 = 2
// CHECK-X86-NEXT: 1: (b7) r3 = 3
// CHECK-X86-NEXT: 2: (bf) r0 = r1
// CHECK-X86-NEXT: 3: (b7) r0 = 0
// CHECK-X86-NEXT: 4: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      kfunc_cast:
// CHECK-ARM64-NEXT: 0: (b7) r2 = 2
// CHECK-ARM64-NEXT: 1: (b7) r3 = 3
// CHECK-ARM64-NEXT: 2: (bf) r0 = r1
// CHECK-ARM64-NEXT: 3: (b7) r0 = 0
// CHECK-ARM64-NEXT: 4: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      kfunc_cast:
// CHECK-RV64-NEXT: 0: (b7) r2 = 2
// CHECK-RV64-NEXT: 1: (b7) r3 = 3
// CHECK-RV64-NEXT: 2: (bf) r0 = r1
// CHECK-RV64-NEXT: 3: (b7) r0 = 0
// CHECK-RV64-NEXT: 4: (95) exit
// CHECK-RV64-NOT:  {{.}}

// CHECK-X86-612:      kfunc_cast:
// CHECK-X86-612-NEXT: 0: (b7) r2 = 2
// CHECK-X86-612-NEXT: 1: (b7) r3 = 3
// CHECK-X86-612-NEXT: 2: (bf) r0 = r1
// CHECK-X86-612-NEXT: 3: (b7) r0 = 0
// CHECK-X86-612-NEXT: 4: (95) exit
// CHECK-X86-612-NOT:  {{.}}

// WHY: 1 of 1 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 0, kernel 0
// KERNEL: kfunc_cast: match (5 insns)
