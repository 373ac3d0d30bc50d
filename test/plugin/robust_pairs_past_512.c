// Pairs that would pass fp-512, with two call sites: a clang error naming
// the function (the other function, which needs no pair, is not blamed);
// 16 bytes less and both sites' pairs fit at the bottom of the stack.  A
// variable length array next to a marked call is the BPF backend's own
// error (clang 14's backend reports it through report_fatal_error, with or
// without the plugin, so that line is for newer clangs).  No crash, with
// the machine verifier on.
// RUN: not %bpfcc -O2 -mllvm -verify-machineinstrs -DSIZE=504 -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not="PLEASE submit" --implicit-check-not="'second'"
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -DSIZE=488 -c %s -o %t.o
// RUN: %objdump %t.o | FileCheck %s --check-prefix=FITS
// RUN: %if !llvm-14 %{ not %bpfcc -O2 -mllvm -verify-machineinstrs -DSIZE=488 -DVLA -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=VLA --implicit-check-not="PLEASE submit" %}
#include "nocsr_test.h"

SEC("raw_tp") int two_sites(__u64 *ctx)
{
	char buf[SIZE];
	__u64 a, b;
	__u32 c;

	bpf_probe_read_kernel(buf, sizeof(buf), (void *)ctx[2]);
	a = ctx[0];
	b = ctx[1];
	c = bpf_get_smp_processor_id() * a + b;
	return bpf_get_smp_processor_id() * c + buf[a & 63];
}

SEC("raw_tp") int second(__u64 *ctx)
{
	char buf[SIZE];
	__u64 a = ctx[0];

	bpf_probe_read_kernel(buf, sizeof(buf), (void *)ctx[2]);
	return bpf_get_smp_processor_id() * a + buf[a & 63];
}

#ifdef VLA
SEC("raw_tp") int vla(__u64 *ctx)
{
	char buf[ctx[0] & 15];
	__u64 a = ctx[1];

	bpf_probe_read_kernel(buf, sizeof(buf), (void *)ctx[2]);
	return bpf_get_smp_processor_id() * a + buf[0];
}
#endif

// CHECK: error: nocsr: 'two_sites' needs 2 fastcall slots below its frame (r10-504), reaching r10-520, past the 512-byte BPF stack
// FITS-LABEL: <two_sites>:
// FITS: *(u64 *)(r10 - 0x1f0) = r{{[0-5]}}
// FITS-NEXT: *(u64 *)(r10 - 0x1f8) = r{{[0-5]}}
// FITS-NEXT: call 0x8
// FITS: *(u64 *)(r10 - 0x1f0) = r{{[0-5]}}
// FITS-NEXT: *(u64 *)(r10 - 0x1f8) = r{{[0-5]}}
// FITS-NEXT: call 0x8
// VLA: error: unsupported dynamic stack allocation
