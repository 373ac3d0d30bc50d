// nocsr-run: a program that keeps r1 across bpf_get_smp_processor_id
// without a spill/fill pair (what a compiler that forgot a pair would
// emit).  On an old kernel r1 is garbage after the call: the compiled runs
// disagree with each other and with the rewritten one.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: not %build/bin/nocsr-run %t.o | FileCheck %s
// RUN: %build/bin/nocsr-run %t.o --prog kept | FileCheck %s --check-prefix=KEPT
// RUN: not %build/bin/nocsr-run %t.o --json > %t.json
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: python3 -c "import json, sys; d = json.load(open(sys.argv[1])); assert [p['verdict'] for p in d] == ['different', 'same'], d" %t.json
#include "nocsr_test.h"

SEC("raw_tp") __attribute__((naked)) int forgot(void)
{
	asm volatile (
	"r1 = 42;"
	"call 8;"
	"r0 = r1;"
	"exit;" ::: "memory");
}

// The same value through a pair is fine in every mode.
SEC("raw_tp") __attribute__((naked)) int kept(void)
{
	asm volatile (
	"r1 = 42;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"if r1 != 42 goto 1f;"
	"r0 = r1;"
	"1:"
	"exit;" ::: "memory");
}

// CHECK:      forgot: compiled  r0=0x{{[0-9a-f]+}} {{.*}} r0-is-garbage
// CHECK-NEXT: forgot: compiled seed 2 r0=0x{{[0-9a-f]+}} {{.*}} r0-is-garbage
// CHECK:      forgot: rewritten r0=0x2a
// CHECK-NOT:  r0-is-garbage
// CHECK:      forgot: DIFFERENT over 4 seeds: compiled depends on garbage; the two forms disagree

// JSON:      "program": "forgot", "section": "raw_tp", "verdict": "different"
// JSON-SAME: "forms_disagree": true, "compiled": {"seed1":
// JSON-SAME: "differing_seed": 2
// JSON:      "program": "kept", {{.*}} "verdict": "same"

// KEPT-NOT:  forgot
// KEPT:      kept: compiled  r0=0x2a
// KEPT-NOT:  garbage
// KEPT:      kept: same over 4 seeds
