// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libFuzzer: any bytes as vmlinux BTF through the scan (btf_scan.c), then
 * the questions the mirror asks of it: context struct members, through
 * anonymous members, and kfunc prototypes.
 */
#include <linux/btf.h>

#include "internal.h"

static const char *const structs[] = {
	"sk_buff", "qdisc_skb_cb", "net_device", "sock_common", "xdp_buff",
};
static const char *const members[] = {
	"len", "dev", "ifindex", "tc_classid", "cloned", "skc_family", "data",
};
static const char *const funcs[] = {
	"bpf_cast_to_kern_ctx", "bpf_fake_kfunc", "anchor",
};

#define CNT(a)	(sizeof(a) / sizeof((a)[0]))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int sid[CNT(structs)], fid[CNT(funcs)];
	volatile long sink = 0;
	struct btf_scan *s;
	unsigned int nargs;
	uint32_t bitsz, id;
	char why[128];
	bool is_void;
	size_t i, k;

	if (nocsr_btf_scan_new(data, size, &s, why, sizeof(why)))
		return 0;
	nocsr_btf_scan_find(s, BTF_KIND_STRUCT, structs, sid, CNT(structs));
	nocsr_btf_scan_find(s, BTF_KIND_FUNC, funcs, fid, CNT(funcs));
	for (i = 0; i < CNT(structs); i++)
		for (k = 0; k < CNT(members); k++)
			sink += nocsr_btf_scan_member_bits(s, (uint32_t)sid[i], members[k],
							   &bitsz);
	for (i = 0; i < CNT(funcs); i++)
		if (nocsr_btf_scan_func_proto(s, (uint32_t)fid[i], &nargs, &is_void))
			sink += nargs + is_void;
	/* any id, a struct or not, valid or not */
	for (id = 0; id < 40; id++)
		sink += nocsr_btf_scan_member_bits(s, id, "len", &bitsz) +
			nocsr_btf_scan_func_proto(s, id, &nargs, &is_void);
	nocsr_btf_scan_free(s);
	(void)sink;
	return 0;
}
