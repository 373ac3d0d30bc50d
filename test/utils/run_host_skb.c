// nocsr-run --host for tc and socket programs: the VM runs on the packet
// and __sk_buff BPF_PROG_TEST_RUN gives them, and the kernel's r0, maps,
// packet out and ctx_out must match.
// REQUIRES: bpf-load
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %build/bin/nocsr-run %t.o --host --prog fields_tc --cpu 1 --dump | FileCheck %s --check-prefix=TC
// RUN: %build/bin/nocsr-run %t.o --host --prog fields_tc --arch x86_64 --pkt-size 1514 | FileCheck %s --check-prefix=TC-BIG
// RUN: %build/bin/nocsr-run %t.o --host --prog fields_sock --pkt-size 34 | FileCheck %s --check-prefix=SOCK
// RUN: %build/bin/nocsr-run %t.o --host --prog uses_sk | FileCheck %s --check-prefix=SK
// RUN: not %build/bin/nocsr-run %t.o --host --prog queue_map | FileCheck %s --check-prefix=QUEUE
// RUN: not %build/bin/nocsr-run %t.o --host --prog stamp_pkt | FileCheck %s --check-prefix=STAMP
// RUN: not %build/bin/nocsr-run %t.o --host --prog noisy_mark | FileCheck %s --check-prefix=MARK
// RUN: not %build/bin/nocsr-run %t.o --prog fields_tc --pkt-size 33 2>&1 | FileCheck %s --check-prefix=BAD
#include <linux/bpf.h>
#include "nocsr_test.h"

struct {
	__uint(type, 2 /* BPF_MAP_TYPE_ARRAY */);
	__uint(max_entries, 40);
	__type(key, __u32);
	__type(value, __u64);
} f SEC(".maps");

static __always_inline void put(__u32 k, __u64 v)
{
	bpf_map_update_elem(&f, &k, &v, 0);
}

// The fields tc and socket programs may both read.
static __always_inline void put_common(struct __sk_buff *skb)
{
	put(0, skb->len); put(1, skb->pkt_type); put(2, skb->mark);
	put(3, skb->queue_mapping); put(4, skb->protocol);
	put(5, skb->vlan_present); put(6, skb->vlan_tci);
	put(7, skb->vlan_proto); put(8, skb->priority);
	put(9, skb->ingress_ifindex); put(10, skb->ifindex);
	put(11, skb->tc_index); put(12, skb->cb[0]); put(13, skb->cb[4]);
	put(14, skb->hash); put(16, skb->napi_id); put(19, skb->gso_segs);
	put(20, skb->gso_size);
}

// Every field a tc program may read, the packet through data/data_end,
// and writes to the packet and to fields ctx_out returns.
SEC("tc") int fields_tc(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	__u8 *p = data;

	put_common(skb);
	put(15, skb->tc_classid); put(17, skb->tstamp);
	put(18, skb->wire_len); put(21, skb->tstamp_type);
	put(22, skb->hwtstamp); put(23, (long)end - (long)data);
	put(24, (long)skb->data_meta == (long)skb->data);
	if (p + 40 > (__u8 *)end)
		return 1;
	put(25, p[12] << 8 | p[13]);
	put(26, *(__u32 *)(p + 26));
	p[39] = (__u8)bpf_get_smp_processor_id() + 0x40;
	skb->mark = 77;
	skb->cb[2] = 0x99;
	skb->priority = 5;
	skb->tstamp = 123456;
	return skb->len + skb->protocol;
}

// A socket filter sees the frame past its MAC header and writes cb only.
SEC("socket") int fields_sock(struct __sk_buff *skb)
{
	put_common(skb);
	skb->cb[1] = 0x42;
	return skb->len;
}

// skb->sk is the kernel's test socket: the VM cannot know it.
SEC("tc") int uses_sk(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	return sk ? sk->family : 7;
}

// The kernel drops a queue_mapping store >= 0xffff; the VM's plain bytes
// keep it: a real difference the host comparison must catch.
SEC("tc") int queue_map(struct __sk_buff *skb)
{
	volatile __u32 *qm = &skb->queue_mapping;

	*qm = 0x12345;
	return *qm;
}

// What the kernel's clock says lands in the packet.
SEC("tc") int stamp_pkt(struct __sk_buff *skb)
{
	__u8 *p = (void *)(long)skb->data;

	if (p + 64 > (__u8 *)(long)skb->data_end)
		return 1;
	*(__u64 *)(p + 48) = bpf_ktime_get_ns();
	return 0;
}

// ... or in ctx_out.
SEC("socket") int noisy_mark(struct __sk_buff *skb)
{
	skb->cb[3] = bpf_get_prandom_u32() | 1;
	return 0;
}

// len 64, pkt_type PACKET_OTHERHOST, mark and priority from ctx_in,
// protocol ETH_P_IP (network order), ifindex 1 (lo), cb from ctx_in.
// TC:      fields_tc: compiled  r0=0x48
// TC:      map f: array, 40 x 8 bytes
// TC-NEXT:   0000: 40 00 00 00 00 00 00 00 03 00 00 00 00 00 00 00
// TC-NEXT:   0010: 6b 72 61 6d 00 00 00 00 00 00 00 00 00 00 00 00
// TC-NEXT:   0020: 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
// TC-NEXT:   *
// TC-NEXT:   0040: 06 00 00 00 00 00 00 00 03 00 00 00 00 00 00 00
// TC-NEXT:   0050: 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
// TC-NEXT:   0060: 00 00 0b 0c 00 00 00 00 04 00 0b 0c 00 00 00 00
// hash, tc_classid, napi_id 0; tstamp, wire_len = len, gso_segs; gso_size,
// tstamp_type 0; hwtstamp, data_end - data, data_meta == data, h_proto, saddr
// TC-NEXT:   *
// TC-NEXT:   0080: 00 00 00 00 00 00 00 00 07 ca 9a 3b 00 00 00 00
// TC-NEXT:   0090: 40 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00
// TC-NEXT:   *
// TC-NEXT:   00b0: 0b 94 35 77 00 00 00 00 40 00 00 00 00 00 00 00
// TC-NEXT:   00c0: 01 00 00 00 00 00 00 00 00 08 00 00 00 00 00 00
// TC-NEXT:   00d0: 0a 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00
// TC:      packet: 64 bytes
// TC:        0020: 00 02 12 34 56 78 89 41 d3 f8 1d 42 67 8c b1 d6
// TC:      fields_tc: host      r0=0x48 maps, packet, ctx_out same
// TC-NEXT: fields_tc: same over 4 seeds and the host

// TC-BIG:      fields_tc: host      r0=0x5f2 maps, packet, ctx_out same
// TC-BIG-NEXT: fields_tc: same over 4 seeds and the host

// SOCK:      fields_sock: compiled  r0=0x14
// SOCK:      fields_sock: host      r0=0x14 maps, packet, ctx_out same
// SOCK-NEXT: fields_sock: same over 4 seeds and the host

// SK:      uses_sk: host      skipped: the program reads ctx+168, whose kernel value the VM does not model
// SK-NEXT: uses_sk: same over 4 seeds

// QUEUE:      queue_map: compiled  r0=0x12345
// QUEUE:      queue_map: host      r0=0x0 DIFFERENT: r0 differs
// QUEUE-NEXT: queue_map: DIFFERENT over 4 seeds: the host disagrees

// The first differing byte of the two clocks, most often the lowest.
// STAMP:      stamp_pkt: host      r0=0x0 DIFFERENT: packet out differs at byte {{4[89]|5[0-5]}} (expected: the program calls bpf_ktime_get_ns)

// MARK:       noisy_mark: host      r0=0x0 DIFFERENT: ctx_out differs at cb (+{{6[0-3]}}) (expected: the program calls bpf_get_prandom_u32)

// BAD: nocsr-run: bad option --pkt-size
