// bpf_get_smp_processor_id is fastcall only for some program types
// (nocsr_sec_raw_smp_processor_id in include/nocsr/contract.h): in a
// socket filter the remark says the pairs stay, and mark-known leaves an
// unmarked declaration alone there; in tc it marks and pairs it.
// RUN: %bpfcc -O2 -c %s -o %t.o -Rpass=nocsr 2>&1 | FileCheck %s --check-prefix=MARKED
// RUN: %bpfcc -O2 -DUNMARKED -fplugin-arg-nocsr-mark-known -c %s -o %t.known.o -Rpass=nocsr -Rpass-missed=nocsr 2>&1 | FileCheck %s --check-prefix=KNOWN
// RUN: %objdump %t.known.o | FileCheck %s --check-prefix=CODE
#include <linux/bpf.h>
#include "nocsr_test.h"

#ifdef UNMARKED
static __u32 (*const cpu)(void) = (void *)8;
#else
#define cpu bpf_get_smp_processor_id
#endif

SEC("socket")
int sock(struct __sk_buff *skb)
{
	__u64 len = skb->len;

	return (cpu() & 0) + len;
}

SEC("tc")
int cls(struct __sk_buff *skb)
{
	__u64 len = skb->len;

	return (cpu() & 0) + len;
}

// MARKED: remark_program_type.c:22:10: remark: fastcall bpf_get_smp_processor_id#8: 1 pair: r1 at r10-8 (not fastcall in socket programs: the pairs stay) [-Rpass=nocsr]
// MARKED: remark_program_type.c:30:10: remark: fastcall bpf_get_smp_processor_id#8: 1 pair: r1 at r10-8 [-Rpass=nocsr]

// KNOWN-NOT: remark_program_type.c:22
// KNOWN: remark_program_type.c:30:10: remark: fastcall bpf_get_smp_processor_id#8: 1 pair: r1 at r10-8 (marked by mark-known) [-Rpass=nocsr]
// KNOWN-NOT: remark

// CODE-LABEL: <sock>:
// CODE-NOT: r10
// CODE-LABEL: <cls>:
// CODE: *(u64 *)(r10 - 0x8) = r1
// CODE-NEXT: call 0x8
// CODE-NEXT: r1 = *(u64 *)(r10 - 0x8)
