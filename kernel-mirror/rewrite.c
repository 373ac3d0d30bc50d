// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * After verification, in the kernel's order (design §1 rules 6-7):
 * remove_fastcall_spills_fills (pairs become NOPs, stack depth shrinks),
 * the privileged dead-code passes (hard-wire branches with an unreached
 * side, drop unreached insns, drop `goto pc+0`), then do_misc_fixups:
 * x86_64 inline of bpf_get_smp_processor_id, fastcall kfuncs to r0 = r1,
 * may_goto counters below the reduced stack.
 *
 * All edits are collected first and applied in one pass: each input slot
 * becomes zero or more output slots, and every jump, call and function
 * reference is re-targeted to the first output slot of its target (or
 * the next surviving one), which is what the kernel's successive
 * bpf_patch_insn_data()/verifier_remove_insns() calls amount to.
 *
 * Also optimize_bpf_loop (before the dead-code passes), convert_ctx_accesses
 * (ctx.c; after the dead-code passes, before do_misc_fixups), the
 * division guards and array/per-CPU array/hash map_gen_lookup, and last
 * opt_subreg_zext_lo32_rnd_hi32 (zext.c: riscv64, and 32-bit cmpxchg
 * everywhere), which runs on the finished slots like the kernel's pass on
 * the patched program.  Not modelled (the kernel rewrites them, `nocsr kernel`
 * shows the difference, nocsr_prog__xlated_note() names them): context
 * fields ctx.c does not know, other maps' lookups, tail calls, helpers
 * other than bpf_get_smp_processor_id inlined by the verifier.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define AX		11	/* BPF_REG_AX as printed by the kernel */
#define MAX_LOOPS	(8 * 1024 * 1024)
#define MAX_TIMED_LOOPS	0xffff

struct out {
	struct xinsn *x;
	size_t cnt, cap;
};

static int emit(struct out *o, struct bpf_insn insn, int orig, int target,
		uint8_t kind, const char *sym)
{
	if (o->cnt == o->cap) {
		size_t cap = o->cap * 2;
		struct xinsn *n = realloc(o->x, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		o->x = n;
		o->cap = cap;
		nocsr_huge_pages(n, cap * sizeof(*n));
	}
	o->x[o->cnt].insn = insn;
	o->x[o->cnt].orig = orig;
	o->x[o->cnt].target = target;
	o->x[o->cnt].kind = kind;
	o->x[o->cnt].sym = sym;
	o->cnt++;
	return 0;
}

static struct bpf_insn mk(uint8_t code, uint8_t dst, uint8_t src, int16_t off,
			  int32_t imm)
{
	struct bpf_insn i = { .code = code, .dst_reg = dst, .src_reg = src,
			      .off = off, .imm = imm };

	return i;
}

static bool timed_may_goto(const struct nocsr_prog *p)
{
	/* x86_64 since 6.15; arm64 gained it later (assumed from 6.18) */
	if (p->arch == NOCSR_ARCH_X86_64)
		return p->kernel >= NOCSR_K6_15;
	if (p->arch == NOCSR_ARCH_ARM64)
		return p->kernel >= NOCSR_K6_18;
	return false;
}

static bool is_nop(const struct bpf_insn *i)
{
	return i->code == (BPF_JMP | BPF_JA) && !i->dst_reg && !i->src_reg &&
	       !i->off && !i->imm;
}

/* remove_fastcall_spills_fills() and the stack depth it sets. */
static void remove_pairs(struct nocsr_prog *p, bool *drop)
{
	size_t i, s;

	for (s = 0; s < p->subprog_cnt; s++) {
		bool modified = false;
		struct nocsr_subprog *sp = &p->subprogs[s];

		for (i = sp->start; i < p->insn_cnt && p->aux[i].subprog == (int)s; i++)
			modified |= p->aux[i].spills_num > 0;
		sp->depth_after = sp->depth_before;
		if (modified && !sp->keep_stack)
			sp->depth_after = -sp->reserved_end;
	}
	for (i = 0; i < p->insn_cnt; i++) {
		unsigned int j, n = p->aux[i].spills_num;

		for (j = 1; j <= n; j++) {
			drop[i - j] = drop[i + j] = true;
			p->aux[i - j].removed_pair = p->aux[i + j].removed_pair = true;
		}
	}
}

static int emit_may_goto(struct nocsr_prog *p, struct out *o, size_t i,
			 int depth, bool timed)
{
	const struct bpf_insn *insn = &p->insns[i];
	int t = (int)((long)i + insn->off + 1);
	int err = 0;

	if (timed) {
		int16_t off = (int16_t)(-depth - 16);

		err |= emit(o, mk(BPF_LDX | BPF_MEM | BPF_DW, AX, 10, off, 0), (int)i, -1, X_PLAIN, NULL);
		err |= emit(o, mk(BPF_JMP | BPF_JEQ | BPF_K, AX, 0, 0, 0), (int)i, t, X_PLAIN, NULL);
		err |= emit(o, mk(BPF_ALU64 | BPF_SUB | BPF_K, AX, 0, 0, 1), (int)i, -1, X_PLAIN, NULL);
		err |= emit(o, mk(BPF_JMP | BPF_JNE | BPF_K, AX, 0, 2, 0), (int)i, -1, X_PLAIN, NULL);
		err |= emit(o, mk(BPF_ALU64 | BPF_MOV | BPF_K, AX, 0, 0, off), (int)i, -1, X_PLAIN, NULL);
		err |= emit(o, mk(BPF_JMP | BPF_CALL, 0, 0, 0, 0), (int)i, -1, X_CALLSYM,
			    "arch_bpf_timed_may_goto");
		err |= emit(o, mk(BPF_STX | BPF_MEM | BPF_DW, 10, AX, off, 0), (int)i, -1, X_PLAIN, NULL);
	} else {
		int16_t off = (int16_t)(-depth - 8);

		err |= emit(o, mk(BPF_LDX | BPF_MEM | BPF_DW, AX, 10, off, 0), (int)i, -1, X_PLAIN, NULL);
		err |= emit(o, mk(BPF_JMP | BPF_JEQ | BPF_K, AX, 0, 0, 0), (int)i, t, X_PLAIN, NULL);
		err |= emit(o, mk(BPF_ALU64 | BPF_SUB | BPF_K, AX, 0, 0, 1), (int)i, -1, X_PLAIN, NULL);
		err |= emit(o, mk(BPF_STX | BPF_MEM | BPF_DW, 10, AX, off, 0), (int)i, -1, X_PLAIN, NULL);
	}
	return err ? -ENOMEM : 0;
}

/*
 * map_gen_lookup of array and hash maps (privileged: no index masking).
 * Struct offsets are per-build, printed as placeholders.
 */
static bool emit_map_lookup(struct nocsr_prog *p, struct out *o, size_t i, int *err)
{
	const struct nocsr_map *map = &p->obj->maps[p->aux[i].map];
	int n = (int)i;

	if (map->flags & (1u << 12))	/* BPF_F_INNER_MAP */
		return false;
	/*
	 * Every arch we model has bpf_jit_supports_percpu_insn() (x86_64 since
	 * 6.10, arm64 and riscv64 since 6.11), so the per-CPU array inline is
	 * on for every profile: load pptrs[index], make it this cpu's address.
	 */
	if (map->type == BPF_MAP_TYPE_PERCPU_ARRAY) {
		*err |= emit(o, mk(BPF_ALU64 | BPF_ADD | BPF_K, 1, 0, 0, 0), n, -1,
			     X_IMMSYM, "<offsetof(bpf_array,pptrs)>");
		*err |= emit(o, mk(BPF_LDX | BPF_MEM | BPF_W, 0, 2, 0, 0), n, -1, X_PLAIN, NULL);
		*err |= emit(o, mk(BPF_JMP | BPF_JGE | BPF_K, 0, 0, 5, (int32_t)map->max_entries),
			     n, -1, X_PLAIN, NULL);
		*err |= emit(o, mk(BPF_ALU64 | BPF_LSH | BPF_K, 0, 0, 0, 3), n, -1, X_PLAIN, NULL);
		*err |= emit(o, mk(BPF_ALU64 | BPF_ADD | BPF_X, 0, 1, 0, 0), n, -1, X_PLAIN, NULL);
		*err |= emit(o, mk(BPF_LDX | BPF_MEM | BPF_DW, 0, 0, 0, 0), n, -1, X_PLAIN, NULL);
		*err |= emit(o, mk(BPF_ALU64 | BPF_MOV | BPF_X, 0, 0, NOCSR_ADDR_PERCPU, 0),
			     n, -1, X_PLAIN, NULL);
		*err |= emit(o, mk(BPF_JMP | BPF_JA, 0, 0, 1, 0), n, -1, X_PLAIN, NULL);
		*err |= emit(o, mk(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0), n, -1, X_PLAIN, NULL);
		return true;
	}
	if (map->type == BPF_MAP_TYPE_ARRAY) {
		uint32_t elem = (map->value_size + 7) & ~7u;

		*err |= emit(o, mk(BPF_ALU64 | BPF_ADD | BPF_K, 1, 0, 0, 0), n, -1,
			     X_IMMSYM, "<offsetof(bpf_array,value)>");
		*err |= emit(o, mk(BPF_LDX | BPF_MEM | BPF_W, 0, 2, 0, 0), n, -1, X_PLAIN, NULL);
		*err |= emit(o, mk(BPF_JMP | BPF_JGE | BPF_K, 0, 0, 3, (int32_t)map->max_entries),
			     n, -1, X_PLAIN, NULL);
		if (elem && !(elem & (elem - 1)))
			*err |= emit(o, mk(BPF_ALU64 | BPF_LSH | BPF_K, 0, 0, 0,
					   __builtin_ctz(elem)), n, -1, X_PLAIN, NULL);
		else
			*err |= emit(o, mk(BPF_ALU64 | BPF_MUL | BPF_K, 0, 0, 0, (int32_t)elem),
				     n, -1, X_PLAIN, NULL);
		*err |= emit(o, mk(BPF_ALU64 | BPF_ADD | BPF_X, 0, 1, 0, 0), n, -1, X_PLAIN, NULL);
		*err |= emit(o, mk(BPF_JMP | BPF_JA, 0, 0, 1, 0), n, -1, X_PLAIN, NULL);
		*err |= emit(o, mk(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0), n, -1, X_PLAIN, NULL);
		return true;
	}
	if (map->type == BPF_MAP_TYPE_HASH) {
		*err |= emit(o, mk(BPF_JMP | BPF_CALL, 0, 0, 0, 0), n, -1, X_CALLSYM,
			     "__htab_map_lookup_elem");
		*err |= emit(o, mk(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1, 0), n, -1, X_PLAIN, NULL);
		*err |= emit(o, mk(BPF_ALU64 | BPF_ADD | BPF_K, 0, 0, 0, 0), n, -1, X_IMMSYM,
			     "<offsetof(htab_elem,key)+key_size>");
		return true;
	}
	return false;
}

/*
 * do_misc_fixups makes division exceptions impossible (same sequences
 * on every profile and arch, since 6.12-rc1): a register divisor of 0
 * gives 0 for div and leaves the dividend for mod; for the signed (cpu
 * v4, off 1) forms a divisor of -1 is tested through AX (-1 and 0 map
 * to 0 and 1) and gives the negation for sdiv, 0 for smod.  An
 * immediate divisor is left alone except a signed -1.  32-bit mod keeps
 * the zero extension of wY with wY = wY on the skipped path.
 */
static bool emit_div(struct out *o, size_t i, const struct bpf_insn *insn, int *err)
{
	uint8_t cls = BPF_CLASS(insn->code), op = BPF_OP(insn->code);
	bool is64 = cls == BPF_ALU64, sign = insn->off == 1;
	uint8_t jmp = is64 ? BPF_JMP : BPF_JMP32, dst = insn->dst_reg;
	struct bpf_insn s[9];
	int k = 0, n;

	if ((cls != BPF_ALU && cls != BPF_ALU64) || (op != BPF_DIV && op != BPF_MOD))
		return false;
	if (BPF_SRC(insn->code) == BPF_K) {
		if (!sign || insn->imm != -1)
			return false;
		s[k++] = op == BPF_DIV ? mk(cls | BPF_NEG | BPF_K, dst, 0, 0, 0) :
					 mk(BPF_ALU | BPF_MOV | BPF_K, dst, 0, 0, 0);
	} else if (sign) {
		s[k++] = mk(BPF_ALU64 | BPF_MOV | BPF_X, AX, insn->src_reg, 0, 0);
		s[k++] = mk(cls | BPF_ADD | BPF_K, AX, 0, 0, 1);
		s[k++] = mk(jmp | BPF_JGT | BPF_K, AX, 0, op == BPF_DIV ? 4 : 3, 1);
		if (op == BPF_DIV) {
			s[k++] = mk(jmp | BPF_JEQ | BPF_K, AX, 0, 1, 0);
			s[k++] = mk(cls | BPF_MOV | BPF_K, dst, 0, 0, 0);
			s[k++] = mk(cls | BPF_NEG | BPF_K, dst, 0, 0, 0);
		} else {
			s[k++] = mk(jmp | BPF_JEQ | BPF_K, AX, 0, is64 ? 3 : 4, 1);
			s[k++] = mk(BPF_ALU | BPF_MOV | BPF_K, dst, 0, 0, 0);
		}
		s[k++] = mk(BPF_JMP | BPF_JA, 0, 0, 1, 0);
		s[k++] = *insn;
	} else if (op == BPF_DIV) {
		s[k++] = mk(jmp | BPF_JNE | BPF_K, insn->src_reg, 0, 2, 0);
		s[k++] = mk(BPF_ALU | BPF_XOR | BPF_X, dst, dst, 0, 0);
		s[k++] = mk(BPF_JMP | BPF_JA, 0, 0, 1, 0);
		s[k++] = *insn;
	} else {
		s[k++] = mk(jmp | BPF_JEQ | BPF_K, insn->src_reg, 0, is64 ? 1 : 2, 0);
		s[k++] = *insn;
	}
	if (!is64 && op == BPF_MOD && BPF_SRC(insn->code) == BPF_X) {
		s[k++] = mk(BPF_JMP | BPF_JA, 0, 0, 1, 0);
		s[k++] = mk(BPF_ALU | BPF_MOV | BPF_X, dst, dst, 0, 0);
	}
	for (n = 0; n < k; n++)
		*err |= emit(o, s[n], (int)i, -1, X_PLAIN, NULL);
	return true;
}

static void emit_ctx_insns(struct out *o, const struct ctx_insn *c, int n,
			   size_t i, int *err)
{
	int k;

	for (k = 0; k < n; k++) {
		uint8_t kind = c[k].off_sym ? X_OFFSYM : c[k].imm_sym ? X_IMMSYM : X_PLAIN;

		*err |= emit(o, c[k].insn, (int)i, -1, kind,
			     c[k].off_sym ? c[k].off_sym : c[k].imm_sym);
	}
}

/* convert_ctx_accesses() for one access; false when left as written. */
static bool emit_ctx(struct nocsr_prog *p, struct out *o, size_t i, int *err)
{
	struct ctx_insn c[CTX_MAX_INSNS];
	const char *why;
	int n = nocsr_ctx_convert(p, i, c, &why);

	emit_ctx_insns(o, c, n, i, err);
	return n > 0;
}

/*
 * gen_prologue, ahead of slot 0 (after the may_goto counter, which
 * do_misc_fixups adds later at the subprogram start).  A jump back to
 * slot 0 lands on the prologue here; the kernel skips it (rare: a loop
 * around the whole entry function).
 */
static void emit_prologue(struct nocsr_prog *p, struct out *o, int *err)
{
	struct ctx_insn c[CTX_MAX_INSNS + 1];

	emit_ctx_insns(o, c, nocsr_ctx_prologue(p, c), 0, err);
}

/*
 * optimize_bpf_loop(): bpf_loop with flags 0 and a single known callback
 * becomes a loop calling the callback directly, r6-r8 saved in three slots
 * below the (reduced, 8-rounded) stack depth.
 */
static void emit_bpf_loop(struct nocsr_prog *p, struct out *o, size_t i,
			  int base, int *err)
{
	int n = (int)i, cb = p->subprogs[p->aux[i].loop_cb].start;
	int16_t r6 = (int16_t)base, r7 = (int16_t)(base + 8), r8 = (int16_t)(base + 16);

	*err |= emit(o, mk(BPF_JMP | BPF_JLE | BPF_K, 1, 0, 2, MAX_LOOPS), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_ALU | BPF_MOV | BPF_K, 0, 0, 0, -7 /* -E2BIG */), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_JMP | BPF_JA, 0, 0, 16, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_STX | BPF_MEM | BPF_DW, 10, 6, r6, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_STX | BPF_MEM | BPF_DW, 10, 7, r7, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_STX | BPF_MEM | BPF_DW, 10, 8, r8, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_ALU64 | BPF_MOV | BPF_X, 6, 1, 0, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_ALU | BPF_MOV | BPF_K, 7, 0, 0, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_ALU64 | BPF_MOV | BPF_X, 8, 3, 0, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_JMP | BPF_JGE | BPF_X, 7, 6, 5, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_ALU64 | BPF_MOV | BPF_X, 1, 7, 0, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_ALU64 | BPF_MOV | BPF_X, 2, 8, 0, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_JMP | BPF_CALL, 0, NOCSR_PSEUDO_CALL, 0, 0), n, cb, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_ALU64 | BPF_ADD | BPF_K, 7, 0, 0, 1), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, -6, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_ALU64 | BPF_MOV | BPF_X, 0, 7, 0, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_LDX | BPF_MEM | BPF_DW, 6, 10, r6, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_LDX | BPF_MEM | BPF_DW, 7, 10, r7, 0), n, -1, X_PLAIN, NULL);
	*err |= emit(o, mk(BPF_LDX | BPF_MEM | BPF_DW, 8, 10, r8, 0), n, -1, X_PLAIN, NULL);
}

static int emit_all(struct nocsr_prog *p, const bool *drop, struct out *o,
		    int *extra)
{
	bool timed = timed_may_goto(p);
	size_t n = p->subprog_cnt ? p->subprog_cnt : 1;
	int loop_extra[n], mg[n], loop_base[n];
	size_t i;
	int err = 0;

	/*
	 * Per subprogram: d = reduced depth rounded to 8; optimize_bpf_loop
	 * puts r6-r8 at d+24..d+8 below r10, then do_misc_fixups puts the
	 * may_goto counter below that.  extra[] returns the total growth.
	 */
	for (i = 0; i < n; i++)
		loop_extra[i] = mg[i] = loop_base[i] = 0;
	for (i = 0; i < p->insn_cnt; i++) {
		const struct bpf_insn *insn = &p->insns[i];
		int s = p->aux[i].subprog;

		if (drop[i])
			continue;
		if (nocsr_insn_is_call(insn) && !insn->src_reg && insn->imm == 181 &&
		    p->aux[i].loop_fit)
			loop_extra[s] = 24;
		if (insn->code == (BPF_JMP | BPF_JCOND))
			mg[s] = timed ? 16 : 8;
	}
	for (i = 0; i < p->subprog_cnt; i++) {
		int d = (p->subprogs[i].depth_after + 7) & ~7;

		loop_base[i] = -(d + loop_extra[i]);
		extra[i] = loop_extra[i] + mg[i];
	}
	for (i = 0; i < p->insn_cnt && !err; i++) {
		const struct bpf_insn *insn = &p->insns[i];
		const struct insn_meta *m = &p->meta[i];
		int s = p->aux[i].subprog;
		struct nocsr_subprog *sp = &p->subprogs[s];
		int depth = -loop_base[s];	/* what may_goto sees */
		struct bpf_insn c = *insn;
		int32_t d;

		if ((size_t)sp->start == i && mg[s]) {
			int nd = depth + mg[s];

			if (timed) {
				err |= emit(o, mk(BPF_ST | BPF_MEM | BPF_DW, 10, 0, (int16_t)-nd,
						  MAX_TIMED_LOOPS), (int)i, -1, X_PLAIN, NULL);
				err |= emit(o, mk(BPF_ST | BPF_MEM | BPF_DW, 10, 0,
						  (int16_t)(-nd + 8), 0), (int)i, -1, X_PLAIN, NULL);
			} else {
				err |= emit(o, mk(BPF_ST | BPF_MEM | BPF_DW, 10, 0, (int16_t)-nd,
						  MAX_LOOPS), (int)i, -1, X_PLAIN, NULL);
			}
		}
		if (i == 0)
			emit_prologue(p, o, &err);
		if (drop[i])
			continue;
		if (nocsr_insn_is_ldimm64(insn)) {
			int t = insn->src_reg == BPF_PSEUDO_FUNC ?
				(int)((long)i + insn->imm + 1) : -1;

			c = insn[1];
			if (t >= 0)
				c.imm = p->aux[t].subprog;
			err |= emit(o, *insn, (int)i, t, X_PLAIN, NULL);
			err |= emit(o, c, (int)i, -1, X_SECOND, NULL);
			i++;
			continue;
		}
		if (nocsr_insn_is_call(insn)) {
			if (insn->src_reg == NOCSR_PSEUDO_CALL) {
				err |= emit(o, c, (int)i, (int)((long)i + insn->imm + 1),
					    X_PLAIN, NULL);
				continue;
			}
			if (insn->src_reg == 0 &&
			    nocsr_helper_verifier_inlines(insn->imm, p->arch, p->kernel)) {
				bool mov64 = p->kernel >= NOCSR_K6_15;

				err |= emit(o, mk(mov64 ? (BPF_ALU64 | BPF_MOV | BPF_K) :
						  (BPF_ALU | BPF_MOV | BPF_K), 0, 0, 0, 0),
					    (int)i, -1, X_IMMSYM, "<cpu_number>");
				err |= emit(o, mk(BPF_ALU64 | BPF_MOV | BPF_X, 0, 0,
						  NOCSR_ADDR_PERCPU, 0), (int)i, -1, X_PLAIN, NULL);
				err |= emit(o, mk(BPF_LDX | BPF_MEM | BPF_W, 0, 0, 0, 0),
					    (int)i, -1, X_PLAIN, NULL);
				continue;
			}
			if (insn->src_reg == 0 && insn->imm == 181 && p->aux[i].loop_fit) {
				emit_bpf_loop(p, o, i, loop_base[s], &err);
				continue;
			}
			if (insn->src_reg == 0 && insn->imm == BPF_FUNC_map_lookup_elem &&
			    p->aux[i].map >= 0 && emit_map_lookup(p, o, i, &err))
				continue;
			if (insn->src_reg == NOCSR_PSEUDO_KFUNC_CALL && m->sym &&
			    nocsr_kfunc_is_fastcall(m->sym, p->kernel)) {
				err |= emit(o, mk(BPF_ALU64 | BPF_MOV | BPF_X, 0, 1, 0, 0),
					    (int)i, -1, X_PLAIN, NULL);
				continue;
			}
			err |= emit(o, c, (int)i, -1, X_PLAIN, NULL);
			continue;
		}
		if (insn->code == (BPF_JMP | BPF_JCOND)) {
			err |= emit_may_goto(p, o, i, depth, timed);
			continue;
		}
		if (is_nop(insn))
			continue;	/* opt_remove_nops */
		if (p->aux[i].ctx_access && emit_ctx(p, o, i, &err))
			continue;
		if (emit_div(o, i, insn, &err))
			continue;
		if (nocsr_insn_jump_delta(insn, &d)) {
			size_t t = (size_t)((long)i + d + 1);

			if (nocsr_insn_is_cond_jump(insn)) {
				/* opt_hard_wire_dead_code_branches */
				if (!p->aux[i + 1].seen) {
					c = mk(BPF_JMP | BPF_JA, 0, 0, insn->off, 0);
				} else if (!p->aux[t].seen) {
					continue;	/* became goto pc+0 */
				}
			}
			err |= emit(o, c, (int)i, (int)t, X_PLAIN, NULL);
			continue;
		}
		err |= emit(o, c, (int)i, -1, X_PLAIN, NULL);
	}
	return err ? -ENOMEM : 0;
}

/* newidx[orig]: first output slot of orig, or of the next surviving one. */
static int resolve(struct nocsr_prog *p, struct out *o)
{
	size_t n = p->insn_cnt, i;
	int *newidx = malloc((n + 1) * sizeof(int));

	if (!newidx)
		return -ENOMEM;
	nocsr_huge_pages(newidx, (n + 1) * sizeof(int));
	for (i = 0; i <= n; i++)
		newidx[i] = -1;
	for (i = o->cnt; i-- > 0;)
		newidx[o->x[i].orig] = (int)i;
	newidx[n] = (int)o->cnt;
	for (i = n; i-- > 0;)
		if (newidx[i] < 0)
			newidx[i] = newidx[i + 1];
	for (i = 0; i < o->cnt; i++) {
		struct xinsn *x = &o->x[i];
		long rel;

		if (x->target < 0)
			continue;
		rel = (long)newidx[x->target] - (long)i - 1;
		if (nocsr_insn_is_call(&x->insn) || nocsr_insn_is_ldimm64(&x->insn) ||
		    x->insn.code == (BPF_JMP32 | BPF_JA))
			x->insn.imm = (int32_t)rel;
		else
			x->insn.off = (int16_t)rel;
	}
	for (i = 0; i < p->subprog_cnt; i++)
		p->subprogs[i].xlated_start = (unsigned int)newidx[p->subprogs[i].start];
	free(newidx);
	return 0;
}

int nocsr_build_xlated(struct nocsr_prog *p)
{
	/* room for the program as it came: growing to a million slots copied them */
	struct out o = { .cap = p->insn_cnt + 64 };
	bool *drop = calloc(p->insn_cnt + 1, sizeof(*drop));
	int *extra = calloc(p->subprog_cnt, sizeof(*extra));
	size_t i, round;
	int err = -ENOMEM;

	o.x = malloc(o.cap * sizeof(*o.x));
	if (!drop || !extra || !o.x)
		goto out;
	nocsr_huge_pages(o.x, o.cap * sizeof(*o.x));
	remove_pairs(p, drop);
	p->ctx_tstamp_type = false;
	for (i = 0; i < p->insn_cnt; i++) {
		if (!p->aux[i].seen)
			drop[i] = true;	/* opt_remove_dead_code */
		else if (p->aux[i].ctx_access && p->insns[i].off == CTX_TSTAMP_TYPE_OFF)
			p->ctx_tstamp_type = true;	/* prog->tstamp_type_access */
	}
	for (round = 0; round < 8; round++) {
		bool again = false;

		o.cnt = 0;
		if ((err = emit_all(p, drop, &o, extra)) || (err = resolve(p, &o)))
			goto out;
		/* jumps that became goto pc+0 go too (opt_remove_nops) */
		for (i = 0; i < o.cnt; i++) {
			if (o.x[i].target >= 0 && is_nop(&o.x[i].insn) &&
			    !drop[o.x[i].orig]) {
				drop[o.x[i].orig] = true;
				again = true;
			}
		}
		if (!again)
			break;
	}
	for (i = 0; i < p->subprog_cnt; i++)
		if (extra[i])
			p->subprogs[i].depth_after =
				((p->subprogs[i].depth_after + 7) & ~7) + extra[i];
	p->x = o.x;
	p->x_cnt = o.cnt;
	o.x = NULL;
	p->x_insns = malloc((o.cnt ? o.cnt : 1) * sizeof(*p->x_insns));
	if (!p->x_insns) {
		err = -ENOMEM;
		goto out;
	}
	nocsr_huge_pages(p->x_insns, o.cnt * sizeof(*p->x_insns));
	for (i = 0; i < o.cnt; i++)
		p->x_insns[i] = p->x[i].insn;
	err = nocsr_zext_insert(p);	/* last, as bpf_check() runs it */
out:
	free(o.x);
	free(drop);
	free(extra);
	return err;
}

/* Printing with placeholders for load-time numbers. */
struct pctx {
	const struct nocsr_prog *p;
	const struct xinsn *x;		/* NULL when printing the input */
	const struct insn_meta *m;
};

static const char *cb_call(void *ctx, const struct bpf_insn *insn,
			   char *buf, size_t len)
{
	const struct pctx *c = ctx;

	if (c->x && c->x->kind == X_CALLSYM) {
		snprintf(buf, len, "%s#<addr>", c->x->sym);
		return buf;
	}
	if (insn->src_reg == NOCSR_PSEUDO_KFUNC_CALL && c->m && c->m->sym) {
		snprintf(buf, len, "%s#%d", c->m->sym, insn->imm);
		return buf;
	}
	return NULL;
}

static const char *cb_off(void *ctx, const struct bpf_insn *insn,
			  char *buf, size_t len)
{
	const struct pctx *c = ctx;

	(void)insn;
	(void)buf;
	(void)len;
	return c->x && c->x->kind == X_OFFSYM ? c->x->sym : NULL;
}

static const char *cb_imm(void *ctx, const struct bpf_insn *insn,
			  uint64_t v, char *buf, size_t len)
{
	const struct pctx *c = ctx;

	if (c->x && c->x->kind == X_IMMSYM)
		return c->x->sym;
	if (!nocsr_insn_is_ldimm64(insn) || !c->m)
		return NULL;
	switch (insn->src_reg) {
	case BPF_PSEUDO_MAP_FD:
		snprintf(buf, len, "map[id:<%s>]", c->m->sym ? c->m->sym : "?");
		return buf;
	case BPF_PSEUDO_MAP_VALUE:
		snprintf(buf, len, "map[id:<%s>][0]+%u", c->m->sym ? c->m->sym : "?",
			 (uint32_t)insn[1].imm);
		return buf;
	case BPF_PSEUDO_BTF_ID:
		snprintf(buf, len, "<%s>", c->m->sym ? c->m->sym : "ksym");
		return buf;
	case BPF_PSEUDO_FUNC:
		snprintf(buf, len, "subprog[%+d]", insn->imm);
		return buf;
	}
	(void)v;
	return NULL;
}

static int text(const struct nocsr_prog *p, const struct xinsn *x,
		const struct bpf_insn *insn, const struct insn_meta *m,
		char *buf, size_t len)
{
	struct pctx c = { p, x, m };
	struct nocsr_disasm_cbs cbs = {
		.call_name = cb_call, .imm = cb_imm, .off = cb_off, .ctx = &c,
		.percpu_as_mov = true,
	};

	return nocsr_insn_snprintf(buf, len, insn, &cbs);
}

size_t nocsr_prog__xlated_cnt(const struct nocsr_prog *p)
{
	return p->stage >= 3 ? p->x_cnt : 0;
}

const struct bpf_insn *nocsr_prog__xlated(const struct nocsr_prog *p)
{
	return p->stage >= 3 ? p->x_insns : NULL;
}

int nocsr_prog__xlated_text(const struct nocsr_prog *p, size_t i, char *buf,
			    size_t len)
{
	const struct xinsn *x;

	if (p->stage < 3 || i >= p->x_cnt)
		return -EINVAL;
	if (p->x[i].kind == X_SECOND) {
		buf[0] = 0;
		return 0;
	}
	x = &p->x[i];
	return text(p, x, &p->x_insns[i], x->orig >= 0 ? &p->meta[x->orig] : NULL,
		    buf, len);
}

const char *nocsr_prog__xlated_note(const struct nocsr_prog *p, size_t i)
{
	if (p->stage < 3 || i >= p->x_cnt || p->x[i].orig < 0)
		return NULL;
	if (p->aux[p->x[i].orig].ctx_access && p->x[i].kind == X_PLAIN &&
	    !memcmp(&p->x_insns[i], &p->insns[p->x[i].orig], sizeof(p->x_insns[i])))
		return nocsr_ctx_note(p, (size_t)p->x[i].orig);
	if (nocsr_insn_is_call(&p->x_insns[i]) && !p->x_insns[i].src_reg &&
	    p->x[i].kind == X_PLAIN && p->x_insns[i].imm == BPF_FUNC_tail_call)
		return "tail call: the kernel rewrites it (not modelled)";
	if (nocsr_insn_is_call(&p->x_insns[i]) && !p->x_insns[i].src_reg &&
	    p->x[i].kind == X_PLAIN && p->x_insns[i].imm == BPF_FUNC_map_lookup_elem)
		return "map lookup: inlined by the kernel for some map types (only array, per-CPU array and hash modelled)";
	return NULL;
}

int nocsr_prog__insn_text(const struct nocsr_prog *p, size_t i, char *buf,
			  size_t len)
{
	if (i >= p->insn_cnt)
		return -EINVAL;
	return text(p, NULL, &p->insns[i], &p->meta[i], buf, len);
}
