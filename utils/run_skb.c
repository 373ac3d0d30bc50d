// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The packet and the __sk_buff a tc or socket program sees under
 * BPF_PROG_TEST_RUN (bpf_prog_test_run_skb), so the VM runs on the facts
 * the kernel's context conversion gives it:
 *
 * - data_in is an Ethernet frame; the kernel builds an skb on the
 *   loopback device (ifindex 1, address and broadcast all zero) and sets
 *   protocol and pkt_type as eth_type_trans does.  It also gives the skb
 *   a socket whose family and addresses come from the IP header, but
 *   tc and socket programs cannot read __sk_buff.family..local_port.
 * - sched_cls/sched_act see the frame from the MAC header (len = frame,
 *   data/data_end on it); socket filters see it pulled past the header
 *   (len = frame - 14, no direct packet access).
 * - ctx_in may set mark, priority, ingress_ifindex, ifindex, cb, tstamp,
 *   wire_len, gso_segs, gso_size and hwtstamp; ctx_out returns them except
 *   gso_size (left as it came in).  wire_len 0 means len.
 *
 * Every other field reads as zero in a fresh skb, except sk (the test
 * socket, a pointer the VM does not model: its loads are noted and the
 * host comparison declines the program).
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>

#include <bpf/libbpf.h>

#include "run.h"

#define SKB_OFF(f)	offsetof(struct __sk_buff, f)
#define SKB_SIZE(f)	sizeof(((struct __sk_buff *)0)->f)
#define SKB_LO_IFINDEX	1	/* LOOPBACK_IFINDEX in every netns */

enum run_skb_kind run_skb_kind_of(const char *sec)
{
	enum bpf_attach_type attach;
	enum bpf_prog_type type;

	if (libbpf_prog_type_by_name(sec, &type, &attach))
		return RUN_SKB_NONE;
	if (type == BPF_PROG_TYPE_SCHED_CLS || type == BPF_PROG_TYPE_SCHED_ACT)
		return RUN_SKB_L2;
	if (type == BPF_PROG_TYPE_SOCKET_FILTER)
		return RUN_SKB_L3;
	return RUN_SKB_NONE;
}

/* Ethernet (unicast to someone else), IPv4, UDP, then the ctx pattern. */
static void skb_fill_frame(__u8 *f, __u32 len)
{
	static const __u8 head[] = {
		0x02, 0, 0, 0, 0, 0x02,		/* h_dest: not lo's */
		0x02, 0, 0, 0, 0, 0x01,		/* h_source */
		0x08, 0x00,			/* ETH_P_IP */
		0x45, 0, 0, 0, 0, 1, 0x40, 0,	/* v4, tot_len below, DF */
		64, 17, 0, 0,			/* ttl, UDP, no csum */
		10, 0, 0, 1,			/* saddr */
		10, 0, 0, 2,			/* daddr */
		0x12, 0x34, 0x56, 0x78,		/* ports */
	};
	__u32 i;

	for (i = 0; i < len; i++)
		f[i] = i < sizeof(head) ? head[i] : (__u8)(i * 37 + 11);
	f[ETH_HLEN + 2] = (__u8)((len - ETH_HLEN) >> 8);
	f[ETH_HLEN + 3] = (__u8)(len - ETH_HLEN);
}

/* Fixed, non-zero values for every field ctx_in may set (gso_size 0: a
 * GSO skb would change what skb helpers do). */
static void skb_fill_ctx_in(struct __sk_buff *c)
{
	int i;

	memset(c, 0, sizeof(*c));
	c->mark = 0x6d61726b;
	c->priority = 6;
	c->ingress_ifindex = 3;
	for (i = 0; i < 5; i++)
		c->cb[i] = 0x0c0b0000u + (__u32)i;
	c->tstamp = 1000000007ull;
	c->gso_segs = 2;
	c->hwtstamp = 2000000011ull;
}

/* eth_type_trans: h_proto if an ethertype, else 802.3 raw or 802.2 LLC. */
static __u16 skb_protocol(const __u8 *f, __u32 len)
{
	__u16 proto = (__u16)(f[12] << 8 | f[13]);

	if (proto >= ETH_P_802_3_MIN)
		return proto;
	if (len >= ETH_HLEN + 2 && f[ETH_HLEN] == 0xff && f[ETH_HLEN + 1] == 0xff)
		return ETH_P_802_3;
	return ETH_P_802_2;
}

/* eth_skb_pkt_type against lo, whose address and broadcast are zero. */
static __u32 skb_pkt_type(const __u8 *dst)
{
	static const __u8 lo_addr[ETH_ALEN];

	if (!memcmp(dst, lo_addr, ETH_ALEN))
		return PACKET_HOST;
	return dst[0] & 1 ? PACKET_MULTICAST : PACKET_OTHERHOST;
}

static void skb_view(struct run_skb *s)
{
	struct __sk_buff *v = &s->view;
	__u16 proto = skb_protocol(s->frame, s->frame_len);

	*v = s->ctx_in;
	v->len = s->kind == RUN_SKB_L2 ? s->frame_len : s->frame_len - ETH_HLEN;
	v->pkt_type = skb_pkt_type(s->frame);
	v->protocol = htons(proto);
	v->ifindex = SKB_LO_IFINDEX;
	if (!v->wire_len)
		v->wire_len = v->len;
}

int run_skb_init(struct run_skb *s, enum run_skb_kind kind, __u32 frame_len)
{
	memset(s, 0, sizeof(*s));
	if (frame_len < RUN_SKB_MIN_FRAME)
		return -EINVAL;
	s->frame = malloc(frame_len);
	if (!s->frame)
		return -ENOMEM;
	s->kind = kind;
	s->frame_len = frame_len;
	skb_fill_frame(s->frame, frame_len);
	skb_fill_ctx_in(&s->ctx_in);
	skb_view(s);
	return 0;
}

void run_skb_free(struct run_skb *s)
{
	free(s->frame);
	s->frame = NULL;
}

static int skb_field(struct nocsr_vm *vm, __u32 off, __u32 size, __u64 val,
		     bool unknown)
{
	struct nocsr_vm_ctx_field f = { .off = off, .size = size, .val = val,
					.unknown = unknown };

	return nocsr_vm__add_ctx_field(vm, &f);
}

int run_skb_setup(struct nocsr_vm *vm, const struct run_skb *s, __u8 *pkt)
{
	__u64 data;
	int err;

	err = skb_field(vm, SKB_OFF(sk), 8, 0, true);
	if (err || s->kind != RUN_SKB_L2)
		return err;
	err = nocsr_vm__add_region(vm, "packet", pkt, s->frame_len, true, &data);
	if (!err)
		err = skb_field(vm, SKB_OFF(data), 4, data, false);
	if (!err)
		err = skb_field(vm, SKB_OFF(data_end), 4, data + s->frame_len,
				false);
	/* test_run gives no metadata: data_meta == data */
	if (!err)
		err = skb_field(vm, SKB_OFF(data_meta), 4, data, false);
	return err;
}

static const struct {
	const char *name;
	__u32 off;
	__u32 size;
} skb_out_fields[] = {
#define F(x)	{ #x, SKB_OFF(x), SKB_SIZE(x) }
	F(mark), F(priority), F(ingress_ifindex), F(ifindex), F(tstamp),
	F(cb), F(wire_len), F(gso_segs), F(hwtstamp),
#undef F
};

/*
 * What the kernel's ctx_out should hold after a run that left the VM's
 * ctx at vm_ctx: ctx_in with the fields test_run copies back.
 */
static void skb_want_ctx_out(const struct run_skb *s, const __u8 *vm_ctx,
			     struct __sk_buff *want)
{
	size_t i;

	*want = s->ctx_in;
	for (i = 0; i < sizeof(skb_out_fields) / sizeof(skb_out_fields[0]); i++)
		memcpy((__u8 *)want + skb_out_fields[i].off,
		       vm_ctx + skb_out_fields[i].off, skb_out_fields[i].size);
}

static const char *skb_field_at(__u32 off)
{
	size_t i;

	for (i = 0; i < sizeof(skb_out_fields) / sizeof(skb_out_fields[0]); i++)
		if (off >= skb_out_fields[i].off &&
		    off < skb_out_fields[i].off + skb_out_fields[i].size)
			return skb_out_fields[i].name;
	return "a field test_run leaves alone";
}

static __u32 first_diff(const __u8 *a, const __u8 *b, __u32 n)
{
	__u32 i;

	for (i = 0; i < n && a[i] == b[i]; i++)
		;
	return i;
}

int run_skb_cmp(const struct run_skb *s, const __u8 *vm_ctx,
		const __u8 *vm_pkt, const struct run_skb_out *out, char *why,
		size_t why_len)
{
	struct __sk_buff want;
	__u32 off;

	if (out->pkt_len != s->frame_len) {
		snprintf(why, why_len, "packet out: %u bytes, the VM has %u",
			 out->pkt_len, s->frame_len);
		return 1;
	}
	/* A socket filter's MAC header comes back zeroed (test_run pushes
	 * it again after the run); the program cannot write either. */
	off = s->kind == RUN_SKB_L2 ? 0 : ETH_HLEN;
	if (off && first_diff(out->pkt, (const __u8[ETH_HLEN]){ 0 }, off) < off) {
		snprintf(why, why_len, "packet out: MAC header not zeroed");
		return 1;
	}
	off += first_diff(out->pkt + off, (s->kind == RUN_SKB_L2 ? vm_pkt :
			  s->frame) + off, s->frame_len - off);
	if (off < s->frame_len) {
		snprintf(why, why_len, "packet out differs at byte %u", off);
		return 1;
	}
	skb_want_ctx_out(s, vm_ctx, &want);
	off = first_diff((const __u8 *)&out->ctx, (const __u8 *)&want,
			 sizeof(want));
	if (off < sizeof(want)) {
		snprintf(why, why_len, "ctx_out differs at %s (+%u)",
			 skb_field_at(off), off);
		return 1;
	}
	return 0;
}
