// nocsr-run: a spill/fill pair around bpf_get_smp_processor_id, a map and
// global data.  The rewritten program (pair removed, call clobbers only r0)
// must compute what the compiled one does (call clobbers r0..r5).
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %build/bin/nocsr-run %t.o --arch arm64 --kernel 6.18 --prog pattern | FileCheck %s
// RUN: %build/bin/nocsr-run %t.o --arch x86_64 --kernel 6.18 --prog pattern | FileCheck %s --check-prefix=X86
// RUN: %build/bin/nocsr-run %t.o --arch riscv64 --kernel 6.12 --seeds 8 --prog pattern | FileCheck %s --check-prefix=RV64
// RUN: %build/bin/nocsr-run %t.o --arch x86_64 --kernel 6.18 --prog sock | FileCheck %s --check-prefix=SOCK
#include "nocsr_test.h"

struct {
	__uint(type, 2 /* BPF_MAP_TYPE_ARRAY */);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

int gv = 3;

SEC("raw_tp") __attribute__((naked)) int pattern(void)
{
	asm volatile (
	"r1 = 42;"
	"*(u64 *)(r10 - 16) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 16);"
	"r0 += r1;"
	"r6 = r0;"
	"*(u32 *)(r10 - 8) = 1;"
	"r1 = %[counts] ll;"
	"r2 = r10;"
	"r2 += -8;"
	"call 1;"
	"if r0 == 0 goto 1f;"
	"r1 = 5;"
	"lock *(u64 *)(r0 + 0) += r1;"
	"1:"
	"r1 = %[gv] ll;"
	"r2 = *(u32 *)(r1 + 0);"
	"r0 = r6;"
	"r0 += r2;"
	"exit;"
	:: [counts]"i"(&counts), [gv]"i"(&gv) : "memory");
}

// Socket programs get bpf_get_raw_smp_processor_id_proto, not fastcall:
// the pair stays, and the rewritten run clobbers r1..r5 like the compiled.
SEC("socket") __attribute__((naked)) int sock(void)
{
	asm volatile (
	"r1 = 42;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 += r1;"
	"exit;" ::: "memory");
}

// SOCK:      sock: compiled  r0=0x2a {{.*}} steps=6 calls=1 fastcalls=0
// x86 still inlines it (three insns, folded back into call + two NOPs).
// SOCK-NEXT: sock: rewritten r0=0x2a {{.*}} steps=8 calls=1 fastcalls=0
// SOCK-NEXT: sock: same over 4 seeds

// 42 + cpu 0 + gv 3.  The pair is gone (two insns fewer), the array
// lookup is inlined (one call fewer, seven insns more).
// CHECK:      pattern: compiled  r0=0x2d mem=[[MEM:[0-9a-f]+]] steps=19 calls=2 fastcalls=0
// CHECK-NEXT: pattern: rewritten r0=0x2d mem=[[MEM]] steps=22 calls=1 fastcalls=1
// CHECK-NEXT: pattern: same over 4 seeds

// x86_64 inlines the helper: folded back into a call, same length.
// X86:      pattern: compiled  r0=0x2d
// X86-NEXT: pattern: rewritten r0=0x2d {{.*}} steps=24 calls=1 fastcalls=1
// X86-NEXT: pattern: same over 4 seeds

// riscv64 runs the verifier's two zero extensions too (after the
// inlined lookup's index load and a 32-bit load read as 64 bits).
// RV64:      pattern: rewritten r0=0x2d {{.*}} steps=24
// RV64-NEXT: pattern: same over 8 seeds
