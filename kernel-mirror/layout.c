// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The planning half of `nocsr fixup`: which spill/fill offsets of an object
 * built by clang 20+ must change so that every fastcall site matches, and
 * whether changing them is safe.  Per subprogram:
 *
 *  1. brackets: around every call to a helper or kfunc that is fastcall
 *     for the program's type, the pairs rule 4 matches when the innermost
 *     spill's own offset is taken as the lowest offset (nocsr_match_pairs),
 *     i.e. pair k at off + 8k;
 *  2. layout: either every bracket already starts at one offset (the
 *     function-wide layout: nothing to do), or every bracket ends at one
 *     offset base (clang 20+: a call with k pairs uses base-8k..base-8).
 *     Then pair k of every call moves to nocsr_pair_offset(base, K, k),
 *     the plugin's rule, K being the largest pair count;
 *  3. safety: the stack-contract walk in strict mode (contract.c), with the
 *     brackets as pattern members and all of [base - 8K, base) reserved:
 *     the old and the new slots are the same area, so any other access
 *     that may start below base refuses the subprogram;
 *  4. proof: the kernel's rules run again on the moved program and must
 *     match every bracket in full.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define FP NOCSR_REG_FP

static bool is_spill(const struct bpf_insn *i)
{
	return i->code == NOCSR_OP_SPILL && i->dst_reg == FP;
}

static bool is_fill(const struct bpf_insn *i)
{
	return i->code == NOCSR_OP_FILL && i->src_reg == FP;
}

__attribute__((format(printf, 2, 3)))
static void refuse(struct nocsr_fixup_func *f, const char *fmt, ...)
{
	va_list ap;

	if (f->verdict == NOCSR_FIXUP_REFUSED)
		return;		/* the first reason is the one to fix first */
	f->verdict = NOCSR_FIXUP_REFUSED;
	va_start(ap, fmt);
	vsnprintf(f->why, sizeof(f->why), fmt, ap);
	va_end(ap);
}

static int add_site(struct nocsr_fixup *fix, const struct nocsr_fixup_site *s)
{
	struct nocsr_fixup_site *n;

	n = realloc(fix->sites, (fix->site_cnt + 1) * sizeof(*n));
	if (!n)
		return -ENOMEM;
	fix->sites = n;
	fix->sites[fix->site_cnt++] = *s;
	return 0;
}

/* Step 1 for the call at i; a pair-shaped leftover makes it ambiguous. */
static int find_bracket(struct nocsr_prog *p, size_t i, struct nocsr_fixup *fix)
{
	const struct bpf_insn *in = p->insns;
	struct nocsr_fixup_func *f = &fix->funcs[p->aux[i].subprog];
	struct nocsr_fixup_site s;
	struct call_summary cs;
	unsigned int k, n;
	bool attempt;
	char why[256];

	/* socket-type programs keep every pair whatever the layout */
	if (!nocsr_call_summary(p, i, &cs) || !cs.fastcall)
		return 0;
	if (i == 0 || !is_spill(&in[i - 1]))
		return 0;
	n = nocsr_match_pairs(p, i, in[i - 1].off, cs.name,
			      nocsr_clobber_mask(cs.nargs, cs.is_void),
			      &attempt, why, sizeof(why));
	if (attempt && i > n && i + n + 1 < p->insn_cnt &&
	    is_spill(&in[i - n - 1]) && is_fill(&in[i + n + 1]) &&
	    in[i - n - 1].src_reg == in[i + n + 1].dst_reg &&
	    in[i - n - 1].src_reg < NOCSR_CALLER_SAVED) {
		refuse(f, "call at insn %zu (%s): pair %u is not in the contiguous layout: %s",
		       i, cs.name, n + 1, why);
		return 0;
	}
	if (!n)
		return 0;
	memset(&s, 0, sizeof(s));
	s.insn = (unsigned int)i;
	s.subprog = (unsigned int)p->aux[i].subprog;
	s.callee = nocsr_obj_strdup(p->obj, cs.name);
	s.pairs = n;
	for (k = 0; k < n; k++) {
		s.reg[k] = in[i - k - 1].src_reg;
		s.old_off[k] = in[i - k - 1].off;
		s.new_off[k] = s.old_off[k];
	}
	f->sites++;
	f->pairs += n;
	if (n > f->max_pairs)
		f->max_pairs = n;
	return add_site(fix, &s);
}

/* Step 2 for subprogram sp: decide the verdict and the new offsets. */
static void plan_func(struct nocsr_fixup *fix, unsigned int sp)
{
	struct nocsr_fixup_func *f = &fix->funcs[sp];
	struct nocsr_fixup_site *first = NULL;
	bool same_low = true, same_top = true;
	unsigned int k;
	size_t i;

	if (!f->sites)
		return;
	for (i = 0; i < fix->site_cnt; i++) {
		struct nocsr_fixup_site *s = &fix->sites[i];

		if (s->subprog != sp)
			continue;
		if (!first) {
			first = s;
			continue;
		}
		same_low &= s->old_off[0] == first->old_off[0];
		same_top &= s->old_off[s->pairs - 1] ==
			    first->old_off[first->pairs - 1];
	}
	if (f->verdict == NOCSR_FIXUP_REFUSED)
		return;
	if (same_low) {
		f->verdict = NOCSR_FIXUP_KEEP;
		return;
	}
	if (!same_top) {
		refuse(f, "the pairs of its %u calls share neither their innermost offset (function-wide layout) nor their outermost one (clang 20+)",
		       f->sites);
		return;
	}
	f->base = first->old_off[first->pairs - 1] + NOCSR_REG_SIZE;
	if (f->base > 0 || f->base % NOCSR_REG_SIZE) {
		refuse(f, "its pairs end at r10%+d, not an 8-byte aligned stack offset",
		       f->base);
		return;
	}
	f->verdict = NOCSR_FIXUP_MOVE;
	for (i = 0; i < fix->site_cnt; i++) {
		struct nocsr_fixup_site *s = &fix->sites[i];

		if (s->subprog != sp)
			continue;
		for (k = 0; k < s->pairs; k++) {
			s->new_off[k] = (int16_t)nocsr_pair_offset(f->base,
								  f->max_pairs, k);
			if (s->new_off[k] != s->old_off[k])
				f->moved += 2;
		}
	}
}

/* Step 3: may anything but the pairs touch [base - 8K, base)? */
static int check_area(struct nocsr_prog *p, struct nocsr_fixup *fix)
{
	size_t i, k;
	int err;

	for (i = 0; i < p->insn_cnt; i++) {
		p->aux[i].pattern = false;
		p->aux[i].spills_num = 0;
	}
	for (i = 0; i < p->subprog_cnt; i++) {
		p->subprogs[i].keep_stack = false;
		p->subprogs[i].reserved_end = fix->funcs[i].base;
	}
	for (i = 0; i < fix->site_cnt; i++) {
		const struct nocsr_fixup_site *s = &fix->sites[i];

		if (fix->funcs[s->subprog].verdict != NOCSR_FIXUP_MOVE)
			continue;
		for (k = 1; k <= s->pairs; k++)
			p->aux[s->insn - k].pattern = p->aux[s->insn + k].pattern = true;
	}
	p->strict = true;
	err = nocsr_verify(p);
	p->strict = false;
	if (err)
		return err;
	for (i = 0; i < p->subprog_cnt; i++) {
		struct nocsr_fixup_func *f = &fix->funcs[i];

		if (f->verdict == NOCSR_FIXUP_MOVE && p->subprogs[i].contract_broken)
			refuse(f, "%.160s, which may touch the fastcall slots r10%d..r10%d",
			       p->subprogs[i].contract_why,
			       nocsr_reserved_low(f->base, f->max_pairs), f->base - 1);
	}
	return 0;
}

static void set_offsets(struct nocsr_prog *p, const struct nocsr_fixup *fix,
			bool moved)
{
	size_t i, k;

	for (i = 0; i < fix->site_cnt; i++) {
		const struct nocsr_fixup_site *s = &fix->sites[i];
		int16_t off;

		if (fix->funcs[s->subprog].verdict != NOCSR_FIXUP_MOVE)
			continue;
		for (k = 0; k < s->pairs; k++) {
			off = moved ? s->new_off[k] : s->old_off[k];
			p->insns[s->insn - k - 1].off = off;
			p->insns[s->insn + k + 1].off = off;
		}
	}
}

/* Step 4: the kernel's own rules on the moved program. */
static int prove(struct nocsr_prog *p, struct nocsr_fixup *fix)
{
	enum nocsr_arch arch = p->arch;
	enum nocsr_kernel kernel = p->kernel;
	size_t i;
	int err;

	set_offsets(p, fix, true);
	err = nocsr_prog__find_patterns(p, arch, kernel);
	if (!err)
		err = nocsr_prog__check_contract(p);
	set_offsets(p, fix, false);
	if (err)
		return err;
	for (i = 0; i < fix->site_cnt; i++) {
		const struct nocsr_fixup_site *s = &fix->sites[i];
		struct nocsr_fixup_func *f = &fix->funcs[s->subprog];
		const struct nocsr_subprog *sp = &p->subprogs[s->subprog];
		int at = p->aux[s->insn].site;

		if (f->verdict != NOCSR_FIXUP_MOVE)
			continue;
		if (sp->contract_broken)
			refuse(f, "after the move: %.200s", sp->contract_why);
		else if (at < 0 || p->sites[at].pairs != s->pairs)
			refuse(f, "after the move the kernel would match %u of the %u pairs of the call at insn %u: %.120s",
			       at < 0 ? 0 : p->sites[at].pairs, s->pairs, s->insn,
			       at < 0 ? "" : p->sites[at].why);
	}
	/* the program's analysis stays that of its input */
	return nocsr_prog__find_patterns(p, arch, kernel);
}

void nocsr_fixup__free(struct nocsr_fixup *fix)
{
	if (!fix)
		return;
	free(fix->funcs);
	free(fix->sites);
	free(fix);
}

int nocsr_prog__plan_fixup(struct nocsr_prog *p, struct nocsr_fixup **out)
{
	struct nocsr_fixup *fix;
	size_t i;
	int err;

	*out = NULL;
	/* which callees are fastcall: the newest profile knows them all */
	err = nocsr_prog__find_patterns(p, NOCSR_ARCH_X86_64, NOCSR_KERNEL_CNT - 1);
	if (err)
		return err;
	fix = calloc(1, sizeof(*fix));
	if (!fix)
		return -ENOMEM;
	fix->func_cnt = p->subprog_cnt;
	fix->funcs = calloc(fix->func_cnt, sizeof(*fix->funcs));
	if (!fix->funcs) {
		err = -ENOMEM;
		goto out;
	}
	for (i = 0; i < p->insn_cnt; i++) {
		const struct bpf_insn *insn = &p->insns[i];

		if (nocsr_insn_is_ldimm64(insn)) {
			i++;
			continue;
		}
		if (nocsr_insn_is_call(insn) && insn->src_reg != NOCSR_PSEUDO_CALL &&
		    (err = find_bracket(p, i, fix)))
			goto out;
	}
	for (i = 0; i < fix->func_cnt; i++)
		plan_func(fix, (unsigned int)i);
	if ((err = check_area(p, fix)) || (err = prove(p, fix)))
		goto out;
out:
	if (err) {
		nocsr_fixup__free(fix);
		return err;
	}
	*out = fix;
	return 0;
}

const char *nocsr_prog__insn_func(const struct nocsr_prog *p, size_t i)
{
	const struct prog_func *f = i < p->insn_cnt ? nocsr_insn_func(p, i) : NULL;

	return f ? f->name : NULL;
}

uint64_t nocsr_prog__insn_file_off(const struct nocsr_prog *p, size_t i)
{
	const struct prog_func *f = i < p->insn_cnt ? nocsr_insn_func(p, i) : NULL;

	return f ? f->file_off + (i - f->start) * sizeof(struct bpf_insn) : 0;
}
