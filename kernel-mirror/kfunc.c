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
#include <unistd.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "internal.h"

static struct btf *vmlinux;
static bool vmlinux_tried, vmlinux_explicit;

struct btf *nocsr_vmlinux_btf(bool *explicit)
{
	const char *path;

	if (vmlinux_tried) {
		*explicit = vmlinux_explicit;
		return vmlinux;
	}
	vmlinux_tried = true;
	path = getenv("NOCSR_VMLINUX");
	*explicit = vmlinux_explicit = path && strcmp(path, "none");
	if (!path)
		path = "/sys/kernel/btf/vmlinux";
	if (!strcmp(path, "none") || access(path, R_OK))
		return NULL;
	vmlinux = btf__parse(path, NULL);
	if (libbpf_get_error(vmlinux))
		vmlinux = NULL;
	return vmlinux;
}

/*
 * btf__find_by_name_kind() walks every type: vmlinux has over 100k, and a
 * process (the bench harness, stats over many objects) asks for the same
 * few kfuncs again and again.  Names and answers are kept for the process.
 */
static struct kf_cache {
	char *name;
	int id;
} *kf_cache;
static size_t kf_cache_cnt, kf_cache_cap;

static int vmlinux_func_id(const struct btf *btf, const char *name)
{
	struct kf_cache *c;
	size_t i;
	int id;

	for (i = 0; i < kf_cache_cnt; i++)
		if (!strcmp(kf_cache[i].name, name))
			return kf_cache[i].id;
	id = btf__find_by_name_kind(btf, name, BTF_KIND_FUNC);
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

static bool from_btf(const struct btf *btf, const char *name,
		     struct insn_meta *m, bool is_vmlinux)
{
	const struct btf_type *t;
	int id;

	if (!btf)
		return false;
	id = is_vmlinux ? vmlinux_func_id(btf, name) :
			  btf__find_by_name_kind(btf, name, BTF_KIND_FUNC);
	if (id <= 0)
		return false;
	t = btf__type_by_id(btf, id);
	if (!t)
		return false;
	t = btf__type_by_id(btf, t->type);
	if (!t || !btf_is_func_proto(t))
		return false;
	m->kf_known = true;
	m->kf_nargs = btf_vlen(t);
	m->kf_void = t->type == 0;
	if (is_vmlinux)
		m->kf_btf_id = id;
	return true;
}

void nocsr_kfunc_proto(struct nocsr_obj *obj, void *obj_btf, struct insn_meta *m)
{
	const struct nocsr_kfunc *k;
	bool explicit;

	(void)obj;
	if (from_btf(nocsr_vmlinux_btf(&explicit), m->sym, m, true))
		return;
	if (from_btf(obj_btf, m->sym, m, false))
		return;
	k = nocsr_kfunc_find(m->sym);
	if (k) {
		m->kf_known = true;
		m->kf_nargs = k->nargs;
		m->kf_void = k->is_void;
	}
}
