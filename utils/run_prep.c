// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Preparing the mirror's programs for nocsr_vm.
 *
 * The mirror hands programs with load-time placeholders.  An ld_imm64 of a
 * map or of global data names its map only in the text form
 * ("map[id:<counts>]", "map[id:<.data>][0]+0"); a kfunc call carries a
 * vmlinux BTF id (0 when unknown) and its name in "call NAME#ID".  We read
 * the names back from that text, which is the mirror's public API, and
 * renumber the imm: map references to the map's index in our env (the
 * VM's default resolver), kfunc calls to an index in our name table.
 *
 * Map definitions and .data/.rodata contents come from libbpf's view of
 * the object, opened but never loaded.
 *
 * x86_64's xlated program inlines bpf_get_smp_processor_id as a per-CPU
 * load the VM cannot follow.  It is folded back into "call 8" plus two
 * NOPs (so no jump moves): under NEW clobbering that writes r0 only,
 * exactly like the inline sequence.
 */
#define _GNU_SOURCE	/* open_memstream, strdup */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/libbpf.h>

#include "run.h"

static int run_env_add(struct run_env *env, const struct bpf_map *m)
{
	struct run_map_def *d, *p;
	const void *init;
	size_t sz = 0;

	p = realloc(env->maps, (env->map_cnt + 1) * sizeof(*p));
	if (!p)
		return -ENOMEM;
	env->maps = p;
	d = &env->maps[env->map_cnt];
	memset(d, 0, sizeof(*d));
	d->name = strdup(bpf_map__name(m));
	d->type = bpf_map__type(m);
	d->key_size = bpf_map__key_size(m);
	d->value_size = bpf_map__value_size(m);
	d->max_entries = bpf_map__max_entries(m);
	init = bpf_map__initial_value((struct bpf_map *)m, &sz);
	if (init && sz) {
		d->init = malloc(sz);
		if (d->init)
			memcpy(d->init, init, sz);
		d->init_sz = sz;
	}
	if (!d->name || (sz && !d->init))
		return -ENOMEM;
	env->map_cnt++;
	return 0;
}

static int run_quiet(enum libbpf_print_level level, const char *fmt,
		     va_list args)
{
	(void)level;
	(void)fmt;
	(void)args;
	return 0;
}

int run_env_load(struct run_env *env, const char *path, bool verbose)
{
	struct bpf_object *obj;
	struct bpf_map *m;
	int err = 0;

	memset(env, 0, sizeof(*env));
	if (!verbose)
		libbpf_set_print(run_quiet);
	obj = bpf_object__open_file(path, NULL);
	if (!obj)
		return errno ? -errno : -EINVAL;
	bpf_object__for_each_map(m, obj) {
		err = run_env_add(env, m);
		if (err)
			break;
	}
	bpf_object__close(obj);
	return err;
}

void run_env_free(struct run_env *env)
{
	size_t i;

	for (i = 0; i < env->map_cnt; i++) {
		free(env->maps[i].name);
		free(env->maps[i].init);
	}
	free(env->maps);
	memset(env, 0, sizeof(*env));
}

/* Types the VM lacks become a hash of the same shape: enough for a
 * program that never reaches them, and an honest error if it does. */
static enum bpf_map_type run_vm_type(enum bpf_map_type t)
{
	switch (t) {
	case BPF_MAP_TYPE_ARRAY:
	case BPF_MAP_TYPE_PERCPU_ARRAY:
	case BPF_MAP_TYPE_HASH:
	case BPF_MAP_TYPE_PERCPU_HASH:
	case BPF_MAP_TYPE_LRU_HASH:
	case BPF_MAP_TYPE_LRU_PERCPU_HASH:
		return t;
	default:
		return BPF_MAP_TYPE_HASH;
	}
}

int run_env_setup(struct nocsr_vm *vm, void *priv)
{
	const struct run_env *env = ((struct run_ctx *)priv)->env;
	struct nocsr_vm_map *map;
	__u32 zero = 0;
	size_t i;
	int err;

	for (i = 0; i < env->map_cnt; i++) {
		const struct run_map_def *d = &env->maps[i];

		err = nocsr_vm__map_create(vm, d->name, run_vm_type(d->type),
					   d->key_size ? d->key_size : 4,
					   d->value_size ? d->value_size : 8,
					   d->max_entries ? d->max_entries : 1,
					   &map);
		if (err)
			return err;
		if (d->init && d->init_sz >= d->value_size) {
			err = nocsr_vm_map__update(map, &zero, d->init, BPF_ANY);
			if (err)
				return err;
		}
	}
	return 0;
}

const char *run_kfunc_name(__s32 btf_id, __s16 off, void *priv)
{
	const struct run_prog *rp = ((struct run_ctx *)priv)->rp;

	(void)off;
	if (btf_id < 0 || (size_t)btf_id >= rp->kfunc_cnt)
		return NULL;
	return rp->kfuncs[btf_id];
}

static int add_slow(struct run_prog *rp, const char *name)
{
	const char **p;
	size_t j;

	for (j = 0; j < rp->slow_cnt; j++)
		if (!strcmp(rp->slow[j], name))
			return 0;
	p = realloc(rp->slow, (rp->slow_cnt + 1) * sizeof(*p));
	if (!p)
		return -ENOMEM;
	rp->slow = p;
	p[rp->slow_cnt++] = name;	/* static, or owned by the mirror's obj */
	return 0;
}

/*
 * The verifier only guarantees r1..r5 across a fastcall callee it (or the
 * JIT) inlines, and bpf_get_smp_processor_id is not fastcall at all for
 * socket and cgroup programs: the mirror's sites say which callees fall
 * short in this program, the section covers calls without a bracket.
 */
static int collect_slow(struct run_prog *rp, const struct nocsr_prog *prog)
{
	const struct nocsr_site *s;
	size_t i;
	int err = 0;

	if (nocsr_sec_raw_smp_processor_id(nocsr_prog__section(prog)))
		err = add_slow(rp, "bpf_get_smp_processor_id");
	for (i = 0; !err && i < nocsr_prog__site_cnt(prog); i++) {
		s = nocsr_prog__site(prog, i);
		if (s->callee && (s->reason == NOCSR_WHY_NOT_FASTCALL ||
				  s->reason == NOCSR_WHY_NOT_INLINED))
			err = add_slow(rp, s->callee);
	}
	return err;
}

bool run_is_fastcall(const struct nocsr_vm_call *call, void *priv)
{
	const struct run_ctx *rc = priv;
	size_t i;

	for (i = 0; call->name && i < rc->rp->slow_cnt; i++)
		if (!strcmp(rc->rp->slow[i], call->name))
			return false;
	if (call->is_kfunc)
		return call->name && nocsr_kfunc_is_fastcall(call->name, rc->kernel);
	return nocsr_helper_is_fastcall(call->id, rc->kernel);
}

/* "text<NAME>..." after marker, up to close; false if absent. */
static bool text_sym(const char *text, const char *marker, char close,
		     char *out, size_t len)
{
	const char *s = strstr(text, marker), *e;

	if (!s)
		return false;
	s += strlen(marker);
	e = strchr(s, close);
	if (!e || (size_t)(e - s) >= len || e == s)
		return false;
	memcpy(out, s, e - s);
	out[e - s] = '\0';
	return true;
}

/* libbpf names internal maps "<obj>.data"; the mirror says ".data". */
static int env_map_index(const struct run_env *env, const char *name)
{
	size_t i, n = strlen(name), l;

	for (i = 0; i < env->map_cnt; i++)
		if (!strcmp(env->maps[i].name, name))
			return (int)i;
	for (i = 0; i < env->map_cnt && name[0] == '.'; i++) {
		l = strlen(env->maps[i].name);
		if (l > n && !strcmp(env->maps[i].name + l - n, name))
			return (int)i;
	}
	return -ENOENT;
}

static int prog_text(const struct nocsr_prog *prog, enum run_form form,
		     size_t i, char *buf, size_t len)
{
	if (form == RUN_COMPILED)
		return nocsr_prog__insn_text(prog, i, buf, len);
	return nocsr_prog__xlated_text(prog, i, buf, len);
}

static int kfunc_index(struct run_prog *rp, const char *name)
{
	const char **p;
	size_t i;

	for (i = 0; i < rp->kfunc_cnt; i++)
		if (!strcmp(rp->kfuncs[i], name))
			return (int)i;
	p = realloc(rp->kfuncs, (rp->kfunc_cnt + 1) * sizeof(*p));
	if (!p)
		return -ENOMEM;
	rp->kfuncs = p;
	p[rp->kfunc_cnt] = strdup(name);
	if (!p[rp->kfunc_cnt])
		return -ENOMEM;
	return (int)rp->kfunc_cnt++;
}

static bool is_map_ld(const struct bpf_insn *insn)
{
	return insn->code == (BPF_LD | BPF_IMM | BPF_DW) &&
	       (insn->src_reg == BPF_PSEUDO_MAP_FD ||
		insn->src_reg == BPF_PSEUDO_MAP_VALUE ||
		insn->src_reg == BPF_PSEUDO_MAP_IDX ||
		insn->src_reg == BPF_PSEUDO_MAP_IDX_VALUE);
}

static bool is_kfunc_call(const struct bpf_insn *insn)
{
	return insn->code == (BPF_JMP | BPF_CALL) &&
	       insn->src_reg == BPF_PSEUDO_KFUNC_CALL;
}

/*
 * What the verifier adds prints names where the kernel has addresses and
 * struct offsets: the VM has its own numbers for them (utils/vm.h).
 */
static const struct {
	__u8 code;
	const char *text;
	__s32 imm;
} internal_insns[] = {
	{ BPF_JMP | BPF_CALL, "call arch_bpf_timed_may_goto#",
	  NOCSR_VM_FUNC_TIMED_MAY_GOTO },
	{ BPF_JMP | BPF_CALL, "call __htab_map_lookup_elem#",
	  NOCSR_VM_FUNC_HTAB_LOOKUP },
	{ BPF_ALU64 | BPF_ADD | BPF_K, "<offsetof(bpf_array,value)>",
	  NOCSR_VM_ARRAY_VALUE_OFF },
	{ BPF_ALU64 | BPF_ADD | BPF_K, "<offsetof(htab_elem,key)+key_size>",
	  NOCSR_VM_HTAB_VALUE_OFF },
};

static bool fix_internal(struct bpf_insn *insn, const char *text)
{
	size_t i;

	for (i = 0; i < sizeof(internal_insns) / sizeof(internal_insns[0]); i++) {
		if (insn->code == internal_insns[i].code && !insn->src_reg &&
		    strstr(text, internal_insns[i].text)) {
			insn->imm = internal_insns[i].imm;
			return true;
		}
	}
	return false;
}

static bool has_internal_form(const struct bpf_insn *insn)
{
	return insn->code == (BPF_JMP | BPF_CALL) ||
	       insn->code == (BPF_ALU64 | BPF_ADD | BPF_K);
}

static int fix_slot(struct run_prog *rp, const struct run_env *env,
		    const struct nocsr_prog *prog, enum run_form form, size_t i)
{
	struct bpf_insn *insn = &rp->insns[i];
	char text[256], name[128];
	int idx;

	if (!is_map_ld(insn) && !is_kfunc_call(insn) && !has_internal_form(insn))
		return 0;
	if (prog_text(prog, form, i, text, sizeof(text)) < 0)
		text[0] = '\0';
	if (fix_internal(insn, text))
		return 0;
	if (!is_map_ld(insn) && !is_kfunc_call(insn))
		return 0;
	if (is_map_ld(insn)) {
		if (!text_sym(text, "map[id:<", '>', name, sizeof(name)) ||
		    (idx = env_map_index(env, name)) < 0) {
			snprintf(rp->why, sizeof(rp->why),
				 "insn %zu: no map for '%s'", i, text);
			return -ENOENT;
		}
	} else {
		if (!text_sym(text, "call ", '#', name, sizeof(name))) {
			snprintf(rp->why, sizeof(rp->why),
				 "insn %zu: kfunc without a name: '%s'", i, text);
			return -ENOENT;
		}
		idx = kfunc_index(rp, name);
		if (idx < 0)
			return idx;
	}
	insn->imm = idx;
	return 0;
}

/* w0/r0 = <cpu_number>; r0 = &(void __percpu *)(r0); r0 = *(u32 *)(r0 +0) */
static bool is_cpu_inline(const struct bpf_insn *p, size_t left)
{
	return left >= 3 &&
	       (p[0].code == (BPF_ALU64 | BPF_MOV | BPF_K) ||
		p[0].code == (BPF_ALU | BPF_MOV | BPF_K)) && p[0].dst_reg == 0 &&
	       p[1].code == (BPF_ALU64 | BPF_MOV | BPF_X) && p[1].off == -1 &&
	       p[1].dst_reg == 0 && p[1].src_reg == 0 &&
	       p[2].code == (BPF_LDX | BPF_W | BPF_MEM) && p[2].dst_reg == 0 &&
	       p[2].src_reg == 0 && p[2].off == 0;
}

/*
 * The per-CPU array inline (kernel-mirror/rewrite.c): r1 += pptrs; index
 * load (zero-extended by `w0 = w0` where the JIT asks, riscv64); index
 * check; r0 = pptrs[index]; r0 = &(void __percpu *)(r0).  The VM keeps
 * per-CPU values like plain ones, without a pointer table.  Returns the
 * length, 0 when p does not start one.
 */
static size_t percpu_lookup_len(const struct bpf_insn *p, size_t left)
{
	static const __u8 codes[] = {
		BPF_ALU64 | BPF_ADD | BPF_K, BPF_LDX | BPF_W | BPF_MEM,
		BPF_JMP | BPF_JGE | BPF_K, BPF_ALU64 | BPF_LSH | BPF_K,
		BPF_ALU64 | BPF_ADD | BPF_X, BPF_LDX | BPF_DW | BPF_MEM,
		BPF_ALU64 | BPF_MOV | BPF_X, BPF_JMP | BPF_JA,
		BPF_ALU64 | BPF_MOV | BPF_K,
	};
	size_t k, z;

	if (left < sizeof(codes) || p[0].code != codes[0] || p[1].code != codes[1])
		return 0;
	z = p[2].code == (BPF_ALU | BPF_MOV | BPF_X) && p[2].imm == 1 &&
	    !p[2].dst_reg && !p[2].src_reg;
	if (left < sizeof(codes) + z)
		return 0;
	for (k = 2; k < sizeof(codes); k++)
		if (p[k + z].code != codes[k])
			return 0;
	if (p[0].dst_reg != 1 || p[6 + z].off != -1 || p[6 + z].dst_reg)
		return 0;
	return sizeof(codes) + z;
}

/* Run an inlined helper as the call it replaces, the other slots as NOPs. */
static size_t fold(struct run_prog *rp, size_t i, size_t len, __s32 helper)
{
	static const struct bpf_insn nop = { .code = BPF_JMP | BPF_JA };
	size_t k;

	rp->insns[i] = (struct bpf_insn){ .code = BPF_JMP | BPF_CALL, .imm = helper };
	for (k = 1; k < len; k++)
		rp->insns[i + k] = nop;
	return len - 1;
}

static void fold_inlines(struct run_prog *rp, bool cpu)
{
	size_t i, len;

	for (i = 0; i < rp->cnt; i++) {
		if (cpu && is_cpu_inline(&rp->insns[i], rp->cnt - i))
			i += fold(rp, i, 3, BPF_FUNC_get_smp_processor_id);
		else if ((len = percpu_lookup_len(&rp->insns[i], rp->cnt - i)))
			i += fold(rp, i, len, BPF_FUNC_map_lookup_elem);
	}
}

int run_prog_prepare(struct run_prog *rp, const struct run_env *env,
		     const struct nocsr_prog *prog, enum run_form form,
		     enum nocsr_arch arch)
{
	const struct bpf_insn *src;
	size_t i;
	int err;

	memset(rp, 0, sizeof(*rp));
	src = form == RUN_COMPILED ? nocsr_prog__insns(prog) :
	      nocsr_prog__xlated(prog);
	rp->cnt = form == RUN_COMPILED ? nocsr_prog__insn_cnt(prog) :
		  nocsr_prog__xlated_cnt(prog);
	if (!src || !rp->cnt) {
		snprintf(rp->why, sizeof(rp->why), "no instructions");
		return -ENOENT;
	}
	rp->insns = malloc(rp->cnt * sizeof(*src));
	if (!rp->insns)
		return -ENOMEM;
	memcpy(rp->insns, src, rp->cnt * sizeof(*src));
	for (i = 0; i < rp->cnt; i++) {
		err = fix_slot(rp, env, prog, form, i);
		if (err)
			return err;
	}
	if (form == RUN_REWRITTEN)
		fold_inlines(rp, arch == NOCSR_ARCH_X86_64);
	return collect_slow(rp, prog);
}

void run_prog_free(struct run_prog *rp)
{
	size_t i;

	for (i = 0; i < rp->kfunc_cnt; i++)
		free((void *)rp->kfuncs[i]);
	free(rp->kfuncs);
	free(rp->slow);
	free(rp->insns);
	memset(rp, 0, sizeof(*rp));
}
