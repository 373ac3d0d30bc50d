// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Kfunc prototypes.  The kernel computes a kfunc's clobber mask from its
 * vmlinux BTF prototype, so that is asked first (/sys/kernel/btf/vmlinux,
 * or $NOCSR_VMLINUX; NOCSR_VMLINUX=none disables it for reproducible
 * tests), then the extern declaration in the object's own BTF, then the
 * contract's built-in table of fastcall kfuncs.
 */
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>

#include "internal.h"

/*
 * A name lookup walks every type: vmlinux has over 100k, and a process
 * (the bench harness, stats over many objects) asks for the same few
 * kfuncs again and again.  Names and answers are kept for the process.
 */
static struct kf_cache {
	char *name;
	int id;
} *kf_cache;
static size_t kf_cache_cnt, kf_cache_cap;

static int vmlinux_func_id(const struct btf_scan *btf, const char *name)
{
	struct kf_cache *c;
	size_t i;
	int id;

	for (i = 0; i < kf_cache_cnt; i++)
		if (!strcmp(kf_cache[i].name, name))
			return kf_cache[i].id;
	nocsr_btf_scan_find(btf, BTF_KIND_FUNC, &name, &id, 1);
	if (kf_cache_cnt == kf_cache_cap) {
		size_t cap = kf_cache_cap ? 2 * kf_cache_cap : 16;

		c = realloc(kf_cache, cap * sizeof(*c));
		if (!c)
			return id;
		kf_cache = c;
		kf_cache_cap = cap;
	}
	c = &kf_cache[kf_cache_cnt];
	c->name = strdup(name);
	if (c->name) {
		c->id = id;
		kf_cache_cnt++;
	}
	return id;
}

static void set_proto(struct insn_meta *m, unsigned int nargs, bool is_void)
{
	m->kf_known = true;
	m->kf_nargs = (uint8_t)nargs;
	m->kf_void = is_void;
}

static bool from_vmlinux(const char *name, struct insn_meta *m)
{
	const struct btf_scan *btf;
	unsigned int nargs;
	bool explicit, is_void;
	int id;

	btf = nocsr_vmlinux_btf(&explicit);
	if (!btf)
		return false;
	id = vmlinux_func_id(btf, name);
	if (id <= 0 || !nocsr_btf_scan_func_proto(btf, (uint32_t)id, &nargs, &is_void))
		return false;
	set_proto(m, nargs, is_void);
	m->kf_btf_id = id;
	return true;
}

/* The object's own BTF, parsed by libbpf with the object. */
static bool from_obj(const struct btf *btf, const char *name, struct insn_meta *m)
{
	const struct btf_type *t;
	int id;

	if (!btf)
		return false;
	id = btf__find_by_name_kind(btf, name, BTF_KIND_FUNC);
	if (id <= 0)
		return false;
	t = btf__type_by_id(btf, id);
	if (!t)
		return false;
	t = btf__type_by_id(btf, t->type);
	if (!t || !btf_is_func_proto(t))
		return false;
	set_proto(m, btf_vlen(t), t->type == 0);
	return true;
}

void nocsr_kfunc_proto(struct nocsr_obj *obj, void *obj_btf, struct insn_meta *m)
{
	const struct nocsr_kfunc *k;

	(void)obj;
	if (from_vmlinux(m->sym, m) || from_obj(obj_btf, m->sym, m))
		return;
	k = nocsr_kfunc_find(m->sym);
	if (k)
		set_proto(m, k->nargs, k->is_void);
}
