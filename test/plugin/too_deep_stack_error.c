// A frame of 504 bytes leaves room for one pair, not two: the compile fails
// with an error naming the function instead of dropping a pair.  With 496
// bytes the two pairs fit at r10-512 and r10-504.
// RUN: not %bpfcc -O2 -DSIZE=504 -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: %bpfcc -O2 -DSIZE=496 -c %s -o %t.o
// RUN: %objdump %t.o | FileCheck %s --check-prefix=FITS
#include "nocsr_test.h"

SEC("raw_tp")
int deep(__u64 *ctx)
{
	char buf[SIZE];
	__u64 a, b;

	bpf_probe_read_kernel(buf, sizeof(buf), (void *)ctx[2]);
	a = ctx[0];
	b = ctx[1];
	return bpf_get_smp_processor_id() * a + b + buf[a & 63];
}
// CHECK: error: nocsr: 'deep' needs 2 fastcall slots below its frame (r10-504), reaching r10-520, past the 512-byte BPF stack
// FITS: *(u64 *)(r10 - 0x1f8) = r{{[0-5]}}
// FITS-NEXT: *(u64 *)(r10 - 0x200) = r{{[0-5]}}
// FITS-NEXT: call 0x8
