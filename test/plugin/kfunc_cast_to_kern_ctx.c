// Fastcall kfuncs (declared __ksym __bpf_fastcall): pairs around the kfunc
// call, its argument register r1 not paired, and the call still a kfunc
// relocation against the extern symbol.
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -c %s -o %t.o
// RUN: %objdump -r %t.o | FileCheck %s
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
// CHECK-LABEL: <kf>:
// CHECK: *(u64 *)(r10 - 0x10) = r{{[2-5]}}
// CHECK-NEXT: *(u64 *)(r10 - 0x18) = r{{[2-5]}}
// CHECK-NEXT: call -0x1
// CHECK-NEXT: R_BPF_64_32 bpf_cast_to_kern_ctx
// CHECK-NEXT: r{{[2-5]}} = *(u64 *)(r10 - 0x18)
// CHECK-NEXT: r{{[2-5]}} = *(u64 *)(r10 - 0x10)
// CHECK: *(u64 *)(r10 - 0x8) = r{{[3-5]}}
// CHECK-NEXT: *(u64 *)(r10 - 0x10) = r{{[3-5]}}
// CHECK-NEXT: *(u64 *)(r10 - 0x18) = r{{[3-5]}}
// CHECK-NEXT: call -0x1
// CHECK-NEXT: R_BPF_64_32 bpf_rdonly_cast
// CHECK-NEXT: r{{[3-5]}} = *(u64 *)(r10 - 0x18)
