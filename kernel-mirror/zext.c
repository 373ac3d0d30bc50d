// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * opt_subreg_zext_lo32_rnd_hi32(): the verifier's last rewrite before
 * the JIT (bpf_check() runs it after do_misc_fixups), applied to the
 * predicted xlated program.  A slot whose 32-bit result the kernel flags
 * (insn_aux zext_dst) is followed by `wX = wX` (BPF_ZEXT_REG: a 32-bit
 * mov with imm 1) when the JIT asks for it (nocsr_jit_needs_zext(),
 * riscv64) or, on every arch, when the slot is a cmpxchg (some arches
 * only load r0 when the comparison succeeds).  A kfunc call's narrow
 * result is extended by the caller, so it never gets one.  The
 * BPF_F_TEST_RND_HI32 variant (random upper halves instead) is a test
 * flag no loader sets and is not modelled.
 *
 * Where zext_dst comes from:
 *  - a slot an earlier pass patched in (ctx conversion, do_misc_fixups'
 *    inlines and guards, bpf_loop, may_goto, the prologue, and the
 *    original instruction kept inside such a patch) gets it whenever it
 *    defines a 32-bit value (adjust_insn_aux_data() sets insn_has_def32,
 *    read or not);
 *  - an instruction left as written gets it when its 32-bit result is
 *    read as 64 bits later (mark_insn_zext() at the read, on the
 *    verifier's walk).  Here that is a backward liveness of "read as 64
 *    bits" over the edges the contract walk followed, through bpf-to-bpf
 *    calls (arguments into the callee, r0 back out of it).  Approximations,
 *    each beside its code: see zext_live().
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define R0		(1u << 0)
#define R1_5		0x3eu
#define R6_9		0x3c0u
#define ALL_REGS	0x7ffu	/* r0-r10 */
#define LOAD_ACQ	0x100	/* BPF_LOAD_ACQ */
#define STORE_REL	0x110	/* BPF_STORE_REL */

/*
 * The register an instruction defines as a 32-bit value, or -1:
 * insn_def_regno() and !is_reg64(DST_OP) of the verifier.  ALU32,
 * byte swaps to 16/32 bits (also the ALU64 bswap), narrow loads without
 * sign extension, 32-bit atomics with a result (cmpxchg's r0, fetch's
 * src, load-acquire's dst) and LD_ABS/LD_IND (r0) do.
 */
static int def32_reg(const struct bpf_insn *in)
{
	uint8_t cls = BPF_CLASS(in->code), mode = BPF_MODE(in->code);
	bool dw = BPF_SIZE(in->code) == BPF_DW;

	switch (cls) {
	case BPF_ALU:
		return BPF_OP(in->code) == BPF_END && in->imm == 64 ? -1 : in->dst_reg;
	case BPF_ALU64:
		return BPF_OP(in->code) == BPF_END && in->imm != 64 ? in->dst_reg : -1;
	case BPF_LDX:
		return dw || mode == BPF_MEMSX ? -1 : in->dst_reg;
	case BPF_LD:
		return mode == BPF_IMM ? -1 : in->dst_reg;
	case BPF_STX:
		if (mode != BPF_ATOMIC || dw)
			return -1;
		if (in->imm == BPF_CMPXCHG)
			return 0;
		if (in->imm == LOAD_ACQ)
			return in->dst_reg;
		return in->imm & BPF_FETCH ? in->src_reg : -1;
	default:
		return -1;
	}
}

static bool is_cmpxchg(const struct bpf_insn *in)
{
	return BPF_CLASS(in->code) == BPF_STX && BPF_MODE(in->code) == BPF_ATOMIC &&
	       in->imm == BPF_CMPXCHG;
}

/* What one input instruction reads as 64 bits (is_reg64(SRC_OP)) and defines. */
struct du {
	uint16_t use64, def;
};

static struct du alu_du(const struct bpf_insn *in)
{
	uint8_t op = BPF_OP(in->code);
	bool w64 = BPF_CLASS(in->code) == BPF_ALU64;
	struct du d = { 0, (uint16_t)(1u << in->dst_reg) };

	if (op == BPF_END)
		w64 = in->imm == 64;	/* bswap16/32 read and write 32 bits */
	if (!w64)
		return d;
	if (op != BPF_MOV)
		d.use64 |= 1u << in->dst_reg;
	if (BPF_SRC(in->code) == BPF_X && op != BPF_END && op != BPF_NEG)
		d.use64 |= 1u << in->src_reg;
	return d;
}

/* Stores and atomics: the base is a pointer (64), a scalar source per size. */
static struct du stx_du(const struct bpf_insn *in)
{
	bool dw = BPF_SIZE(in->code) == BPF_DW;
	uint16_t src = (uint16_t)(1u << in->src_reg), dst = (uint16_t)(1u << in->dst_reg);
	struct du d = { dst, 0 };

	if (BPF_MODE(in->code) != BPF_ATOMIC) {
		d.use64 |= dw ? src : 0;
		return d;
	}
	if (in->imm == LOAD_ACQ) {
		d.use64 = src;
		d.def = dst;
		return d;
	}
	d.use64 |= dw ? src : 0;
	if (in->imm == BPF_CMPXCHG) {
		d.use64 |= dw ? R0 : 0;
		d.def = R0;
	} else if (in->imm != STORE_REL && (in->imm & BPF_FETCH)) {
		d.def = src;
	}
	return d;
}

/* Calls and exits are handled by the edges (zext_succ); the rest here. */
static struct du insn_du(const struct nocsr_prog *p, size_t i)
{
	const struct bpf_insn *in = &p->insns[i];
	struct du d = { 0, 0 };
	struct call_summary cs;
	unsigned int nargs = 5;

	switch (BPF_CLASS(in->code)) {
	case BPF_ALU:
	case BPF_ALU64:
		return alu_du(in);
	case BPF_LDX:
		d.use64 = (uint16_t)(1u << in->src_reg);
		d.def = (uint16_t)(1u << in->dst_reg);
		return d;
	case BPF_ST:
		d.use64 = (uint16_t)(1u << in->dst_reg);
		return d;
	case BPF_STX:
		return stx_du(in);
	case BPF_LD:
		if (BPF_MODE(in->code) == BPF_IMM) {	/* ld_imm64; 0 in its second slot */
			d.def = nocsr_insn_is_ldimm64(in) ? (uint16_t)(1u << in->dst_reg) : 0;
			return d;
		}
		/* LD_ABS/LD_IND: the implicit ctx in r6 and the index register */
		d.use64 = (uint16_t)((1u << 6) | (BPF_MODE(in->code) == BPF_IND ?
						  1u << in->src_reg : 0));
		d.def = R0 | R1_5;
		return d;
	}
	if (nocsr_insn_is_call(in) && in->src_reg != NOCSR_PSEUDO_CALL) {
		/*
		 * Helper arguments are read as 64 bits (check_func_arg).  A
		 * kfunc reads 8-byte arguments as 64 bits and narrower scalars
		 * as 32 (mark_btf_func_reg_size): the loader keeps only the
		 * argument count, so every kfunc argument counts as 64 bits.
		 */
		if (nocsr_call_summary(p, i, &cs) && cs.known)
			nargs = cs.nargs > 5 ? 5 : cs.nargs;
		d.use64 = (uint16_t)(((1u << (nargs + 1)) - 1) & R1_5);
		d.def = R0 | R1_5;
		return d;
	}
	if (BPF_CLASS(in->code) == BPF_JMP && nocsr_insn_is_cond_jump(in))
		d.use64 = (uint16_t)((1u << in->dst_reg) |
				     (BPF_SRC(in->code) == BPF_X ? 1u << in->src_reg : 0));
	return d;
}

struct zctx {
	const struct nocsr_prog *p;
	size_t *site_start;	/* per subprog: range in sites[] */
	size_t *sites;		/* bpf-to-bpf call slots, grouped by callee */
	size_t *rd_start;	/* per slot: range in rd[] */
	size_t *rd;		/* the slots whose live_out reads that slot */
};

struct edge {
	size_t to;
	uint16_t mask;		/* registers whose liveness flows along it */
};

/* Return sites of the subprogram exit i leaves from (r0 flows there). */
static size_t exit_sites(const struct zctx *z, size_t i)
{
	int s = z->p->aux[i].subprog;

	if (!nocsr_insn_is_exit(&z->p->insns[i]))
		return 0;
	return z->site_start[s + 1] - z->site_start[s];
}

static size_t exit_site(const struct zctx *z, size_t i, size_t k)
{
	return z->sites[z->site_start[z->p->aux[i].subprog] + k] + 1;
}

/*
 * Successors of a reached instruction, the way the verifier walks it:
 * branches only where the contract walk took them, a bpf-to-bpf call
 * into its callee (r1-r5) and past it (r6-r9, which the callee cannot
 * touch); exits have exit_sites() instead.
 */
static unsigned int zext_succ(const struct zctx *z, size_t i, struct edge *e)
{
	const struct nocsr_prog *p = z->p;
	const struct bpf_insn *in = &p->insns[i];
	unsigned int n = 0;
	int32_t d;

	if (nocsr_insn_is_exit(in))
		return 0;
	if (nocsr_insn_is_call(in) && in->src_reg == NOCSR_PSEUDO_CALL) {
		e[n++] = (struct edge){ (size_t)((long)i + in->imm + 1), R1_5 };
		e[n++] = (struct edge){ i + 1, R6_9 };
		return n;
	}
	if (nocsr_insn_is_ldimm64(in)) {
		e[n++] = (struct edge){ i + 2, ALL_REGS };
		return n;
	}
	if (nocsr_insn_jump_delta(in, &d)) {
		size_t t = (size_t)((long)i + d + 1);
		bool cond = nocsr_insn_is_cond_jump(in) ||
			    in->code == (BPF_JMP | BPF_JCOND);

		if (cond && p->aux[i].succ_seen[0])
			e[n++] = (struct edge){ i + 1, ALL_REGS };
		if (!cond || p->aux[i].succ_seen[1])
			e[n++] = (struct edge){ t, ALL_REGS };
		return n;
	}
	if (i + 1 < p->insn_cnt)
		e[n++] = (struct edge){ i + 1, ALL_REGS };
	return n;
}

/* Registers live as "read as 64 bits" after instruction i. */
static uint16_t live_out(const struct zctx *z, size_t i, const uint16_t *in)
{
	const struct nocsr_prog *p = z->p;
	struct edge e[2];
	size_t k, nsites = exit_sites(z, i);
	unsigned int n = zext_succ(z, i, e), j;
	uint16_t out = 0;

	for (j = 0; j < n; j++)
		if (e[j].to < p->insn_cnt)
			out |= in[e[j].to] & e[j].mask;
	for (k = 0; k < nsites; k++)
		out |= in[exit_site(z, i, k)] & R0;
	/*
	 * The entry program's exit reads r0 as 64 bits (check_return_code).
	 * A subprogram only called back by a helper (bpf_loop, timers...)
	 * has its r0 checked with a read mark, which flags no definition
	 * (before 6.18 it could through a pruned state's liveness; not
	 * modelled).  Global functions are treated like static ones.
	 */
	if (nocsr_insn_is_exit(&p->insns[i]) && p->aux[i].subprog == 0)
		out |= R0;
	return out;
}

/* Call sites grouped by callee, for the exits' edges back. */
static int index_sites(struct zctx *z)
{
	const struct nocsr_prog *p = z->p;
	size_t ns = p->subprog_cnt, i, *fill;

	z->site_start = calloc(ns + 2, sizeof(size_t));
	fill = calloc(ns + 1, sizeof(size_t));
	z->sites = malloc((p->insn_cnt + 1) * sizeof(size_t));
	if (!z->site_start || !fill || !z->sites) {
		free(fill);
		return -ENOMEM;
	}
	for (i = 0; i < p->insn_cnt; i++)
		if (p->aux[i].seen && nocsr_insn_is_call(&p->insns[i]) &&
		    p->insns[i].src_reg == NOCSR_PSEUDO_CALL)
			z->site_start[p->aux[(long)i + p->insns[i].imm + 1].subprog + 1]++;
	for (i = 1; i <= ns; i++)
		z->site_start[i] += z->site_start[i - 1];
	z->site_start[ns + 1] = z->site_start[ns];
	for (i = 0; i < p->insn_cnt; i++) {
		int c;

		if (!p->aux[i].seen || !nocsr_insn_is_call(&p->insns[i]) ||
		    p->insns[i].src_reg != NOCSR_PSEUDO_CALL)
			continue;
		c = p->aux[(long)i + p->insns[i].imm + 1].subprog;
		z->sites[z->site_start[c] + fill[c]++] = i;
	}
	free(fill);
	return 0;
}

/* Calls fn(z, from, to) for every edge of the reached program. */
static void for_each_edge(struct zctx *z, void (*fn)(struct zctx *, size_t, size_t))
{
	const struct nocsr_prog *p = z->p;
	struct edge e[2];
	size_t i, k, nsites;
	unsigned int n, j;

	for (i = 0; i < p->insn_cnt; i++) {
		if (!p->aux[i].seen)
			continue;
		n = zext_succ(z, i, e);
		for (j = 0; j < n; j++)
			if (e[j].to < p->insn_cnt)
				fn(z, i, e[j].to);
		nsites = exit_sites(z, i);
		for (k = 0; k < nsites; k++)
			fn(z, i, exit_site(z, i, k));
	}
}

static void count_reader(struct zctx *z, size_t from, size_t to)
{
	(void)from;
	z->rd_start[to + 1]++;
}

static void add_reader(struct zctx *z, size_t from, size_t to)
{
	z->rd[z->rd_start[to]++] = from;
}

/* Who reads each slot's liveness, as compressed rows. */
static int index_readers(struct zctx *z)
{
	size_t n = z->p->insn_cnt, i;

	z->rd_start = calloc(n + 2, sizeof(size_t));
	if (!z->rd_start)
		return -ENOMEM;
	for_each_edge(z, count_reader);
	for (i = 1; i <= n + 1; i++)
		z->rd_start[i] += z->rd_start[i - 1];
	z->rd = malloc((z->rd_start[n + 1] + 1) * sizeof(size_t));
	if (!z->rd)
		return -ENOMEM;
	for_each_edge(z, add_reader);
	/* add_reader advanced each row's start to the next row's: shift back */
	for (i = n + 1; i > 0; i--)
		z->rd_start[i] = z->rd_start[i - 1];
	z->rd_start[0] = 0;
	return 0;
}

static void requeue(const struct zctx *z, size_t j, size_t *stack, size_t *top,
		    bool *queued)
{
	size_t k;

	for (k = z->rd_start[j]; k < z->rd_start[j + 1]; k++) {
		size_t r = z->rd[k];

		if (!queued[r]) {
			queued[r] = true;
			stack[(*top)++] = r;
		}
	}
}

/*
 * zext_dst of every input instruction left as written.  The verifier
 * flags a definition when a 64-bit read of its register follows on a
 * path it walks; the mirror takes every path the contract walk reached
 * (a fixpoint, so loops are covered).  Up to 6.17 the kernel's
 * read marks carried a 64-bit read back through pruned states, which
 * gives the same answer; from 6.18 (register liveness replaced) a
 * definition reached only on a path the verifier prunes before the read
 * is not flagged, and the mirror, which cannot know where the verifier
 * prunes, adds the extension there.
 */
static int zext_live(const struct nocsr_prog *p, bool *zdst)
{
	struct zctx z = { .p = p };
	size_t n = p->insn_cnt, i, top = 0;
	uint16_t *in = calloc(n + 1, sizeof(*in));
	size_t *stack = malloc((n + 1) * sizeof(*stack));
	bool *queued = calloc(n + 1, sizeof(*queued));
	int err = -ENOMEM;

	if (!in || !stack || !queued || index_sites(&z) || index_readers(&z))
		goto out;
	for (i = 0; i < n; i++) {
		if (p->aux[i].seen) {
			stack[top++] = i;
			queued[i] = true;
		}
	}
	/*
	 * Worklist from the last instruction up; a change re-queues every
	 * instruction whose live_out reads it (its predecessors, the calls
	 * into a subprogram's entry, the exits back to a return site).
	 * Plain backward sweeps would do too, but loops could make them
	 * quadratic.
	 */
	while (top) {
		size_t j = stack[--top];
		struct du d = insn_du(p, j);
		uint16_t v = (uint16_t)((live_out(&z, j, in) & ~d.def) | d.use64);

		queued[j] = false;
		if (v == in[j])
			continue;
		in[j] = v;
		requeue(&z, j, stack, &top, queued);
	}
	for (i = 0; i < n; i++) {
		int r = def32_reg(&p->insns[i]);

		zdst[i] = p->aux[i].seen && r >= 0 && (live_out(&z, i, in) >> r & 1);
	}
	err = 0;
out:
	free(z.site_start);
	free(z.sites);
	free(z.rd_start);
	free(z.rd);
	free(in);
	free(stack);
	free(queued);
	return err;
}

/*
 * Whether the kernel patched output slot j in before this pass (so
 * adjust_insn_aux_data() set its zext_dst from the instruction alone):
 * anything but the input instruction alone and unchanged in its slot,
 * or a context access the kernel converts (also where the mirror keeps
 * it as written for want of a model).
 */
static bool patched(const struct nocsr_prog *p, const size_t *outs, size_t j)
{
	const struct xinsn *x = &p->x[j];
	struct ctx_insn c[CTX_MAX_INSNS];
	const char *why;

	if (x->orig < 0 || outs[x->orig] != 1 || x->kind != X_PLAIN ||
	    memcmp(&p->x_insns[j], &p->insns[x->orig], sizeof(p->x_insns[j])))
		return true;
	return p->aux[x->orig].ctx_access && nocsr_ctx_convert(p, (size_t)x->orig, c, &why);
}

/* The zero extension after output slot j, if the kernel inserts one. */
static bool wants_zext(const struct nocsr_prog *p, const size_t *outs,
		       const bool *zdst, size_t j)
{
	const struct bpf_insn *in = &p->x_insns[j];

	if (p->x[j].kind == X_SECOND || def32_reg(in) < 0)
		return false;
	if (!nocsr_jit_needs_zext(p->arch) && !is_cmpxchg(in))
		return false;
	return patched(p, outs, j) || zdst[p->x[j].orig];
}

/* New slot of old slot t once ext[] extensions are in (ext: prefix counts). */
static long moved(const size_t *ext, long t)
{
	return t + (long)ext[t];
}

/*
 * bpf_adj_branches(): every pc-relative reference (jumps, bpf-to-bpf
 * calls, PSEUDO_FUNC ld_imm64) keeps its target, which moves past the
 * extensions before it; a reference to a slot lands on that slot, not
 * on its extension.
 */
static void retarget(struct bpf_insn *in, long from, long to, const size_t *ext,
		     long n)
{
	long rel;
	int32_t d;

	if (nocsr_insn_is_ldimm64(in) ? in->src_reg != BPF_PSEUDO_FUNC :
	    nocsr_insn_is_call(in) ? in->src_reg != NOCSR_PSEUDO_CALL :
	    !nocsr_insn_jump_delta(in, &d))
		return;
	d = nocsr_insn_is_call(in) || nocsr_insn_is_ldimm64(in) ||
	    in->code == (BPF_JMP32 | BPF_JA) ? in->imm : in->off;
	if (from + d + 1 < 0 || from + d + 1 > n)
		return;	/* out of range already; left for the printer to show */
	rel = moved(ext, from + d + 1) - to - 1;
	if (nocsr_insn_is_call(in) || nocsr_insn_is_ldimm64(in) ||
	    in->code == (BPF_JMP32 | BPF_JA))
		in->imm = (int32_t)rel;
	else
		in->off = (int16_t)rel;
}

static int insert(struct nocsr_prog *p, const bool *want, size_t *ext)
{
	size_t n = p->x_cnt, add = ext[n], i, k = 0;
	struct xinsn *x = malloc((n + add) * sizeof(*x));
	struct bpf_insn *xi = malloc((n + add) * sizeof(*xi));

	if (!x || !xi) {
		free(x);
		free(xi);
		return -ENOMEM;
	}
	for (i = 0; i < n; i++) {
		x[k] = p->x[i];
		xi[k] = p->x_insns[i];
		retarget(&xi[k], (long)i, (long)k, ext, (long)n);
		x[k].insn = xi[k];
		k++;
		if (!want[i])
			continue;
		xi[k] = (struct bpf_insn){ .code = BPF_ALU | BPF_MOV | BPF_X,
					   .dst_reg = (uint8_t)def32_reg(&p->x_insns[i]),
					   .imm = 1 };
		xi[k].src_reg = xi[k].dst_reg;
		x[k] = (struct xinsn){ .insn = xi[k], .orig = p->x[i].orig,
				       .target = -1, .kind = X_PLAIN };
		k++;
	}
	for (i = 0; i < p->subprog_cnt; i++)
		p->subprogs[i].xlated_start =
			(unsigned int)moved(ext, p->subprogs[i].xlated_start);
	free(p->x);
	free(p->x_insns);
	p->x = x;
	p->x_insns = xi;
	p->x_cnt = k;
	return 0;
}

int nocsr_zext_insert(struct nocsr_prog *p)
{
	size_t n = p->x_cnt, i, *outs = NULL, *ext = NULL;
	bool *zdst = NULL, *want = NULL, any = false;
	int err = -ENOMEM;

	for (i = 0; i < n && !any; i++)
		any = nocsr_jit_needs_zext(p->arch) || is_cmpxchg(&p->x_insns[i]);
	if (!any)
		return 0;
	outs = calloc(p->insn_cnt + 1, sizeof(*outs));
	ext = calloc(n + 1, sizeof(*ext));
	zdst = calloc(p->insn_cnt + 1, sizeof(*zdst));
	want = calloc(n + 1, sizeof(*want));
	if (!outs || !ext || !zdst || !want || (err = zext_live(p, zdst)))
		goto out;
	for (i = 0; i < n; i++)
		if (p->x[i].orig >= 0)
			outs[p->x[i].orig]++;
	for (i = 0; i < n; i++) {
		want[i] = wants_zext(p, outs, zdst, i);
		ext[i + 1] = ext[i] + want[i];
	}
	err = ext[n] ? insert(p, want, ext) : 0;
out:
	free(outs);
	free(ext);
	free(zdst);
	free(want);
	return err;
}
