// --json on every verb: valid JSON (python3 -m json.tool accepts it) with
// the documented keys (kernel-mirror/README.md).
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 --json | python3 -m json.tool --sort-keys | FileCheck %s --check-prefix=XLATED
// RUN: not %nocsr check %t.o --arch arm64 --kernel 6.12 --json > %t.check.json
// RUN: python3 -m json.tool --sort-keys %t.check.json | FileCheck %s --check-prefix=CHECK
// RUN: %nocsr stats %t.o %t.o --arch riscv64 --kernel 7.3 --json | python3 -m json.tool --sort-keys | FileCheck %s --check-prefix=STATS
// RUN: %if bpf-load %{ %nocsr kernel %t.o --json | python3 -m json.tool --sort-keys | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int two_sites(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 7;"
	"r1 = *(u64 *)(r10 - 8);"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = 0;"
	"exit;" ::: "memory");
}

// XLATED:      "arch": "x86_64",
// XLATED-NEXT: "kernel": "6.18",
// XLATED-NEXT: "object": "{{.*}}.o",
// XLATED-NEXT: "programs": [
// XLATED-NEXT:   {
// XLATED-NEXT:     "insns": [
// XLATED-NEXT:       {
// XLATED-NEXT:         "code": 183,
// XLATED-NEXT:         "idx": 0,
// XLATED-NEXT:         "text": "(b7) r1 = 1"
// XLATED:              "text": "(b7) r0 = <cpu_number>"
// XLATED:          "name": "two_sites",
// XLATED-NEXT:     "section": "raw_tp",
// XLATED-NEXT:     "stack_after": "8",
// XLATED-NEXT:     "stack_before": "8"

// CHECK:      "arch": "arm64",
// CHECK-NEXT: "kernel": "6.12",
// CHECK-NEXT: "not_rewritten": 1,
// CHECK-NEXT: "object": "{{.*}}.o",
// CHECK-NEXT: "ok": false,
// CHECK-NEXT: "programs": [
// CHECK-NEXT:   {
// CHECK-NEXT:     "name": "two_sites",
// CHECK-NEXT:     "sites": [
// CHECK-NEXT:       {
// CHECK-NEXT:         "callee": "bpf_get_prandom_u32",
// CHECK-NEXT:         "clobber_mask": 1,
// CHECK-NEXT:         "file": "{{.*}}json_output.c",
// CHECK-NEXT:         "insn": 2,
// CHECK-NEXT:         "kind": "helper",
// CHECK-NEXT:         "line": {{[0-9]+}},
// CHECK-NEXT:         "lowest_off": -8,
// CHECK-NEXT:         "pairs": 1,
// CHECK-NEXT:         "reason": "not_fastcall",
// CHECK-NEXT:         "removed": 0,
// CHECK-NEXT:         "source": "{{.*}}",
// CHECK-NEXT:         "status": "kept",
// CHECK-NEXT:         "subprog": 0,
// CHECK-NEXT:         "why": "bpf_get_prandom_u32 is not a fastcall helper on 6.12"
// CHECK-NEXT:       },
// CHECK-NEXT:       {
// CHECK-NEXT:         "callee": "bpf_get_smp_processor_id",
// CHECK-NEXT:         "clobber_mask": 1,
// CHECK:              "insn": 5,
// CHECK:              "pairs": 1,
// CHECK-NEXT:         "reason": "ok",
// CHECK-NEXT:         "removed": 1,
// CHECK:              "status": "rewritten",
// CHECK-NEXT:         "subprog": 0,
// CHECK-NEXT:         "why": null
// CHECK:      "sites": 2

// STATS:      "arch": "riscv64",
// STATS-NEXT: "kernel": "7.3",
// STATS-NEXT: "programs": [
// STATS-NEXT:   {
// STATS-NEXT:     "insns_after": 7,
// STATS-NEXT:     "insns_before": 9,
// STATS-NEXT:     "object": "{{.*}}.o",
// STATS-NEXT:     "pairs_found": 2,
// STATS-NEXT:     "pairs_removed": 1,
// STATS-NEXT:     "program": "two_sites",
// STATS-NEXT:     "sites": 2,
// STATS-NEXT:     "stack_after": "8",
// STATS-NEXT:     "stack_before": "8"
// STATS-NEXT:   },
// STATS-NEXT:   {
// STATS:          "program": "two_sites",

// KERNEL:      "arch": "x86_64",
// KERNEL:      "match": true,
// KERNEL:      "programs": [
// KERNEL:              "kernel": "(b7) r1 = 1",
// KERNEL-NEXT:         "match": true,
// KERNEL-NEXT:         "mirror": "(b7) r1 = 1"
// KERNEL:          "stack_kernel": "8",
// KERNEL-NEXT:     "stack_mirror": "8"
// KERNEL:      "running": "{{.*}}"
