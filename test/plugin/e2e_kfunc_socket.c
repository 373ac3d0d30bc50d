// REQUIRES: bpf-load
// Fastcall kfuncs on the host kernel: bpf_cast_to_kern_ctx and
// bpf_rdonly_cast become r0 = r1 and their pairs go; the socket filter
// returns what the plain build returns on a test packet.  libbpf needs the
// BTF (-g) to resolve the kfuncs.
// RUN: %bpfcc -O2 -g -c %s -o %t.o
// RUN: %cc19 -O2 -g -c %s -o %t.plain.o
// RUN: %objdump %t.o | python3 %S/Inputs/check_pairs.py "call -0x1" | FileCheck %s --check-prefix=OBJ
// RUN: python3 %S/Inputs/prog_run.py %t.o --data 00112233445566778899aabb080045000014000000004006000000000000000000000000 > %t.out
// RUN: FileCheck %s < %t.out
// RUN: python3 %S/Inputs/prog_run.py %t.plain.o --no-xlated --data 00112233445566778899aabb080045000014000000004006000000000000000000000000 > %t.plain
// RUN: grep -E '^(PROG|RETVAL)' %t.out | diff %t.plain -
#include <linux/bpf.h>
#include "nocsr_test.h"

extern void *bpf_cast_to_kern_ctx(void *obj) __ksym __bpf_fastcall;
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __bpf_fastcall;

SEC("socket")
int kf(struct __sk_buff *skb)
{
	__u64 a = skb->len, b = skb->protocol;
	void *k = bpf_cast_to_kern_ctx(skb);

	return (k != 0) + a * b + (bpf_rdonly_cast(k, 0) != 0) + a;
}
// OBJ: kf: call -0x1 at {{[0-9]+}}: 2 pairs
// OBJ-NEXT: kf: call -0x1 at {{[0-9]+}}: 3 pairs
// CHECK-LABEL: PROG kf
// CHECK-NOT: r10
// CHECK: (bf) r0 = r1
// CHECK-NOT: r10
// CHECK: (bf) r0 = r1
// CHECK-NOT: r10
// CHECK: RETVAL
