// Context conversions the mirror does not model are named, never silently
// mismatched: `nocsr xlated` warns on stderr and puts a "note" in --json,
// `nocsr kernel` exits 1 and says why at the first difference.  Here an
// sk_msg context (struct sk_msg_md over struct sk_msg); the fastcall pair
// is still predicted.
// RUN: %cc19 -O2 -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 2>%t.err | FileCheck %s --check-prefix=CHECK-X86
// RUN: FileCheck %s --check-prefix=WARN < %t.err
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.12 2>&1 >/dev/null | FileCheck %s --check-prefix=WARN
// RUN: %nocsr xlated %t.o --json | python3 -m json.tool --sort-keys | FileCheck %s --check-prefix=JSON-XL
// RUN: %if bpf-load %{ not %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
// RUN: %if bpf-load %{ not %nocsr kernel %t.o --json | python3 -m json.tool --sort-keys | FileCheck %s --check-prefix=JSON %}
#include "nocsr_test.h"

SEC("sk_msg") __attribute__((naked)) int ctx_unmodelled(void)
{
	asm volatile (
	"r2 = 0;"
	"r6 = *(u32 *)(r1 + 16);"	/* family */
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// sk_msg gets the non-fastcall prototype of the helper (see
// prog_type_smp_processor_id.c): inlined, pair kept.
// CHECK-X86:      ctx_unmodelled:
// CHECK-X86-NEXT:    0: (b7) r2 = 0
// CHECK-X86-NEXT:    1: (61) r6 = *(u32 *)(r1 +16)
// CHECK-X86-NEXT:    2: (b7) r1 = 1
// CHECK-X86-NEXT:    3: (7b) *(u64 *)(r10 -8) = r1
// CHECK-X86-NEXT:    4: (b7) r0 = <cpu_number>

// WARN:     nocsr: warning: ctx_unmodelled: insn 1: context access: the kernel converts it (convert_ctx_accesses), this program type's context not modelled
// WARN-NOT: warning

// JSON-XL:      "idx": 1,
// JSON-XL-NEXT: "note": "context access: the kernel converts it (convert_ctx_accesses), this program type's context not modelled",
// JSON-XL-NEXT: "text": "(61) r6 = *(u32 *)(r1 +16)"

// KERNEL: 1: (61) r6 = *(u32 *)(r1 +16) ! 1: (79) r6 = *(u64 *)(r1 +{{[0-9]+}})
// KERNEL: stack depth: mirror 8, kernel 8
// KERNEL: ctx_unmodelled: MISMATCH at insn 1
// KERNEL: note: insn 1: context access: the kernel converts it (convert_ctx_accesses), this program type's context not modelled

// JSON: "first_mismatch": 1,
// JSON: "match": false,
// JSON: "note": "context access: the kernel converts it (convert_ctx_accesses), this program type's context not modelled",
