// REQUIRES: bpf-load
// On 6.18, socket filters (and cgroup_skb) get bpf_get_smp_processor_id
// from bpf_base_func_proto as bpf_get_raw_smp_processor_id_proto, which has
// no allow_fastcall: the verifier inlines the call but keeps the pair.  tc
// programs get the fastcall proto and lose it.  Both stay correct.
// RUN: %bpfcc -O2 -DSECTION='"socket"' -c %s -o %t.sock.o
// RUN: python3 %S/Inputs/prog_run.py %t.sock.o --data 00112233445566778899aabb08004500002e0000000040110000c0a80001c0a80002 | FileCheck %s --check-prefix=SOCKET
// RUN: %bpfcc -O2 -DSECTION='"tc"' -c %s -o %t.tc.o
// RUN: python3 %S/Inputs/prog_run.py %t.tc.o --data 00112233445566778899aabb08004500002e0000000040110000c0a80001c0a80002 | FileCheck %s --check-prefix=TC
#include <linux/bpf.h>
#include "nocsr_test.h"

SEC(SECTION)
int filt(struct __sk_buff *skb)
{
	__u64 len = skb->len;

	return (bpf_get_smp_processor_id() & 0) + len;
}
// SOCKET: (7b) *(u64 *)(r10 -8) = r1
// SOCKET-NEXT: r0 =
// SOCKET-NEXT: (bf) r0 = r0
// SOCKET-NEXT: (61) r0 = *(u32 *)(r0 +0)
// SOCKET-NEXT: (79) r1 = *(u64 *)(r10 -8)
// SOCKET: RETVAL 20
// TC-NOT: r10
// TC: (61) r0 = *(u32 *)(r0 +0)
// TC-NOT: r10
// TC: RETVAL 34
