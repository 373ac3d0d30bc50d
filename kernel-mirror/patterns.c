// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Subprograms and fastcall patterns, in the kernel's order (design §1
 * rules 1-4): subprogram starts, per-subprogram lowest_off, pattern
 * matching around every helper/kfunc call, and the per-site verdict once
 * the stack-contract pass (contract.c) has run.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "nocsr/helpers.h"

#define FP NOCSR_REG_FP
/* a site's why is formatted into a buffer this long, then kept in p->whys */
#define WHY_LEN	256

void nocsr_prog_reset(struct nocsr_prog *p)
{
	free(p->aux);
	free(p->subprogs);
	free(p->sites);
	free(p->x);
	free(p->x_insns);
	nocsr_strs_free(&p->whys);
	p->aux = NULL;
	p->subprogs = NULL;
	p->sites = NULL;
	p->x = NULL;
	p->x_insns = NULL;
	p->subprog_cnt = p->site_cnt = p->site_cap = p->x_cnt = 0;
	p->stage = 0;
}

int nocsr_subprog_of(const struct nocsr_prog *p, size_t insn)
{
	return p->aux[insn].subprog;
}

bool nocsr_call_summary(const struct nocsr_prog *p, size_t i,
			struct call_summary *cs)
{
	const struct bpf_insn *insn = &p->insns[i];
	const struct insn_meta *m = &p->meta[i];

	memset(cs, 0, sizeof(*cs));
	if (insn->src_reg == 0) {
		const struct nocsr_helper *h = nocsr_helper_find(insn->imm);
		size_t len;

		if (!h)
			return false;
		/* not snprintf: the contract walk asks at every visit of a call */
		len = strlen(h->name);
		if (len > sizeof(cs->buf) - 5)
			len = sizeof(cs->buf) - 5;
		memcpy(cs->buf, "bpf_", 4);
		memcpy(cs->buf + 4, h->name, len);
		cs->buf[4 + len] = '\0';
		cs->name = cs->buf;
		cs->nargs = h->nargs;
		cs->is_void = h->is_void;
		cs->known = true;
		cs->fastcall = nocsr_helper_is_fastcall(insn->imm, p->kernel);
		if (insn->imm == NOCSR_FUNC_get_smp_processor_id && p->raw_smp_proto) {
			cs->fastcall = false;
			cs->raw_proto = true;
		}
		cs->inlined = nocsr_helper_is_inlined(insn->imm, p->arch, p->kernel);
		return true;
	}
	if (insn->src_reg == NOCSR_PSEUDO_KFUNC_CALL && m->kind == SYM_KFUNC) {
		cs->name = m->sym;
		if (!m->kf_known)
			return false;
		cs->nargs = m->kf_nargs;
		cs->is_void = m->kf_void;
		cs->known = true;
		cs->fastcall = nocsr_kfunc_is_fastcall(m->sym, p->kernel);
		cs->inlined = cs->fastcall;	/* both become r0 = r1 */
		return true;
	}
	return false;
}

static int bad(const struct nocsr_prog *p, size_t i, const char *what)
{
	pr_warn("%s: program %s: insn %zu: %s\n", p->obj->path, p->name, i, what);
	return -EINVAL;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Whether slot i is the first of a global function. */
static bool func_global_at(const struct nocsr_prog *p, size_t i)
{
	const struct prog_func *f = nocsr_insn_func(p, i);

	return f && f->global && f->start == i;
}

/* Rule 1, plus the CFG sanity checks the kernel makes in check_subprogs(). */
static int find_subprogs(struct nocsr_prog *p)
{
	size_t n = p->insn_cnt, i, cnt = 1, s;
	int *starts;

	starts = calloc(n + 1, sizeof(*starts));
	if (!starts)
		return -ENOMEM;
	starts[0] = 0;
	for (i = 0; i < n; i++) {
		const struct bpf_insn *insn = &p->insns[i];
		long t;

		if ((nocsr_insn_is_call(insn) && insn->src_reg == NOCSR_PSEUDO_CALL) ||
		    (nocsr_insn_is_ldimm64(insn) && insn->src_reg == BPF_PSEUDO_FUNC)) {
			t = (long)i + insn->imm + 1;
			if (t < 0 || t >= (long)n) {
				free(starts);
				return bad(p, i, "call target out of range");
			}
			starts[cnt++] = (int)t;
		}
		if (nocsr_insn_is_ldimm64(insn))
			i++;
	}
	qsort(starts, cnt, sizeof(*starts), cmp_int);
	p->subprogs = calloc(cnt, sizeof(*p->subprogs));
	if (!p->subprogs) {
		free(starts);
		return -ENOMEM;
	}
	for (i = 0; i < cnt; i++)
		if (!p->subprog_cnt || starts[i] != (int)p->subprogs[p->subprog_cnt - 1].start)
			p->subprogs[p->subprog_cnt++].start = starts[i];
	free(starts);
	for (s = 0; s < p->subprog_cnt; s++) {
		size_t end = s + 1 < p->subprog_cnt ? p->subprogs[s + 1].start : n;
		const struct bpf_insn *last;

		p->subprogs[s].global = s && func_global_at(p, p->subprogs[s].start);
		for (i = p->subprogs[s].start; i < end; i++)
			p->aux[i].subprog = (int)s;
		/* the last slot of an ld_imm64 is its second half */
		last = &p->insns[end - 1];
		if (end >= 2 && nocsr_insn_is_ldimm64(&p->insns[end - 2]))
			return bad(p, end - 1, "subprogram ends inside ld_imm64");
		if (!nocsr_insn_is_exit(last) && last->code != (BPF_JMP | BPF_JA) &&
		    last->code != (BPF_JMP32 | BPF_JA))
			return bad(p, end - 1, "last insn of a subprogram is not an exit or jump");
	}
	for (i = 0; i < n; i++) {
		const struct bpf_insn *insn = &p->insns[i];
		int32_t d;
		long t;

		if (nocsr_insn_jump_delta(insn, &d)) {
			t = (long)i + d + 1;
			if (t < 0 || t >= (long)n)
				return bad(p, i, "jump out of range");
			if (p->aux[t].subprog != p->aux[i].subprog)
				return bad(p, i, "jump into another subprogram");
			if (t > 0 && nocsr_insn_is_ldimm64(&p->insns[t - 1]) &&
			    (t < 2 || !nocsr_insn_is_ldimm64(&p->insns[t - 2])))
				return bad(p, i, "jump into the middle of ld_imm64");
			p->aux[t].jump_target = true;
		}
		if (nocsr_insn_is_ldimm64(insn))
			i++;
	}
	return 0;
}

static bool is_spill(const struct bpf_insn *i)
{
	return i->code == NOCSR_OP_SPILL && i->dst_reg == FP;
}

static bool is_fill(const struct bpf_insn *i)
{
	return i->code == NOCSR_OP_FILL && i->src_reg == FP;
}

/* Rule 2: lowest offset of an 8-byte register store through r10. */
static void find_lowest_off(struct nocsr_prog *p)
{
	size_t i;

	for (i = 0; i < p->subprog_cnt; i++)
		p->subprogs[i].lowest_off = 0;
	for (i = 0; i < p->insn_cnt; i++) {
		struct nocsr_subprog *s = &p->subprogs[p->aux[i].subprog];

		if (is_spill(&p->insns[i]) && p->insns[i].off < s->lowest_off)
			s->lowest_off = p->insns[i].off;
		if (nocsr_insn_is_ldimm64(&p->insns[i]))
			i++;
	}
}

static const char *reg_role(unsigned int reg, unsigned int clobber,
			    const char *callee, char *buf, size_t len)
{
	if (reg >= NOCSR_CALLER_SAVED)
		snprintf(buf, len, "r%u is not caller-saved (only r0-r5 take part)", reg);
	else if (reg == 0 && (clobber & 1))
		snprintf(buf, len, "r0 holds the return value of %s", callee);
	else if (clobber & (1u << reg))
		snprintf(buf, len, "r%u carries argument %u of %s", reg, reg, callee);
	else
		snprintf(buf, len, "r%u is already saved by an inner pair", reg);
	return buf;
}

unsigned int nocsr_match_pairs(const struct nocsr_prog *p, size_t i, int lowest,
			       const char *callee, unsigned int clobber,
			       bool *attempt, char *why, size_t wlen)
{
	unsigned int expected = ~clobber & NOCSR_ALL_CALLER_SAVED;
	int off = lowest;
	unsigned int k;
	char tmp[128];

	*attempt = false;
	why[0] = 0;
	for (k = 1; k <= NOCSR_MAX_PAIRS; k++) {
		const struct bpf_insn *st, *ld;
		bool sp, fl;

		if (i < k || i + k >= p->insn_cnt)
			break;
		st = &p->insns[i - k];
		ld = &p->insns[i + k];
		sp = is_spill(st);
		fl = is_fill(ld);
		if (!sp && !fl)
			break;
		*attempt = true;
		if (!sp) {
			snprintf(why, wlen, "insn %zu is not a spill (pair %u of the bracket)",
				 i - k, k);
			break;
		}
		if (!fl) {
			snprintf(why, wlen, "insn %zu is not a fill (pair %u of the bracket)",
				 i + k, k);
			break;
		}
		if (st->src_reg != ld->dst_reg) {
			snprintf(why, wlen, "insn %zu spills r%u but insn %zu fills r%u",
				 i - k, st->src_reg, i + k, ld->dst_reg);
			break;
		}
		if (st->src_reg >= NOCSR_CALLER_SAVED ||
		    !(expected & (1u << st->src_reg))) {
			snprintf(why, wlen, "pair at insns %zu/%zu: %s", i - k, i + k,
				 reg_role(st->src_reg, clobber, callee, tmp, sizeof(tmp)));
			break;
		}
		if (st->off != off || ld->off != off) {
			if (k == 1)
				snprintf(why, wlen,
					 "innermost spill at %d but the subprogram's lowest spill offset is %d",
					 st->off != off ? st->off : ld->off, lowest);
			else
				snprintf(why, wlen,
					 "pair %u (insns %zu/%zu) at %d, expected %d",
					 k, i - k, i + k,
					 st->off != off ? st->off : ld->off, off);
			break;
		}
		expected &= ~(1u << st->src_reg);
		off += NOCSR_REG_SIZE;
		*attempt = false;
	}
	return k - 1;
}

static int add_site(struct nocsr_prog *p, struct nocsr_site *s, const char *why)
{
	s->why = why[0] ? nocsr_strs_dup(&p->whys, why) : "";
	if (!s->why)
		return -ENOMEM;
	/* doubling: a realloc that cannot grow in place copies every site */
	if (p->site_cnt == p->site_cap) {
		size_t cap = p->site_cap ? 2 * p->site_cap : 16;
		struct nocsr_site *n = realloc(p->sites, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		p->sites = n;
		p->site_cap = cap;
		nocsr_huge_pages(n, cap * sizeof(*n));
	}
	p->aux[s->insn].site = (int)p->site_cnt;
	p->sites[p->site_cnt++] = *s;
	return 0;
}

/* Site names of helpers ("bpf_" and the name): one copy per object. */
static const char *helper_name(struct nocsr_obj *obj, int32_t id, const char *name)
{
	if (!obj->helper_names) {
		obj->helper_names = calloc((size_t)nocsr_helper_max_id() + 1,
					   sizeof(*obj->helper_names));
		if (!obj->helper_names)
			return NULL;
	}
	if (!obj->helper_names[id])
		obj->helper_names[id] = nocsr_obj_strdup(obj, name);
	return obj->helper_names[id];
}

static int find_patterns(struct nocsr_prog *p)
{
	size_t i;
	int err;

	for (i = 0; i < p->subprog_cnt; i++)
		p->subprogs[i].reserved_end = 0;
	for (i = 0; i < p->insn_cnt; i++) {
		const struct bpf_insn *insn = &p->insns[i];
		const struct prog_line *ln;
		struct nocsr_subprog *sp;
		struct call_summary cs;
		struct nocsr_site site;
		unsigned int clobber, pairs;
		bool attempt, can_inline;
		char why[WHY_LEN], swhy[WHY_LEN];
		size_t j;

		if (nocsr_insn_is_ldimm64(insn)) {
			i++;
			continue;
		}
		if (!nocsr_insn_is_call(insn) || insn->src_reg == NOCSR_PSEUDO_CALL)
			continue;
		if (!nocsr_call_summary(p, i, &cs)) {
			if (insn->src_reg == 0)
				return bad(p, i, "unknown helper (the kernel rejects the program)");
			/* libbpf cannot resolve it and refuses to load */
			pr_warn("%s: program %s: insn %zu: unknown kfunc %s (not in vmlinux BTF, the object's BTF or the fastcall kfunc table)\n",
				p->obj->path, p->name, i, cs.name ? cs.name : "?");
			return -EINVAL;
		}
		sp = &p->subprogs[p->aux[i].subprog];
		clobber = nocsr_clobber_mask(cs.nargs, cs.is_void);
		pairs = nocsr_match_pairs(p, i, sp->lowest_off, cs.name, clobber,
					  &attempt, why, sizeof(why));
		for (j = 1; j <= pairs; j++)
			p->aux[i - j].pattern = p->aux[i + j].pattern = true;
		can_inline = cs.fastcall && cs.inlined;
		memset(&site, 0, sizeof(site));
		swhy[0] = 0;
		site.insn = (unsigned int)i;
		site.subprog = (unsigned int)p->aux[i].subprog;
		site.is_kfunc = insn->src_reg == NOCSR_PSEUDO_KFUNC_CALL;
		/* a kfunc's name is the object's already */
		site.callee = site.is_kfunc ? cs.name :
			      helper_name(p->obj, insn->imm, cs.name);
		if (!site.callee)
			return -ENOMEM;
		site.clobber = clobber;
		site.pairs = pairs;
		site.lowest_off = sp->lowest_off;
		if ((ln = nocsr_insn_line(p, i))) {
			site.file = ln->file;
			site.line = ln->line;
			site.source = ln->source;
		}
		if (cs.raw_proto) {
			site.reason = NOCSR_WHY_NOT_FASTCALL;
			snprintf(swhy, sizeof(swhy),
				 "%s is not a fastcall helper for %s programs (bpf_get_raw_smp_processor_id_proto) on %s",
				 cs.name, p->sec_name, nocsr_kernel_name(p->kernel));
		} else if (!cs.fastcall) {
			site.reason = NOCSR_WHY_NOT_FASTCALL;
			snprintf(swhy, sizeof(swhy),
				 "%s is not a fastcall %s on %s", cs.name,
				 site.is_kfunc ? "kfunc" : "helper",
				 nocsr_kernel_name(p->kernel));
		} else if (!cs.inlined) {
			site.reason = NOCSR_WHY_NOT_INLINED;
			snprintf(swhy, sizeof(swhy),
				 "%s is not inlined on %s %s", cs.name,
				 nocsr_arch_name(p->arch), nocsr_kernel_name(p->kernel));
		}
		/* 7.3: a jump into the pattern (past its first spill) */
		if (pairs && can_inline && p->kernel >= NOCSR_K7_3) {
			for (j = i - pairs + 1; j <= i + pairs; j++) {
				if (p->aux[j].jump_target) {
					can_inline = false;
					site.reason = NOCSR_WHY_JUMP_INTO;
					snprintf(swhy, sizeof(swhy),
						 "a jump enters the pattern at insn %zu: %s does not rewrite it",
						 j, nocsr_kernel_name(p->kernel));
					break;
				}
			}
		}
		if (!pairs) {
			/* an ordinary call, or a failed bracket around one */
			if ((!cs.fastcall && !cs.raw_proto) || (!attempt && !can_inline))
				continue;
			if (attempt) {
				site.status = NOCSR_SITE_KEPT;
				if (site.reason == NOCSR_WHY_OK)
					site.reason = NOCSR_WHY_PAIR_REJECTED;
				if (site.reason == NOCSR_WHY_PAIR_REJECTED || cs.fastcall)
					snprintf(swhy, sizeof(swhy), "%s", why);
			}
		} else {
			if (can_inline)
				p->aux[i].spills_num = (uint8_t)pairs;
			else
				sp->keep_stack = true;
			sp->reserved_end = sp->reserved_end < sp->lowest_off +
				NOCSR_REG_SIZE * (int)pairs ? sp->reserved_end :
				sp->lowest_off + NOCSR_REG_SIZE * (int)pairs;
			if (attempt && can_inline) {
				site.status = NOCSR_SITE_PARTIAL;
				site.reason = NOCSR_WHY_PAIR_REJECTED;
				snprintf(swhy, sizeof(swhy), "%s", why);
			} else if (!can_inline) {
				site.status = NOCSR_SITE_KEPT;
			}
		}
		if ((err = add_site(p, &site, swhy)))
			return err;
	}
	return 0;
}

int nocsr_prog__find_patterns(struct nocsr_prog *p, enum nocsr_arch arch,
			      enum nocsr_kernel kernel)
{
	size_t i;
	int err;

	if ((unsigned int)arch >= NOCSR_ARCH_CNT ||
	    (unsigned int)kernel >= NOCSR_KERNEL_CNT)
		return -EINVAL;
	nocsr_prog_reset(p);
	p->arch = arch;
	p->kernel = kernel;
	p->aux = calloc(p->insn_cnt ? p->insn_cnt : 1, sizeof(*p->aux));
	if (!p->aux)
		return -ENOMEM;
	nocsr_huge_pages(p->aux, p->insn_cnt * sizeof(*p->aux));
	for (i = 0; i < p->insn_cnt; i++) {
		p->aux[i].site = -1;
		p->aux[i].map = -1;
	}
	if ((err = find_subprogs(p)))
		return err;
	find_lowest_off(p);
	if ((err = find_patterns(p)))
		return err;
	p->stage = 1;
	return 0;
}

/* Verdicts that depend on the contract pass. */
static int finish_sites(struct nocsr_prog *p)
{
	char why[WHY_LEN];
	size_t i;

	for (i = 0; i < p->site_cnt; i++) {
		struct nocsr_site *s = &p->sites[i];
		struct nocsr_subprog *sp = &p->subprogs[s->subprog];

		if (s->pairs && sp->contract_broken && s->status != NOCSR_SITE_KEPT) {
			s->status = NOCSR_SITE_KEPT;
			s->reason = NOCSR_WHY_CONTRACT;
			snprintf(why, sizeof(why),
				 "%.200s: stack contract broken, subprogram %u keeps all pairs",
				 sp->contract_why, s->subprog);
			s->why = nocsr_strs_dup(&p->whys, why);
			if (!s->why)
				return -ENOMEM;
		}
		s->removed = p->aux[s->insn].spills_num;
	}
	return 0;
}

int nocsr_prog__check_contract(struct nocsr_prog *p)
{
	int err;

	if (p->stage < 1)
		return -EINVAL;
	if (p->stage >= 2)
		return 0;
	if ((err = nocsr_verify(p)) || (err = finish_sites(p)))
		return err;
	p->stage = 2;
	return 0;
}

int nocsr_prog__rewrite(struct nocsr_prog *p)
{
	int err;

	if (p->stage < 2 && (err = nocsr_prog__check_contract(p)))
		return err;
	if (p->stage >= 3)
		return 0;
	if ((err = nocsr_build_xlated(p)))
		return err;
	p->stage = 3;
	return 0;
}

int nocsr_prog__mirror(struct nocsr_prog *p, enum nocsr_arch arch,
		       enum nocsr_kernel kernel)
{
	int err;

	if ((err = nocsr_prog__find_patterns(p, arch, kernel)))
		return err;
	return nocsr_prog__rewrite(p);
}

size_t nocsr_prog__site_cnt(const struct nocsr_prog *p) { return p->site_cnt; }

const struct nocsr_site *nocsr_prog__site(const struct nocsr_prog *p, size_t i)
{
	return i < p->site_cnt ? &p->sites[i] : NULL;
}

size_t nocsr_prog__subprog_cnt(const struct nocsr_prog *p) { return p->subprog_cnt; }

const struct nocsr_subprog *nocsr_prog__subprog(const struct nocsr_prog *p,
						size_t i)
{
	return i < p->subprog_cnt ? &p->subprogs[i] : NULL;
}
