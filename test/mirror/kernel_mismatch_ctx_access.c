// `nocsr kernel` exit status 1 and the note on a rewrite the mirror does
// not model: a socket filter's context load, which the kernel converts
// into a load from struct sk_buff at a per-build offset.
// RUN: %cc19 -O2 -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %if bpf-load %{ not %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
// RUN: %if bpf-load %{ not %nocsr kernel %t.o --json | python3 -m json.tool --sort-keys | FileCheck %s --check-prefix=JSON %}
#include "nocsr_test.h"

SEC("socket") __attribute__((naked)) int ctx_len(void)
{
	asm volatile (
	"r6 = *(u32 *)(r1 + 0);"	/* skb->len */
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = r6;"
	"exit;" ::: "memory");
}

// Socket filters get the non-fastcall prototype of the helper (see
// prog_type_smp_processor_id.c): inlined, pairs kept.
// CHECK-X86:      ctx_len:
// CHECK-X86-NEXT:    0: (61) r6 = *(u32 *)(r1 +0)
// CHECK-X86-NEXT:    1: (b7) r1 = 1
// CHECK-X86-NEXT:    2: (7b) *(u64 *)(r10 -8) = r1
// CHECK-X86-NEXT:    3: (b7) r0 = <cpu_number>

// KERNEL: 0: (61) r6 = *(u32 *)(r1 +0) ! 0: (61) r6 = *(u32 *)(r1 +{{[0-9]+}})
// KERNEL: 1: (b7) r1 = 1 | 1: (b7) r1 = 1
// KERNEL: stack depth: mirror 8, kernel 8
// KERNEL: ctx_len: MISMATCH at insn 0
// KERNEL: note: insn 0: context access: the kernel converts it (convert_ctx_accesses, not modelled)

// JSON: "first_mismatch": 0,
// JSON: "match": false,
// JSON: "note": "context access: the kernel converts it (convert_ctx_accesses, not modelled)",
