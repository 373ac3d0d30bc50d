// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * convert_ctx_accesses(): after verification the kernel rewrites every load
 * and store through the context pointer into loads and stores of its own
 * structs (struct sk_buff behind __sk_buff, struct xdp_buff behind xdp_md).
 * Modelled here, instruction for instruction as Linux 6.12-6.18 emit them
 * (net/core/filter.c bpf_convert_ctx_access, tc_cls_act_convert_ctx_access,
 * sk_skb_convert_ctx_access, xdp_convert_ctx_access; the narrow-load and
 * sign-extension tails of kernel/bpf/verifier.c), for socket filters,
 * cgroup_skb, lwt, sk_skb, tc and xdp, and the prologue tc, sk_skb and
 * lwt_xmit programs get when they write packet data.  Checked against
 * 6.18 on x86_64 (test/mirror/ctx_*.c); the 7.3 profile is assumed to
 * emit the same.
 *
 * The conversion does not depend on the arch: every arch we know is 64-bit
 * little-endian (no bitfield shift, NET_SKBUFF_DATA_USES_OFFSET, 8-byte
 * pointers).  The struct offsets depend on the build: they come from vmlinux
 * BTF when the mirror predicts for the running kernel, otherwise they print
 * as placeholders such as <offsetof(sk_buff,len)>.  The build configuration
 * is assumed to be a distribution one: CONFIG_NET_SCHED, CONFIG_IPV6,
 * CONFIG_NET_RX_BUSY_POLL and CONFIG_NET_XGRESS set.
 *
 * Not modelled, reported with a note on the instruction: the context of
 * every other program type that has a convert_ctx_access (sock_ops,
 * sk_msg, the cgroup sock/sockopt/sysctl/dev hooks, flow_dissector,
 * sk_lookup, sk_reuseport, perf_event, netfilter), __sk_buff fields not
 * listed below (flow_keys, which no program type may read), ctx accesses
 * the verification walk does not see as such (a ctx pointer it lost in a
 * join: contract.c).  Tracing, kprobe, raw_tp, syscall and struct_ops
 * contexts are not converted by the kernel at all.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#include <linux/btf.h>

#include "internal.h"

#define AX		11	/* BPF_REG_AX */
#define NOTE(what)	"context access: the kernel converts it " \
			"(convert_ctx_accesses), " what " not modelled"
#define SKB_CB_OFF	48	/* offsetof(struct __sk_buff, cb[0]) */
#define NO_QUEUE_MAPPING 0xffff
#define PKT_TYPE_MAX	7	/* little-endian bitfield */

/* The kernel struct members a conversion reads; offsets are per build. */
enum kfield {
	KF_NONE,
	SKB_LEN, SKB_PKT_TYPE, SKB_MARK, SKB_QUEUE_MAPPING, SKB_PROTOCOL,
	SKB_VLAN_ALL, SKB_VLAN_TCI, SKB_VLAN_PROTO, SKB_PRIORITY, SKB_IIF,
	SKB_DEV, SKB_TC_INDEX, SKB_CB, SKB_HASH, SKB_DATA, SKB_NAPI_ID,
	SKB_SK, SKB_END, SKB_HEAD, SKB_TSTAMP, SKB_MONO_TC, SKB_DATA_LEN,
	SKB_CLONED,
	QCB_DATA, QCB_TC_CLASSID, QCB_PKT_LEN, SDE_DATA_META, SDE_DATA_END,
	DEV_IFINDEX, SKC_FAMILY, SKC_DADDR, SKC_RCV_SADDR, SKC_V6_DADDR,
	SKC_V6_RCV_SADDR, SKC_DPORT, SKC_NUM,
	SHI_GSO_SEGS, SHI_GSO_SIZE, SHI_HWTSTAMPS,
	XDP_DATA, XDP_DATA_END, XDP_DATA_META, XDP_RXQ, XDP_TXQ,
	RXQ_DEV, RXQ_QUEUE_INDEX, TXQ_DEV,
	/* bit masks within the byte at SKB_MONO_TC */
	MASK_TC_AT_INGRESS, MASK_TSTAMP_TYPE, MASK_CLONED,
	KF_CNT,
};

static const struct { const char *st, *member; } kf_names[KF_CNT] = {
	[SKB_LEN] = { "sk_buff", "len" },
	[SKB_PKT_TYPE] = { "sk_buff", "__pkt_type_offset" },
	[SKB_MARK] = { "sk_buff", "mark" },
	[SKB_QUEUE_MAPPING] = { "sk_buff", "queue_mapping" },
	[SKB_PROTOCOL] = { "sk_buff", "protocol" },
	[SKB_VLAN_ALL] = { "sk_buff", "vlan_all" },
	[SKB_VLAN_TCI] = { "sk_buff", "vlan_tci" },
	[SKB_VLAN_PROTO] = { "sk_buff", "vlan_proto" },
	[SKB_PRIORITY] = { "sk_buff", "priority" },
	[SKB_IIF] = { "sk_buff", "skb_iif" },
	[SKB_DEV] = { "sk_buff", "dev" },
	[SKB_TC_INDEX] = { "sk_buff", "tc_index" },
	[SKB_CB] = { "sk_buff", "cb" },
	[SKB_HASH] = { "sk_buff", "hash" },
	[SKB_DATA] = { "sk_buff", "data" },
	[SKB_NAPI_ID] = { "sk_buff", "napi_id" },
	[SKB_SK] = { "sk_buff", "sk" },
	[SKB_END] = { "sk_buff", "end" },
	[SKB_HEAD] = { "sk_buff", "head" },
	[SKB_TSTAMP] = { "sk_buff", "tstamp" },
	[SKB_MONO_TC] = { "sk_buff", "__mono_tc_offset" },
	[SKB_DATA_LEN] = { "sk_buff", "data_len" },
	[SKB_CLONED] = { "sk_buff", "__cloned_offset" },
	[QCB_DATA] = { "qdisc_skb_cb", "data" },
	[QCB_TC_CLASSID] = { "qdisc_skb_cb", "tc_classid" },
	[QCB_PKT_LEN] = { "qdisc_skb_cb", "pkt_len" },
	[SDE_DATA_META] = { "bpf_skb_data_end", "data_meta" },
	[SDE_DATA_END] = { "bpf_skb_data_end", "data_end" },
	[DEV_IFINDEX] = { "net_device", "ifindex" },
	[SKC_FAMILY] = { "sock_common", "skc_family" },
	[SKC_DADDR] = { "sock_common", "skc_daddr" },
	[SKC_RCV_SADDR] = { "sock_common", "skc_rcv_saddr" },
	[SKC_V6_DADDR] = { "sock_common", "skc_v6_daddr" },
	[SKC_V6_RCV_SADDR] = { "sock_common", "skc_v6_rcv_saddr" },
	[SKC_DPORT] = { "sock_common", "skc_dport" },
	[SKC_NUM] = { "sock_common", "skc_num" },
	[SHI_GSO_SEGS] = { "skb_shared_info", "gso_segs" },
	[SHI_GSO_SIZE] = { "skb_shared_info", "gso_size" },
	[SHI_HWTSTAMPS] = { "skb_shared_info", "hwtstamps" },
	[XDP_DATA] = { "xdp_buff", "data" },
	[XDP_DATA_END] = { "xdp_buff", "data_end" },
	[XDP_DATA_META] = { "xdp_buff", "data_meta" },
	[XDP_RXQ] = { "xdp_buff", "rxq" },
	[XDP_TXQ] = { "xdp_buff", "txq" },
	[RXQ_DEV] = { "xdp_rxq_info", "dev" },
	[RXQ_QUEUE_INDEX] = { "xdp_rxq_info", "queue_index" },
	[TXQ_DEV] = { "xdp_txq_info", "dev" },
	[MASK_TC_AT_INGRESS] = { "sk_buff", "tc_at_ingress" },
	[MASK_TSTAMP_TYPE] = { "sk_buff", "tstamp_type" },
	[MASK_CLONED] = { "sk_buff", "cloned" },
};

/* Program types by the conversion their context gets. */
enum ctx_kind {
	CTX_NONE,	/* no convert_ctx_access: loads stay as written */
	CTX_SKB,	/* bpf_convert_ctx_access */
	CTX_TC,		/* tc: ifindex without the NULL check */
	CTX_SK_SKB,	/* sk_skb: data_end computed from the head length */
	CTX_XDP,
	CTX_OTHER,	/* converted by the kernel, not modelled */
};

static const struct { const char *prefix; enum ctx_kind kind; } sec_kinds[] = {
	{ "socket", CTX_SKB }, { "cgroup_skb/", CTX_SKB }, { "cgroup/skb", CTX_SKB },
	{ "lwt_", CTX_SKB }, { "sk_skb", CTX_SK_SKB },
	{ "tc", CTX_TC }, { "classifier", CTX_TC }, { "action", CTX_TC },
	{ "netkit/", CTX_TC },
	{ "xdp", CTX_XDP },
	{ "sockops", CTX_OTHER }, { "sk_msg", CTX_OTHER }, { "cgroup/", CTX_OTHER },
	{ "flow_dissector", CTX_OTHER }, { "sk_lookup", CTX_OTHER },
	{ "sk_reuseport", CTX_OTHER }, { "perf_event", CTX_OTHER },
	{ "netfilter", CTX_OTHER },
};

static enum ctx_kind sec_kind(const char *sec)
{
	size_t i;

	for (i = 0; i < sizeof(sec_kinds) / sizeof(sec_kinds[0]); i++)
		if (!strncmp(sec, sec_kinds[i].prefix, strlen(sec_kinds[i].prefix)))
			return sec_kinds[i].kind;
	return CTX_NONE;
}

/* Offsets from vmlinux BTF, resolved once per process. */
static int kf_val[KF_CNT];
static bool kf_done, kf_ok;

/* The structs kf_names reads from, each once, found in one pass. */
static void resolve_all(const struct btf_scan *btf)
{
	const char *st[KF_CNT];
	int id[KF_CNT], f;
	size_t n = 0, i, of[KF_CNT];

	for (f = 1; f < KF_CNT; f++) {
		for (i = 0; i < n && strcmp(st[i], kf_names[f].st); i++)
			;
		if (i == n)
			st[n++] = kf_names[f].st;
		of[f] = i;
	}
	nocsr_btf_scan_find(btf, BTF_KIND_STRUCT, st, id, n);
	kf_ok = true;
	for (f = 1; f < KF_CNT; f++) {
		uint32_t bitsz = 0;
		long bits = id[of[f]] ? nocsr_btf_scan_member_bits(btf, (uint32_t)id[of[f]],
								   kf_names[f].member,
								   &bitsz) : -1;
		if (bits < 0) {
			pr_debug("vmlinux BTF has no %s.%s\n", kf_names[f].st,
				 kf_names[f].member);
			kf_ok = false;
			return;
		}
		if (f >= MASK_TC_AT_INGRESS)
			kf_val[f] = (int)(((1u << (bitsz ? bitsz : 1)) - 1) << (bits % 8));
		else
			kf_val[f] = (int)(bits / 8);
	}
}

/* The arch and kernel profile of this machine, looked up once per process. */
static bool host_profile(enum nocsr_arch *a, enum nocsr_kernel *k)
{
	static enum nocsr_arch arch;
	static enum nocsr_kernel kernel;
	static int known = -1;
	struct utsname u;

	if (known < 0)
		known = !nocsr_arch_host(&arch) && !uname(&u) &&
			!nocsr_kernel_from_release(u.release, &kernel);
	*a = arch;
	*k = kernel;
	return known;
}

/*
 * Numbers for the running kernel: only when the prediction is for it (host
 * arch and the profile uname selects), or when $NOCSR_VMLINUX names the
 * BTF to use.
 */
static bool use_btf(const struct nocsr_prog *p)
{
	enum nocsr_arch a;
	enum nocsr_kernel k;
	bool explicit;
	const struct btf_scan *btf = nocsr_vmlinux_btf(&explicit);

	if (!btf)
		return false;
	if (!explicit && (!host_profile(&a, &k) || a != p->arch || k != p->kernel))
		return false;
	if (!kf_done) {
		kf_done = true;
		resolve_all(btf);
	}
	return kf_ok;
}

/* Builds one converted instruction at a time. */
struct conv {
	const struct nocsr_prog *p;
	struct ctx_insn *out;
	int cnt;
	bool btf;
};

/*
 * Placeholder texts, kept for the life of the process: a handful of
 * (field, field, constant) combinations exist.
 */
static struct sym {
	uint8_t f1, f2;
	int16_t add;
	char text[112];
} syms[64];
static size_t sym_cnt;

static const char *off_sym(enum kfield f1, enum kfield f2, int add)
{
	struct sym *y;
	size_t i;
	int n;

	for (i = 0; i < sym_cnt; i++)
		if (syms[i].f1 == f1 && syms[i].f2 == f2 && syms[i].add == add)
			return syms[i].text;
	if (sym_cnt == sizeof(syms) / sizeof(syms[0]))
		return "+<offset>";
	y = &syms[sym_cnt++];
	y->f1 = (uint8_t)f1;
	y->f2 = (uint8_t)f2;
	y->add = (int16_t)add;
	n = snprintf(y->text, sizeof(y->text), "+<offsetof(%s,%s)",
		     kf_names[f1].st, kf_names[f1].member);
	if (f2)
		n += snprintf(y->text + n, sizeof(y->text) - (size_t)n,
			      "+offsetof(%s,%s)", kf_names[f2].st, kf_names[f2].member);
	if (add)
		n += snprintf(y->text + n, sizeof(y->text) - (size_t)n, "%+d", add);
	snprintf(y->text + n, sizeof(y->text) - (size_t)n, ">");
	return y->text;
}

/* Offset f1 + f2 + add, as a number or as "+<offsetof(...)+...>". */
static void put_mem(struct conv *c, uint8_t code, uint8_t dst, uint8_t src,
		    enum kfield f1, enum kfield f2, int add, int32_t imm)
{
	struct ctx_insn *o = &c->out[c->cnt++];

	o->insn = (struct bpf_insn){ .code = code, .dst_reg = dst, .src_reg = src,
				     .imm = imm };
	o->off_sym = NULL;
	o->imm_sym = NULL;
	if (c->btf) {
		o->insn.off = (int16_t)(kf_val[f1] + (f2 ? kf_val[f2] : 0) + add);
		return;
	}
	o->off_sym = off_sym(f1, f2, add);
}

static void put(struct conv *c, struct bpf_insn insn, const char *imm_sym)
{
	c->out[c->cnt].insn = insn;
	c->out[c->cnt].off_sym = NULL;
	c->out[c->cnt].imm_sym = imm_sym;
	c->cnt++;
}

static struct bpf_insn raw(uint8_t code, uint8_t dst, uint8_t src, int16_t off,
			   int32_t imm)
{
	return (struct bpf_insn){ .code = code, .dst_reg = dst, .src_reg = src,
				  .off = off, .imm = imm };
}

#define LDX(sz, d, s, f1, f2, add) \
	put_mem(c, BPF_LDX | BPF_MEM | (sz), d, s, f1, f2, add, 0)

/* BPF_EMIT_STORE: the program's own store, re-aimed. */
static void store(struct conv *c, const struct bpf_insn *si, uint8_t sz,
		  enum kfield f1, enum kfield f2, int add)
{
	put_mem(c, BPF_CLASS(si->code) | sz | BPF_MEM, si->dst_reg, si->src_reg,
		f1, f2, add, si->imm);
}

/* skb_shinfo(skb) into dst: head + end (64-bit: end is an offset). */
static void shinfo(struct conv *c, uint8_t dst, uint8_t skb)
{
	LDX(BPF_W, AX, skb, SKB_END, KF_NONE, 0);
	LDX(BPF_DW, dst, skb, SKB_HEAD, KF_NONE, 0);
	put(c, raw(BPF_ALU64 | BPF_ADD | BPF_X, dst, AX, 0, 0), NULL);
}

static void sk_field(struct conv *c, const struct bpf_insn *si, uint8_t sz,
		     enum kfield f, int add)
{
	LDX(BPF_DW, si->dst_reg, si->src_reg, SKB_SK, KF_NONE, 0);
	LDX(sz, si->dst_reg, si->dst_reg, f, KF_NONE, add);
}

static void mask_imm(struct conv *c, uint8_t code, uint8_t dst, int16_t off,
		     enum kfield mask, const char *sym, bool invert)
{
	int32_t v = c->btf ? kf_val[mask] : 0;

	put(c, raw(code, dst, 0, off, invert ? ~v : v), c->btf ? NULL : sym);
}

/*
 * tstamp (CONFIG_NET_XGRESS): unless the program also reads tstamp_type,
 * a delivery time stamped at tc ingress reads as 0, and a write at
 * ingress clears the stamp's type first.
 */
static void tstamp(struct conv *c, const struct bpf_insn *si, bool wr)
{
	uint8_t skb = wr ? si->dst_reg : si->src_reg;

	if (!c->p->ctx_tstamp_type) {
		LDX(BPF_B, AX, skb, SKB_MONO_TC, KF_NONE, 0);
		mask_imm(c, BPF_JMP32 | BPF_JSET | BPF_K, AX, 1, MASK_TC_AT_INGRESS,
			 "<TC_AT_INGRESS_MASK>", false);
		put(c, raw(BPF_JMP | BPF_JA, 0, 0, wr ? 2 : 4, 0), NULL);
	}
	if (!c->p->ctx_tstamp_type && wr) {
		mask_imm(c, BPF_ALU | BPF_AND | BPF_K, AX, 0, MASK_TSTAMP_TYPE,
			 "<~SKB_TSTAMP_TYPE_MASK>", true);
		put_mem(c, BPF_STX | BPF_MEM | BPF_B, skb, AX, SKB_MONO_TC, KF_NONE, 0, 0);
	} else if (!c->p->ctx_tstamp_type) {
		mask_imm(c, BPF_JMP32 | BPF_JSET | BPF_K, AX, 1, MASK_TSTAMP_TYPE,
			 "<SKB_TSTAMP_TYPE_MASK>", false);
		put(c, raw(BPF_JMP | BPF_JA, 0, 0, 2, 0), NULL);
		put(c, raw(BPF_ALU64 | BPF_MOV | BPF_K, si->dst_reg, 0, 0, 0), NULL);
		put(c, raw(BPF_JMP | BPF_JA, 0, 0, 1, 0), NULL);
	}
	if (wr)
		store(c, si, BPF_DW, SKB_TSTAMP, KF_NONE, 0);
	else
		LDX(BPF_DW, si->dst_reg, si->src_reg, SKB_TSTAMP, KF_NONE, 0);
}

/* Accesses whose converted form is one load/store of a field: size, field. */
static const struct { int16_t off; uint8_t sz; uint8_t f1, f2; bool wr; } skb_simple[] = {
	{ 0, BPF_W, SKB_LEN, 0, false },
	{ 8, BPF_W, SKB_MARK, 0, true },
	{ 16, BPF_H, SKB_PROTOCOL, 0, false },
	{ 24, BPF_H, SKB_VLAN_TCI, 0, false },
	{ 28, BPF_H, SKB_VLAN_PROTO, 0, false },
	{ 32, BPF_W, SKB_PRIORITY, 0, true },
	{ 36, BPF_W, SKB_IIF, 0, false },
	{ 44, BPF_H, SKB_TC_INDEX, 0, true },
	{ 68, BPF_W, SKB_HASH, 0, false },
	{ 72, BPF_H, SKB_CB, QCB_TC_CLASSID, true },
	{ 76, BPF_DW, SKB_DATA, 0, false },
	{ 80, BPF_DW, SKB_CB, SDE_DATA_END, false },
	{ 140, BPF_DW, SKB_CB, SDE_DATA_META, false },
	{ 160, BPF_W, SKB_CB, QCB_PKT_LEN, false },
	{ 168, BPF_DW, SKB_SK, 0, false },
};

/* Socket fields: one load through skb->sk. */
static const struct { int16_t off; uint8_t sz; uint8_t f; } sk_simple[] = {
	{ 88, BPF_H, SKC_FAMILY },
	{ 92, BPF_W, SKC_DADDR },
	{ 96, BPF_W, SKC_RCV_SADDR },
	{ 136, BPF_H, SKC_NUM },
};

static int size_bytes(uint8_t sz)
{
	return sz == BPF_DW ? 8 : sz == BPF_W ? 4 : sz == BPF_H ? 2 : 1;
}

/*
 * One __sk_buff access, si->off already aligned for narrow loads.
 * Returns the loaded field's size (the kernel's target_size), 0 when the
 * access is not modelled.
 */
static int conv_skb(struct conv *c, const struct bpf_insn *si, bool wr,
		    enum ctx_kind kind, const char **why)
{
	uint8_t d = si->dst_reg, s = si->src_reg, sz = BPF_SIZE(si->code);
	size_t i;

	for (i = 0; i < sizeof(skb_simple) / sizeof(skb_simple[0]); i++) {
		if (skb_simple[i].off != si->off)
			continue;
		if (kind == CTX_SK_SKB && si->off == 80) {	/* data + headlen */
			LDX(BPF_DW, d, s, SKB_DATA, KF_NONE, 0);
			LDX(BPF_W, AX, s, SKB_LEN, KF_NONE, 0);
			put(c, raw(BPF_ALU64 | BPF_ADD | BPF_X, d, AX, 0, 0), NULL);
			LDX(BPF_W, AX, s, SKB_DATA_LEN, KF_NONE, 0);
			put(c, raw(BPF_ALU64 | BPF_SUB | BPF_X, d, AX, 0, 0), NULL);
			return 8;
		}
		if (wr)
			store(c, si, skb_simple[i].sz, skb_simple[i].f1, skb_simple[i].f2, 0);
		else
			LDX(skb_simple[i].sz, d, s, skb_simple[i].f1, skb_simple[i].f2, 0);
		return size_bytes(skb_simple[i].sz);
	}
	if (si->off >= SKB_CB_OFF && si->off < SKB_CB_OFF + 20) {
		if (wr)
			store(c, si, sz, SKB_CB, QCB_DATA, si->off - SKB_CB_OFF);
		else
			LDX(sz, d, s, SKB_CB, QCB_DATA, si->off - SKB_CB_OFF);
		return size_bytes(sz);
	}
	for (i = 0; i < sizeof(sk_simple) / sizeof(sk_simple[0]); i++) {
		if (sk_simple[i].off == si->off) {
			sk_field(c, si, sk_simple[i].sz, sk_simple[i].f, 0);
			return size_bytes(sk_simple[i].sz);
		}
	}
	if (si->off >= 100 && si->off < 132) {	/* remote_ip6, local_ip6 */
		bool remote = si->off < 116;

		sk_field(c, si, BPF_W, remote ? SKC_V6_DADDR : SKC_V6_RCV_SADDR,
			 si->off - (remote ? 100 : 116));
		return 4;
	}
	switch (si->off) {
	case 4:		/* pkt_type: a 3-bit field */
		LDX(BPF_B, d, s, SKB_PKT_TYPE, KF_NONE, 0);
		put(c, raw(BPF_ALU | BPF_AND | BPF_K, d, 0, 0, PKT_TYPE_MAX), NULL);
		return 1;
	case 12:	/* queue_mapping */
		if (!wr) {
			LDX(BPF_H, d, s, SKB_QUEUE_MAPPING, KF_NONE, 0);
			return 2;
		}
		if (BPF_CLASS(si->code) == BPF_ST && si->imm >= NO_QUEUE_MAPPING) {
			put(c, raw(BPF_JMP | BPF_JA, 0, 0, 0, 0), NULL);
			return 2;
		}
		if (BPF_CLASS(si->code) == BPF_STX)
			put(c, raw(BPF_JMP | BPF_JGE | BPF_K, s, 0, 1, NO_QUEUE_MAPPING), NULL);
		store(c, si, BPF_H, SKB_QUEUE_MAPPING, KF_NONE, 0);
		return 2;
	case 20:	/* vlan_present */
		LDX(BPF_W, d, s, SKB_VLAN_ALL, KF_NONE, 0);
		put(c, raw(BPF_JMP | BPF_JEQ | BPF_K, d, 0, 1, 0), NULL);
		put(c, raw(BPF_ALU | BPF_MOV | BPF_K, d, 0, 0, 1), NULL);
		return 4;
	case 40:	/* ifindex */
		LDX(BPF_DW, d, s, SKB_DEV, KF_NONE, 0);
		if (kind != CTX_TC)
			put(c, raw(BPF_JMP | BPF_JEQ | BPF_K, d, 0, 1, 0), NULL);
		LDX(BPF_W, d, d, DEV_IFINDEX, KF_NONE, 0);
		return 4;
	case 84:	/* napi_id: ids below MIN_NAPI_ID are sender CPUs */
		LDX(BPF_W, d, s, SKB_NAPI_ID, KF_NONE, 0);
		put(c, raw(BPF_JMP | BPF_JGE | BPF_K, d, 0, 1, 0), "<MIN_NAPI_ID>");
		put(c, raw(BPF_ALU64 | BPF_MOV | BPF_K, d, 0, 0, 0), NULL);
		return 4;
	case 132:	/* remote_port: network order in the upper half */
		sk_field(c, si, BPF_H, SKC_DPORT, 0);
		put(c, raw(BPF_ALU | BPF_LSH | BPF_K, d, 0, 0, 16), NULL);
		return 2;
	case 152:
		tstamp(c, si, wr);
		return 8;
	case 164:
	case 176:
	case 184:	/* gso_segs, gso_size, hwtstamp */
		shinfo(c, d, s);
		LDX(si->off == 184 ? BPF_DW : BPF_H, d, d,
		    si->off == 164 ? SHI_GSO_SEGS : si->off == 176 ? SHI_GSO_SIZE :
		    SHI_HWTSTAMPS, KF_NONE, 0);
		return si->off == 184 ? 8 : 2;
	case CTX_TSTAMP_TYPE_OFF:	/* the type bits sit at bit 0 (6.11+) */
		LDX(BPF_B, d, s, SKB_MONO_TC, KF_NONE, 0);
		mask_imm(c, BPF_ALU | BPF_AND | BPF_K, d, 0, MASK_TSTAMP_TYPE,
			 "<SKB_TSTAMP_TYPE_MASK>", false);
		return 1;
	}
	*why = NOTE("this __sk_buff field");
	return 0;
}

static int conv_xdp(struct conv *c, const struct bpf_insn *si, const char **why)
{
	uint8_t d = si->dst_reg, s = si->src_reg;

	switch (si->off) {
	case 0:
	case 4:
	case 8:
		LDX(BPF_DW, d, s, si->off == 0 ? XDP_DATA : si->off == 4 ?
		    XDP_DATA_END : XDP_DATA_META, KF_NONE, 0);
		return 4;
	case 12:	/* ingress_ifindex */
	case 20:	/* egress_ifindex */
		LDX(BPF_DW, d, s, si->off == 12 ? XDP_RXQ : XDP_TXQ, KF_NONE, 0);
		LDX(BPF_DW, d, d, si->off == 12 ? RXQ_DEV : TXQ_DEV, KF_NONE, 0);
		LDX(BPF_W, d, d, DEV_IFINDEX, KF_NONE, 0);
		return 4;
	case 16:	/* rx_queue_index */
		LDX(BPF_DW, d, s, XDP_RXQ, KF_NONE, 0);
		LDX(BPF_W, d, d, RXQ_QUEUE_INDEX, KF_NONE, 0);
		return 4;
	}
	*why = NOTE("this xdp_md field");
	return 0;
}

/*
 * __sk_buff fields whose reads record a 4-byte ctx_field_size (so narrower
 * loads are widened, then shifted and masked): every field but cb[], the
 * IP addresses, data, data_meta, data_end, tstamp, hwtstamp and sk.
 */
static bool skb_narrowable(int off)
{
	if (off >= SKB_CB_OFF && off < SKB_CB_OFF + 20)
		return false;
	if (off >= 92 && off < 132)
		return false;
	switch (off) {
	case 76: case 80: case 140: case 152: case 168: case 184:
	case CTX_TSTAMP_TYPE_OFF:
		return false;
	}
	return true;
}

int nocsr_ctx_convert(const struct nocsr_prog *p, size_t i, struct ctx_insn *out,
		      const char **why)
{
	const struct bpf_insn *insn = &p->insns[i];
	uint8_t cls = BPF_CLASS(insn->code), mode = BPF_MODE(insn->code);
	enum ctx_kind kind = sec_kind(p->sec_name);
	struct conv c = { .p = p, .out = out };
	struct bpf_insn si = *insn;
	int size = size_bytes(BPF_SIZE(insn->code)), target;
	bool wr = cls != BPF_LDX, narrow = false;

	*why = NULL;
	if (kind == CTX_NONE || p->obj->keep_ctx)
		return 0;
	if (kind == CTX_OTHER) {
		*why = NOTE("this program type's context");
		return -EOPNOTSUPP;
	}
	if ((cls == BPF_LDX && mode != BPF_MEM && mode != BPF_MEMSX) ||
	    (cls != BPF_LDX && mode != BPF_MEM)) {
		*why = NOTE("this access mode");
		return -EOPNOTSUPP;
	}
	/* vmlinux BTF costs ~90 ms to parse: only programs that need it pay */
	c.btf = use_btf(p);
	if (!wr && kind != CTX_XDP && skb_narrowable(insn->off) && size < 4) {
		narrow = true;
		si.off = (int16_t)(insn->off & ~3);
		si.code = BPF_LDX | BPF_MEM | BPF_W;
	} else if (mode == BPF_MEMSX) {
		si.code = BPF_LDX | BPF_MEM | BPF_SIZE(insn->code);
	}
	target = kind == CTX_XDP ? conv_xdp(&c, &si, why) :
		 conv_skb(&c, &si, wr, kind, why);
	if (!target)
		return -EOPNOTSUPP;
	if (narrow && size < target) {
		int shift = (insn->off & 3) * 8;

		if (shift)
			put(&c, raw(BPF_ALU | BPF_RSH | BPF_K, si.dst_reg, 0, 0, shift), NULL);
		put(&c, raw(BPF_ALU | BPF_AND | BPF_K, si.dst_reg, 0, 0,
			    (int32_t)((1u << (size * 8)) - 1)), NULL);
	}
	if (mode == BPF_MEMSX)
		put(&c, raw(BPF_ALU64 | BPF_MOV | BPF_X, si.dst_reg, si.dst_reg,
			    (int16_t)(size * 8), 0), NULL);
	return c.cnt;
}

const char *nocsr_ctx_note(const struct nocsr_prog *p, size_t i)
{
	struct ctx_insn out[CTX_MAX_INSNS];
	const char *why;

	return nocsr_ctx_convert(p, i, out, &why) < 0 ? why : NULL;
}

void nocsr_obj__set_convert_ctx(struct nocsr_obj *obj, bool on)
{
	obj->keep_ctx = !on;
}

/*
 * gen_prologue of tc, sk_skb and lwt_xmit when the program writes packet
 * data (bpf_unclone_prologue): a cloned skb gets bpf_skb_pull_data(skb, 0)
 * first, and the program drops the packet when that fails.  The kernel
 * emits the program's first instruction after it.
 */
int nocsr_ctx_prologue(const struct nocsr_prog *p, struct ctx_insn *out)
{
	enum ctx_kind kind = sec_kind(p->sec_name);
	struct conv conv = { .p = p, .out = out }, *c = &conv;
	int drop = kind == CTX_SK_SKB ? 0 /* SK_DROP */ : 2 /* TC_ACT_SHOT, BPF_DROP */;

	if (!p->pkt_write || p->obj->keep_ctx ||
	    (kind != CTX_TC && kind != CTX_SK_SKB && strncmp(p->sec_name, "lwt_xmit", 8)))
		return 0;
	c->btf = use_btf(p);
	LDX(BPF_B, 6, 1, SKB_CLONED, KF_NONE, 0);
	mask_imm(c, BPF_ALU | BPF_AND | BPF_K, 6, 0, MASK_CLONED, "<CLONED_MASK>", false);
	put(c, raw(BPF_JMP | BPF_JEQ | BPF_K, 6, 0, 7, 0), NULL);
	put(c, raw(BPF_ALU64 | BPF_MOV | BPF_X, 6, 1, 0, 0), NULL);
	put(c, raw(BPF_ALU64 | BPF_XOR | BPF_X, 2, 2, 0, 0), NULL);
	put(c, raw(BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_skb_pull_data), NULL);
	put(c, raw(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 2, 0), NULL);
	put(c, raw(BPF_ALU | BPF_MOV | BPF_K, 0, 0, 0, drop), NULL);
	put(c, raw(BPF_JMP | BPF_EXIT, 0, 0, 0, 0), NULL);
	put(c, raw(BPF_ALU64 | BPF_MOV | BPF_X, 1, 6, 0, 0), NULL);
	return c->cnt;
}
