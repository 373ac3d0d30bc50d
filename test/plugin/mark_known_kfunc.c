// mark-known also covers the kernel's fastcall kfuncs by name: an extern
// bpf_cast_to_kern_ctx declared without __bpf_fastcall gets pairs only with
// the plugin argument.
// RUN: %bpfcc -O2 -c %s -o %t.o
// RUN: %objdump %t.o | FileCheck %s --check-prefix=PLAIN
// RUN: %bpfcc -O2 -c %s -o %t.known.o -fplugin-arg-nocsr-mark-known
// RUN: %objdump %t.known.o | FileCheck %s --check-prefix=KNOWN
#include <linux/bpf.h>
#include "nocsr_test.h"

extern void *bpf_cast_to_kern_ctx(void *obj) __ksym;

SEC("tc")
int kk(struct __sk_buff *skb)
{
	__u64 len = skb->len;

	return (bpf_cast_to_kern_ctx(skb) != 0) + len;
}
// PLAIN-NOT: r10
// KNOWN: *(u64 *)(r10 - 0x8) = r{{[2-5]}}
// KNOWN-NEXT: call -0x1
// KNOWN-NEXT: r{{[2-5]}} = *(u64 *)(r10 - 0x8)
