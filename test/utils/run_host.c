// nocsr-run --host: the running kernel's BPF_PROG_TEST_RUN must agree
// with the VM on r0 and on every map.
// REQUIRES: bpf-load
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %build/bin/nocsr-run %t.o --host --prog pattern --cpu 1 | FileCheck %s
// RUN: %build/bin/nocsr-run %t.o --host --prog pattern --arch x86_64 | FileCheck %s --check-prefix=X86
// RUN: %build/bin/nocsr-run %t.o --host --prog sys --ctx-size 16 | FileCheck %s --check-prefix=SYS
// RUN: not %build/bin/nocsr-run %t.o --host --prog noisy | FileCheck %s --check-prefix=NOISY
// RUN: %build/bin/nocsr-run %t.o --host --prog hashy --cpu 1 --arch x86_64 | FileCheck %s --check-prefix=HASH
#include "nocsr_test.h"

struct {
	__uint(type, 2 /* BPF_MAP_TYPE_ARRAY */);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} out SEC(".maps");

// out[0] = cpu + 100 through a spill/fill pair; r0 = ctx[0] + the cpu.
SEC("raw_tp") __attribute__((naked)) int pattern(void)
{
	asm volatile (
	"r6 = *(u64 *)(r1 + 0);"
	"r1 = 100;"
	"*(u64 *)(r10 - 24) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 24);"
	"r1 += r0;"
	"r6 += r0;"
	"*(u64 *)(r10 - 16) = r1;"
	"*(u32 *)(r10 - 8) = 0;"
	"r1 = %[out] ll;"
	"r2 = r10;"
	"r2 += -8;"
	"r3 = r10;"
	"r3 += -16;"
	"r4 = 0;"
	"call 2;"
	"r0 = r6;"
	"exit;"
	:: [out]"i"(&out) : "memory");
}

// A syscall program reads its ctx buffer.
SEC("syscall") int sys(void *ctx)
{
	__u32 k = 1;
	__u64 v = *(__u64 *)ctx ^ bpf_get_smp_processor_id();

	bpf_map_update_elem(&out, &k, &v, 0);
	return (__u32)v;
}

struct {
	__uint(type, 1 /* BPF_MAP_TYPE_HASH */);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} h SEC(".maps");

// Hash lookups, inlined by the verifier through __htab_map_lookup_elem.
SEC("raw_tp") int hashy(void *ctx)
{
	__u32 k = bpf_get_smp_processor_id() + 7;
	__u64 v = 5, *p;

	bpf_map_update_elem(&h, &k, &v, 0);
	p = bpf_map_lookup_elem(&h, &k);
	if (!p)
		return 1;
	*p += k;
	k++;
	return bpf_map_lookup_elem(&h, &k) ? 2 : 3;
}

// prandom: the VM's stream is not the kernel's, the maps disagree.
SEC("raw_tp") int noisy(void *ctx)
{
	__u32 k = 1;
	__u64 v = bpf_get_prandom_u32() | 1;

	bpf_map_update_elem(&out, &k, &v, 0);
	return 0;
}

// ctx[0..7] is the pattern 0b 30 55 7a 9f c4 e9 0e, plus cpu 1.
// CHECK:      pattern: compiled  r0=0xee9c49f7a55300c
// CHECK-NEXT: pattern: rewritten r0=0xee9c49f7a55300c {{.*}} steps=16 calls=2 fastcalls=1
// CHECK-NEXT: pattern: host      r0=0x7a55300c maps same
// CHECK-NEXT: pattern: same over 4 seeds and the host

// X86:      pattern: host      r0=0x7a55300b maps same
// X86-NEXT: pattern: same over 4 seeds and the host

// SYS:      sys: host      r0=0x7a55300b maps same
// SYS-NEXT: sys: same over 4 seeds and the host

// HASH:      hashy: compiled  r0=0x3 {{.*}} calls=4 fastcalls=0
// HASH-NEXT: hashy: rewritten r0=0x3 {{.*}} calls=4 fastcalls=1
// HASH-NEXT: hashy: host      r0=0x3 maps same
// HASH-NEXT: hashy: same over 4 seeds and the host

// NOISY:      noisy: host      r0=0x0 DIFFERENT: map out: values differ (expected: the program calls bpf_get_prandom_u32)
// NOISY-NEXT: noisy: DIFFERENT over 4 seeds: the host disagrees
