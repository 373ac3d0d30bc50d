// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The verification-time pass (design §1 rule 5): find every stack access
 * the kernel's symbolic execution would make, and disable fastcall
 * rewriting for a subprogram when an instruction that is not a pattern
 * member touches its reserved slots.  The same walk records which
 * instructions and branch edges the verifier reaches (for the privileged
 * dead-code passes) and each subprogram's stack depth.
 *
 * The kernel explores paths one by one; this pass is a forward dataflow
 * over basic blocks with one joined state per block entry and set of
 * constants the state holds (see struct part), which walks each iteration
 * of a counted loop as the kernel does and stays linear.  Approximations,
 * each chosen so that every program of our corpus gets the kernel's
 * answer:
 *  - Paths that reach a block with the same constants are joined: the
 *    kernel keeps the ranges of each path apart (two paths adding
 *    different ranges to one sum).  Partitions beyond one per block stop
 *    after 131072 instructions' worth (the kernel walks up to a million);
 *    past that, a block's newest partition takes every state.
 *  - A register holds an uninitialised value, a scalar with a signed range,
 *    a stack pointer (owning frame + offset range), a function reference,
 *    or another pointer (ctx, a known map, trusted non-NULL, maybe-NULL,
 *    or just "a pointer").  Joining different kinds, or stack pointers
 *    of different frames, gives an unknown scalar: a later access through
 *    it is not seen as a stack access.
 *  - Scalar ranges are tracked through constant-ish arithmetic and
 *    refined at conditional jumps against constants (signed compares
 *    always, unsigned ones on the "<=" side, 32-bit ones when both sides
 *    are small and non-negative).  Beside the range, a scalar carries a
 *    tnum (known bits, as the kernel's var_off) through AND/OR/XOR/shifts/
 *    ADD/SUB; the two are synced after every step the way reg_bounds_sync()
 *    does for non-negative ranges.  The tnum decides JEQ/JNE/JSET and
 *    unsigned/signed compares against constants (is_branch_taken()).
 *    After 16 visits of a partition (a loop whose counter is no constant,
 *    or one of more iterations than partitions), a growing bound jumps to
 *    the next constant the program compares against, then to infinity
 *    (the verifier instead walks every iteration); after 4 such jumps it skips
 *    2, 4, 8, ... constants at a time, so a loop can end up with a larger
 *    bound than its own limit when many other constants lie below it.
 *    Branches the kernel decides from linked scalar ids, or from tnums
 *    of MUL/DIV/MOD results (known trailing zeros only here), are taken
 *    both ways here.
 *  - bpf_get_smp_processor_id() returns [0, nr_cpu_ids - 1]
 *    (nocsr_obj__set_nr_cpus(); unknown: any u32 but U32_MAX).
 *  - 8-byte aligned spills of a register to the frame's own slots are
 *    tracked (so a stack pointer survives a spill/fill); anything written
 *    by other means, or by a callee through a pointer, makes the slot an
 *    unknown scalar.  A bpf-to-bpf call that is passed a pointer into the
 *    caller's frame forgets all of the caller's slots.
 *  - A callee's entry state is the join over all its call sites, and
 *    what it returns is r0 joined over all its exits: the verifier walks
 *    a static subprogram once per call site and carries r0 back, so it
 *    can know more at one call site than this walk.  A caller goes on
 *    after the call only once the callee has returned.  A global
 *    subprogram (BTF_FUNC_GLOBAL) returns an unknown scalar, as in the
 *    kernel, which verifies it on its own.
 *  - Callbacks: bpf_loop, bpf_for_each_map_elem, bpf_find_vma and
 *    bpf_user_ringbuf_drain pass the helper's ctx argument on; other
 *    arguments of a callback are unknown scalars.
 *  - Helper writes come from the hand list nocsr_helper_write_args(); the
 *    written size is the upper bound of the size argument.  Helper and
 *    kfunc reads are not checked (6.18 does not check them either), but
 *    any stack pointer argument counts for the stack depth.
 *  - Kfunc arguments pointing to the stack count as reads (depth only):
 *    iterator and dynptr constructors that initialise their stack slot
 *    are not seen as writes.  Scalar ids are not tracked, so a NULL check
 *    refines only the register it tests, not its copies.
 *  - Packet pointers (__sk_buff data, data_meta) are followed through
 *    copies and pointer arithmetic only to see direct packet writes; a
 *    join with anything else forgets them.
 *  - Fixed-offset reads are charged to the current frame, as 6.12-6.18 do
 *    (check_stack_read_fixed_off passes the current frame); writes and
 *    variable-offset reads are charged to the frame owning the slot.
 *  - prog->strict (nocsr fixup, which must know every access to the slots
 *    it moves) closes both gaps: helper/kfunc reads are checked and every
 *    read is charged to the frame owning the slot.  It also gives up on a
 *    frame whose stack pointer the walk stops following (joined with
 *    another kind of value, stored where no slot tracks it).
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "nocsr/helpers.h"

enum { T_UNINIT, T_SCALAR, T_STACK, T_PTR, T_FUNC };
#define PTR_PACKET	(-4)	/* T_PTR frame: skb packet data */

#define SLOTS		64
#define BIG		((int64_t)1 << 62)
#define WIDEN_AFTER	16
#define MAX_CALL_FRAMES	8

struct val {
	uint8_t t;
	int16_t frame;		/* T_STACK: owning subprog; T_FUNC: target */
	int64_t lo, hi;		/* T_SCALAR: value range; T_STACK: offset */
	uint64_t tv, tm;	/* T_SCALAR: tnum, bits in tm unknown */
};

struct st {
	struct val r[11];
	int nslot;		/* slots from nslot on are T_UNINIT */
	struct val slot[SLOTS];	/* own frame, slot k = fp-8*(k+1) */
};

/*
 * Block entry states are stored as ids of interned values, cut after
 * their last used slot (most programs use a few of the 64), in chunks
 * freed together.  Neighbouring blocks hold mostly the same values (the
 * ctx and frame pointers, spilled loop counters shared by every loop):
 * 40-byte values copied into every block made a million-insn program
 * write 150 MB of states, and equal ids make most joins a compare.
 * Id 0 is the uninitialised value (its other fields are never read).
 */
struct sst {
	int nslot;
	uint32_t id[];		/* 11 registers, then slots */
};

/*
 * A block keeps one entry state per partition: per set of constants its
 * states hold (scalar registers and slots whose range is one value).  The
 * verifier walks each iteration of a counted loop, where the counter is a
 * different constant every time, and each path of a diamond that sets a
 * flag; one state per block joined the iterations, so the kernel knew
 * bounds this walk did not (a sum over a loop, a flag tested later).
 * States of one partition are joined.  Partitions beyond a block's first
 * are paid for with the instructions of their block, 131072 in all (an
 * eighth of the verifier's BPF_COMPLEXITY_LIMIT_INSNS: a partition costs
 * this walk about a microsecond, and a loop that never ends, which the
 * kernel rejects, would spend all of it), so the walk stays linear.  Past
 * that, a block's newest partition becomes its catch-all and takes states
 * of every key (the rest of the loop is joined and widened).
 */
#define NO_PART		UINT32_MAX
#define PART_BUDGET	131072

struct part {
	struct sst *st;
	uint64_t key;		/* hash of the state's constants */
	uint32_t next;		/* the block's next partition, NO_PART */
	uint32_t block;
	unsigned int visits;
	uint8_t cap;		/* slots room in st */
	bool inwork;
	bool any;		/* catch-all: states of every key */
};

#define SST_SIZE(n)	(offsetof(struct sst, id) + (11 + (size_t)(n)) * sizeof(uint32_t))
/* the first chunk; each further one twice the last, up to ARENA_MAX */
#define ARENA_CHUNK	((size_t)1 << 20)
#define ARENA_MAX	((size_t)64 << 20)

struct vtab {
	struct val *v;		/* by id */
	size_t cnt, cap;
	uint32_t *hash;		/* open addressing: id + 1, 0 empty */
	size_t hmask;
};

struct arena {
	struct arena *next;
	size_t used, size;
	_Alignas(max_align_t) char mem[];
};

struct vctx {
	struct nocsr_prog *p;
	int *leader;		/* insn -> block index or -1 */
	size_t nblocks;
	size_t *bstart;
	uint32_t *bpart;	/* a block's newest partition (list head), NO_PART: not reached */
	uint32_t *bany;		/* a block's catch-all partition, NO_PART: none */
	struct part *part;
	size_t npart, part_cap;
	size_t part_budget;	/* insns left for partitions beyond a block's first */
	uint32_t *phash;	/* open addressing: partition + 1, 0 empty */
	size_t pmask, nindexed;
	struct vtab vt;
	struct arena *arena;
	uint32_t *work;		/* partitions to run, room for part_cap */
	size_t nwork;
	bool nomem;
	bool *has_pattern;	/* per subprog */
	long *broken_at;	/* per subprog: lowest violating insn, -1 */
	long bad_insn;		/* lowest insn the kernel rejects, -1 */
	char bad_why[160];
	struct val *ret;	/* per subprog: r0 joined over its exits */
	size_t *calls;		/* bpf-to-bpf call insns */
	size_t ncalls;
};

static const struct val TOP = { .t = T_SCALAR, .lo = -BIG, .hi = BIG, .tm = ~0ULL };

static struct val konst(int64_t v)
{
	struct val r = { .t = T_SCALAR, .lo = v, .hi = v, .tv = (uint64_t)v };

	return r;
}

static bool is_const(const struct val *v)
{
	return v->t == T_SCALAR && v->lo == v->hi;
}

/*
 * Widening with thresholds: a bound that keeps growing jumps to the next
 * constant the program compares against (loop limits), then to infinity.
 * A block still growing after WIDEN_STEPS such jumps skips twice as many
 * constants at each further step: with many distinct bounds in a program
 * (one per loop) one jump at a time made the walk quadratic in their
 * number, and the linear search for the next one cubic.
 */
#define WIDEN_STEPS	4

static const int64_t *thresholds;
static size_t threshold_cnt;

/* Index of the first threshold >= v (threshold_cnt when none). */
static size_t threshold_at_least(int64_t v)
{
	size_t lo = 0, hi = threshold_cnt;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (thresholds[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void widen_bounds(struct val *v, const struct val *old, size_t hops)
{
	int64_t min = v->t == T_STACK ? -NOCSR_MAX_STACK : -BIG;
	int64_t max = v->t == T_STACK ? 0 : BIG;
	size_t j;

	if (v->lo < old->lo) {
		/* the hops-th threshold <= lo, counting down */
		j = threshold_at_least(v->lo == INT64_MAX ? v->lo : v->lo + 1);
		v->lo = v->t == T_SCALAR && j >= hops ? thresholds[j - hops] : min;
	}
	if (v->hi > old->hi) {
		j = threshold_at_least(v->hi) + hops - 1;
		v->hi = v->t == T_SCALAR && j < threshold_cnt ? thresholds[j] : max;
	}
}

/*
 * Strict mode: the frames some stack pointer of which the walk stops
 * following (joined with another kind of value, stored where no slot
 * tracks it), so that accesses through it might go unseen.
 */
static bool *lost_frames;

static void lose(const struct val *v)
{
	if (lost_frames && v->t == T_STACK && v->frame >= 0)
		lost_frames[v->frame] = true;
}

static bool val_eq(const struct val *a, const struct val *b)
{
	return a->t == b->t && a->frame == b->frame && a->lo == b->lo &&
	       a->hi == b->hi && a->tv == b->tv && a->tm == b->tm;
}

/* Join b into a, widening by hops thresholds (0: none); whether a changed. */
static bool join_val(struct val *a, const struct val *b, size_t hops)
{
	struct val old = *a, n = *a;
	bool ch;

	if (b->t == T_UNINIT)
		return false;
	if (a->t == T_UNINIT) {
		*a = *b;
		return true;
	}
	if (a->t != b->t || (a->t == T_STACK && a->frame != b->frame) ||
	    (a->t == T_FUNC && a->frame != b->frame)) {
		lose(a);
		lose(b);
		if (val_eq(a, &TOP))
			return false;
		*a = TOP;
		return true;
	}
	if (a->t == T_PTR && a->frame != b->frame)	/* -3: ctx */
		n.frame = (a->frame == -2 || b->frame == -2) ? -2 : 0;	/* several maps: the kernel poisons the map pointer */
	if (a->t == T_SCALAR) {
		n.tm = a->tm | b->tm | (a->tv ^ b->tv);
		n.tv = a->tv & ~n.tm;
	}
	if (a->t == T_SCALAR || a->t == T_STACK) {
		n.lo = a->lo < b->lo ? a->lo : b->lo;
		n.hi = a->hi > b->hi ? a->hi : b->hi;
		if (hops)
			widen_bounds(&n, &old, hops);
	}
	/* compared before the store: reading a back stalled store forwarding */
	ch = !val_eq(&old, &n);
	*a = n;
	return ch;
}

static void *arena_alloc(struct vctx *c, size_t size)
{
	struct arena *a = c->arena;

	size = (size + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1);
	if (!a || a->used + size > a->size) {
		size_t chunk = !a ? ARENA_CHUNK : a->size < ARENA_MAX ? 2 * a->size : a->size;

		a = malloc(sizeof(*a) + chunk);
		if (!a)
			return NULL;
		nocsr_huge_pages(a, sizeof(*a) + chunk);
		a->next = c->arena;
		a->used = 0;
		a->size = chunk;
		c->arena = a;
	}
	a->used += size;
	return a->mem + a->used - size;
}

static uint64_t val_hash(const struct val *v)
{
	uint64_t h = ((uint64_t)v->t << 16 | (uint16_t)v->frame) * 0x9e3779b97f4a7c15ULL;

	h = (h ^ (uint64_t)v->lo) * 0xbf58476d1ce4e5b9ULL;
	h = (h ^ (uint64_t)v->hi) * 0x94d049bb133111ebULL;
	h = (h ^ v->tv) * 0x9e3779b97f4a7c15ULL;
	h = (h ^ v->tm) * 0xbf58476d1ce4e5b9ULL;
	return h ^ h >> 31;
}

static int vt_grow(struct vtab *t)
{
	size_t hcap = t->hmask ? 2 * (t->hmask + 1) : 1024, i, j;
	uint32_t *h = calloc(hcap, sizeof(*h));

	if (!h)
		return -ENOMEM;
	for (i = 1; i < t->cnt; i++) {
		for (j = val_hash(&t->v[i]) & (hcap - 1); h[j]; j = (j + 1) & (hcap - 1))
			;
		h[j] = (uint32_t)i + 1;
	}
	free(t->hash);
	t->hash = h;
	t->hmask = hcap - 1;
	return 0;
}

/* The id of v (0 for uninitialised, UINT32_MAX without memory). */
static uint32_t intern(struct vtab *t, const struct val *v)
{
	size_t j;

	if (v->t == T_UNINIT)
		return 0;
	if (2 * t->cnt >= t->hmask && vt_grow(t))
		return UINT32_MAX;
	for (j = val_hash(v) & t->hmask; t->hash[j]; j = (j + 1) & t->hmask)
		if (val_eq(&t->v[t->hash[j] - 1], v))
			return t->hash[j] - 1;
	if (t->cnt == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 1024;
		struct val *n = cap < UINT32_MAX ? realloc(t->v, cap * sizeof(*n)) : NULL;

		if (!n)
			return UINT32_MAX;
		t->v = n;
		t->cap = cap;
	}
	t->v[t->cnt] = *v;
	t->hash[j] = (uint32_t)t->cnt + 1;
	return (uint32_t)t->cnt++;
}

/*
 * Store s as partition pa's state with room for at least cap slots (s may
 * be pa's current state, to grow it); false without memory.
 */
static bool st_store(struct vctx *c, struct part *pa, const struct st *s, int cap)
{
	struct sst *d;
	int k;

	cap = (cap + 3) & ~3;
	d = arena_alloc(c, SST_SIZE(cap));
	if (!d)
		return false;
	d->nslot = s->nslot;
	for (k = 0; k < 11; k++)
		d->id[k] = intern(&c->vt, &s->r[k]);
	for (k = 0; k < cap; k++)
		d->id[11 + k] = k < s->nslot ? intern(&c->vt, &s->slot[k]) : 0;
	for (k = 0; k < 11 + cap; k++)
		if (d->id[k] == UINT32_MAX)
			return false;
	pa->st = d;
	pa->cap = (uint8_t)cap;
	return true;
}

static void st_load(const struct vctx *c, struct st *d, const struct sst *s)
{
	const struct val *v = c->vt.v;
	int k;

	d->nslot = s->nslot;
	for (k = 0; k < 11; k++)
		d->r[k] = v[s->id[k]];
	for (k = 0; k < s->nslot; k++)
		d->slot[k] = v[s->id[11 + k]];
	for (; k < SLOTS; k++)
		d->slot[k].t = T_UNINIT;
}

/* Join b into the stored value *id; whether it changed. */
static bool join_id(struct vctx *c, uint32_t *id, const struct val *b, size_t hops)
{
	const struct val *o = &c->vt.v[*id];
	struct val a;
	uint32_t n;

	/* joining an equal value changes nothing (a scalar's tv has no bits of tm) */
	if (b->t == T_UNINIT ||
	    (val_eq(o, b) && (o->t != T_SCALAR || !(o->tv & o->tm))))
		return false;
	a = *o;
	if (!join_val(&a, b, hops))
		return false;
	n = intern(&c->vt, &a);
	if (n == UINT32_MAX)
		c->nomem = true;
	else
		*id = n;
	return true;
}

/* a has room for b->nslot slots */
static bool join_state(struct vctx *c, struct sst *a, const struct st *b, size_t hops)
{
	bool ch = false;
	int i;

	for (i = 0; i < 11; i++)
		ch |= join_id(c, &a->id[i], &b->r[i], hops);
	for (i = 0; i < b->nslot; i++)
		ch |= join_id(c, &a->id[11 + i], &b->slot[i], hops);
	if (a->nslot < b->nslot)
		a->nslot = b->nslot;
	return ch;
}

/* Thresholds a bound of partition pa skips when it grows again (0: no widening). */
static size_t widen_hops(const struct part *pa)
{
	unsigned int w = pa->visits > WIDEN_AFTER ? pa->visits - WIDEN_AFTER : 0;
	unsigned int shift = w ? (w - 1) / WIDEN_STEPS : 0;

	if (!w)
		return 0;
	return (size_t)1 << (shift < 40 ? shift : 40);
}

static void push(struct vctx *c, uint32_t pi)
{
	if (c->part[pi].inwork)
		return;
	c->part[pi].inwork = true;
	c->work[c->nwork++] = pi;
}

/* The partition key: which registers and slots hold which constant. */
static uint64_t key_of(const struct st *s)
{
	uint64_t h = 0;
	int k;

	for (k = 0; k < 10 + s->nslot; k++) {
		const struct val *v = k < 10 ? &s->r[k] : &s->slot[k - 10];

		if (is_const(v))
			h = (h ^ ((uint64_t)v->lo + (uint64_t)k * 0x9e3779b97f4a7c15ULL)) *
			    0xbf58476d1ce4e5b9ULL;
	}
	return h ^ h >> 29;
}

static uint64_t part_hash(size_t b, uint64_t key)
{
	uint64_t h = key ^ (uint64_t)b * 0x9e3779b97f4a7c15ULL;

	h = (h ^ h >> 30) * 0xbf58476d1ce4e5b9ULL;
	h = (h ^ h >> 27) * 0x94d049bb133111ebULL;
	return h ^ h >> 31;
}

static void part_insert(const struct vctx *c, uint32_t *h, size_t mask, uint32_t pi)
{
	size_t j;

	for (j = part_hash(c->part[pi].block, c->part[pi].key) & mask; h[j]; j = (j + 1) & mask)
		;
	h[j] = pi + 1;
}

/*
 * Index partitions by (block, key) once a block has several: a loop head
 * has one per iteration.
 */
static int part_index(struct vctx *c, uint32_t pi)
{
	size_t cap = c->pmask ? 2 * (c->pmask + 1) : 1024, j;
	uint32_t *h;

	if (2 * ++c->nindexed >= c->pmask) {
		h = calloc(cap, sizeof(*h));
		if (!h)
			return -ENOMEM;
		for (j = 0; j < (c->phash ? c->pmask + 1 : 0); j++)
			if (c->phash[j])
				part_insert(c, h, cap - 1, c->phash[j] - 1);
		free(c->phash);
		c->phash = h;
		c->pmask = cap - 1;
	}
	part_insert(c, c->phash, c->pmask, pi);
	return 0;
}

/*
 * Keys are compared by their 64-bit hash alone: a collision would join two
 * partitions, as the walk joins any states of a catch-all, never more.
 */
static bool part_takes(const struct vctx *c, uint32_t pi, size_t b, uint64_t key)
{
	const struct part *pa = &c->part[pi];

	return pa->block == b && !pa->any && pa->key == key;
}

/* Whether reached block b has more than one partition (its catch-all included). */
static bool several_parts(const struct vctx *c, size_t b)
{
	return c->part[c->bpart[b]].next != NO_PART;
}

/* Block b's partition for s other than its catch-all, NO_PART if none yet. */
static uint32_t part_find(const struct vctx *c, size_t b, uint64_t key)
{
	size_t j;

	/* most blocks have one partition: no hash lookup */
	if (c->bpart[b] == NO_PART || part_takes(c, c->bpart[b], b, key))
		return c->bpart[b];
	if (!several_parts(c, b))
		return NO_PART;
	for (j = part_hash(b, key) & c->pmask; c->phash[j]; j = (j + 1) & c->pmask)
		if (part_takes(c, c->phash[j] - 1, b, key))
			return c->phash[j] - 1;
	return NO_PART;
}

/* A new partition of block b, NO_PART without memory. */
static uint32_t new_part(struct vctx *c, size_t b, uint64_t key)
{
	struct part *pa;

	if (c->npart == c->part_cap) {
		size_t n = 2 * c->part_cap;
		struct part *np = realloc(c->part, n * sizeof(*np));
		uint32_t *nw = np ? realloc(c->work, n * sizeof(*nw)) : NULL;

		if (np)
			c->part = np;
		if (!nw)
			return NO_PART;
		c->work = nw;
		c->part_cap = n;
		nocsr_huge_pages(np, n * sizeof(*np));
	}
	pa = &c->part[c->npart];
	*pa = (struct part){ .key = key, .next = c->bpart[b], .block = (uint32_t)b };
	/* a block's only partition is found without the index */
	if (c->bpart[b] != NO_PART &&
	    ((!several_parts(c, b) && part_index(c, c->bpart[b])) ||
	     part_index(c, (uint32_t)c->npart)))
		return NO_PART;
	c->bpart[b] = (uint32_t)c->npart;
	return (uint32_t)c->npart++;
}

static size_t block_len(const struct vctx *c, size_t b)
{
	return (b + 1 < c->nblocks ? c->bstart[b + 1] : c->p->insn_cnt) - c->bstart[b];
}

/* The partition of block b that takes s; NO_PART without memory. */
static uint32_t part_for(struct vctx *c, size_t b, const struct st *s)
{
	uint64_t key = key_of(s);
	uint32_t pi = part_find(c, b, key);

	if (pi != NO_PART)
		return pi;
	if (c->bpart[b] == NO_PART)
		return new_part(c, b, key);
	if (c->part_budget >= block_len(c, b)) {
		c->part_budget -= block_len(c, b);
		return new_part(c, b, key);
	}
	if (c->bany[b] == NO_PART) {
		/* out of partitions: the newest one takes every key from now on */
		c->bany[b] = c->bpart[b];
		c->part[c->bany[b]].any = true;
	}
	return c->bany[b];
}

static void flow_to(struct vctx *c, size_t insn, const struct st *s)
{
	size_t b = (size_t)c->leader[insn];
	uint32_t pi;
	struct part *pa;
	struct st old;

	pi = part_for(c, b, s);
	if (pi == NO_PART) {
		c->nomem = true;
		return;
	}
	pa = &c->part[pi];
	if (!pa->st) {
		if (st_store(c, pa, s, s->nslot))
			push(c, pi);
		else
			c->nomem = true;
		return;
	}
	if (s->nslot > pa->cap) {
		st_load(c, &old, pa->st);
		if (!st_store(c, pa, &old, s->nslot)) {
			c->nomem = true;
			return;
		}
	}
	if (join_state(c, pa->st, s, widen_hops(pa)))
		push(c, pi);
}

static void fmt_off(char *buf, size_t len, int64_t off)
{
	snprintf(buf, len, "fp%+lld", (long long)off);
}

/* The verifier grows a frame's depth in whole 8-byte slots. */
static void depth(struct nocsr_prog *p, int frame, int64_t start)
{
	int d;

	if (start >= 0 || frame < 0 || (size_t)frame >= p->subprog_cnt)
		return;
	d = start < -4096 ? 4096 : (int)((-start + 7) & ~7);
	if (d > p->subprogs[frame].depth_before)
		p->subprogs[frame].depth_before = d;
}

/*
 * One stack access by insn i through register reg (note, when not NULL,
 * says which callee the pointer was passed to); rule 5 plus the stack depth
 * bookkeeping.  The message is only formatted for a violation: this runs
 * for every stack access.
 */
static void stack_access(struct vctx *c, size_t i, int cur, const struct val *ptr,
			 int64_t insn_off, bool write, unsigned int reg,
			 const char *note)
{
	struct nocsr_prog *p = c->p;
	int64_t start = ptr->lo + insn_off;
	bool fixed = ptr->lo == ptr->hi;
	int owner = ptr->frame;
	int frame = (!write && fixed && !p->strict) ? cur : owner;
	struct nocsr_subprog *sp;
	char o[32], who[96];

	if (owner < 0 || (size_t)owner >= p->subprog_cnt)
		return;
	depth(p, owner, start);
	sp = &p->subprogs[frame];
	if (p->aux[i].pattern || start >= sp->reserved_end || !c->has_pattern[frame])
		return;
	if (c->broken_at[frame] >= 0 && c->broken_at[frame] <= (long)i)
		return;
	c->broken_at[frame] = (long)i;
	sp->contract_broken = true;
	fmt_off(o, sizeof(o), start);
	if (note)
		snprintf(who, sizeof(who), " through r%u (%s)", reg, note);
	else
		snprintf(who, sizeof(who), " through r%u", reg);
	snprintf(sp->contract_why, sizeof(sp->contract_why), "insn %zu %s %s%s%s%s",
		 i, write ? "writes" : "reads", o, fixed ? "" : " (variable offset, lowest)",
		 who, owner != cur && frame == owner ? " in the caller's frame" : "");
}

/*
 * check_stack_access_within_bounds() and the always-strict stack alignment,
 * for fixed offsets (variable ones are approximated and not judged).
 */
static void stack_bounds(struct vctx *c, size_t i, const struct val *ptr,
			 int64_t insn_off, int size, bool write)
{
	int64_t start = ptr->lo + insn_off;
	const char *what;

	if (ptr->lo != ptr->hi || (c->bad_insn >= 0 && c->bad_insn <= (long)i))
		return;
	if (start < -NOCSR_MAX_STACK || start + size > 0)
		what = write ? "invalid write to stack" : "invalid read from stack";
	else if (start % size)
		what = "misaligned stack access";
	else
		return;
	c->bad_insn = (long)i;
	snprintf(c->bad_why, sizeof(c->bad_why), "insn %zu: %s at fp%+lld size %d (the kernel rejects the program)",
		 i, what, (long long)start, size);
}

static int size_of(const struct bpf_insn *insn)
{
	switch (BPF_SIZE(insn->code)) {
	case BPF_DW: return 8;
	case BPF_W: return 4;
	case BPF_H: return 2;
	}
	return 1;
}

/*
 * The kernel rejects recursion and call chains deeper than MAX_CALL_FRAMES
 * while it walks the program; only calls the walk reached count.  Returns
 * the frames of the deepest chain from subprogram s, or -1 after reporting.
 */
static int call_frames(struct vctx *c, int s, int depth, int *memo, uint8_t *state)
{
	struct nocsr_prog *p = c->p;
	size_t i, end = (size_t)s + 1 < p->subprog_cnt ?
			p->subprogs[s + 1].start : p->insn_cnt;
	int best = 1, f, t;

	state[s] = 1;
	for (i = p->subprogs[s].start; i < end; i++) {
		const struct bpf_insn *insn = &p->insns[i];

		if (!p->aux[i].seen || !nocsr_insn_is_call(insn) ||
		    insn->src_reg != NOCSR_PSEUDO_CALL)
			continue;
		t = p->aux[i + insn->imm + 1].subprog;
		if (state[t] == 1) {
			snprintf(c->bad_why, sizeof(c->bad_why),
				 "insn %zu: recursive call to subprogram %d (the kernel rejects it: the call stack grows past %d frames)",
				 i, t, MAX_CALL_FRAMES);
			return -1;
		}
		/* past the limit already: no need to look deeper */
		if (state[t] == 2)
			f = memo[t];
		else if (depth + 1 < MAX_CALL_FRAMES)
			f = call_frames(c, t, depth + 1, memo, state);
		else
			f = MAX_CALL_FRAMES;
		if (f < 0)
			return -1;
		if (depth + 1 + f > MAX_CALL_FRAMES) {
			snprintf(c->bad_why, sizeof(c->bad_why),
				 "insn %zu: call chain deeper than %d frames (the kernel rejects it)",
				 i, MAX_CALL_FRAMES);
			return -1;
		}
		best = best > f + 1 ? best : f + 1;
	}
	state[s] = 2;
	memo[s] = best;
	return best;
}

static int check_calls(struct vctx *c)
{
	size_t n = c->p->subprog_cnt;
	int *memo = calloc(n, sizeof(*memo));
	uint8_t *state = calloc(n, sizeof(*state));
	int err = -ENOMEM;

	if (memo && state)
		err = call_frames(c, 0, 0, memo, state) < 0 ? -EINVAL : 0;
	free(memo);
	free(state);
	return err;
}

/*
 * The kernel clears the subprogram's pattern marks at the first violation;
 * doing it after the walk gives the same result (marks only matter inside
 * their own subprogram) and lets us report the lowest violating insn.
 */
static void drop_broken(struct vctx *c)
{
	struct nocsr_prog *p = c->p;
	size_t j;

	for (j = 0; j < p->insn_cnt; j++) {
		if (c->broken_at[p->aux[j].subprog] < 0)
			continue;
		p->aux[j].spills_num = 0;
		p->aux[j].pattern = false;
	}
}

/* Strict mode: a frame whose stack pointer got lost may be accessed unseen. */
static void break_lost(struct vctx *c)
{
	struct nocsr_prog *p = c->p;
	size_t f;

	for (f = 0; f < p->subprog_cnt; f++) {
		struct nocsr_subprog *sp = &p->subprogs[f];

		if (!lost_frames[f] || !c->has_pattern[f] || sp->contract_broken)
			continue;
		c->broken_at[f] = sp->start;
		sp->contract_broken = true;
		snprintf(sp->contract_why, sizeof(sp->contract_why),
			 "a pointer into its stack is merged with other values or stored where the walk cannot follow it");
	}
}

static int slot_of(int64_t off)
{
	if (off >= 0 || off < -NOCSR_MAX_STACK || off % 8)
		return -1;
	return (int)(-off / 8) - 1;
}

static void clobber_slots(struct st *s, int64_t lo, int64_t hi)
{
	int k;

	for (k = 0; k < SLOTS; k++) {
		int64_t a = -8 * (k + 1), b = a + 8;

		if (b > lo && a < hi) {
			lose(&s->slot[k]);
			s->slot[k] = TOP;
			if (s->nslot <= k)
				s->nslot = k + 1;
		}
	}
}

static int64_t sat(__int128 v)
{
	if (v > BIG)
		return BIG;
	if (v < -BIG)
		return -BIG;
	return (int64_t)v;
}

/* tnum_range(): the bits lo..hi (unsigned, lo <= hi) have in common. */
static void tnum_of_range(uint64_t lo, uint64_t hi, uint64_t *tv, uint64_t *tm)
{
	uint64_t chi = lo ^ hi;
	int bits = chi ? 64 - __builtin_clzll(chi) : 0;

	*tm = bits > 63 ? ~0ULL : ((uint64_t)1 << bits) - 1;
	*tv = lo & ~*tm;
}

/*
 * reg_bounds_sync(), for the part this walk keeps: a finite non-negative
 * range narrows the tnum, a tnum without unknown bits above bit 61 narrows
 * the range.  BIG stands for infinity, so only ranges inside it count.
 * False when the two disagree (an infeasible branch side).
 */
static bool sync(struct val *v)
{
	uint64_t rv, rm, umax;

	if (v->t != T_SCALAR)
		return true;
	if (v->lo >= 0 && v->hi < BIG) {
		tnum_of_range((uint64_t)v->lo, (uint64_t)v->hi, &rv, &rm);
		if ((rv ^ v->tv) & ~rm & ~v->tm)
			return false;
		v->tv |= rv;
		v->tm &= rm;
		v->tv &= ~v->tm;
	}
	umax = v->tv | v->tm;
	if (umax < (uint64_t)BIG) {
		if ((int64_t)v->tv > v->lo)
			v->lo = (int64_t)v->tv;
		if ((int64_t)umax < v->hi)
			v->hi = (int64_t)umax;
	}
	if (v->lo > v->hi)
		return false;
	if (v->lo == v->hi)
		*v = konst(v->lo);
	return true;
}

static struct val range(__int128 lo, __int128 hi)
{
	struct val r = TOP;

	if (lo > hi || lo < -BIG || hi > BIG)
		return TOP;
	r.lo = (int64_t)lo;
	r.hi = (int64_t)hi;
	sync(&r);
	return r;
}

static struct val trunc32(struct val v)
{
	struct val r;

	if (v.t != T_SCALAR)
		return range(0, UINT32_MAX);
	if (v.lo == v.hi)
		return konst((uint32_t)v.lo);
	r = v.lo >= 0 && v.hi <= UINT32_MAX ? v : range(0, UINT32_MAX);
	r.tv = v.tv & UINT32_MAX;
	r.tm = v.tm & UINT32_MAX;
	sync(&r);
	return r;
}

static struct val alu_scalar_(uint8_t op, struct val a, struct val b, bool is64)
{
	switch (op) {
	case BPF_MOV:
		return b;
	case BPF_ADD:
		return range((__int128)a.lo + b.lo, (__int128)a.hi + b.hi);
	case BPF_SUB:
		return range((__int128)a.lo - b.hi, (__int128)a.hi - b.lo);
	case BPF_MUL:
		if (a.lo >= 0 && b.lo >= 0)
			return range((__int128)a.lo * b.lo, (__int128)a.hi * b.hi);
		break;
	case BPF_AND:
		if (is_const(&a) && is_const(&b))
			return konst(a.lo & b.lo);
		if (b.lo >= 0 && b.lo == b.hi)
			return range(0, a.lo >= 0 && a.hi < b.lo ? a.hi : b.lo);
		if (a.lo >= 0 && b.lo >= 0)
			return range(0, a.hi < b.hi ? a.hi : b.hi);
		break;
	case BPF_OR:
	case BPF_XOR:
		if (is_const(&a) && is_const(&b))
			return konst(op == BPF_OR ? (a.lo | b.lo) : (a.lo ^ b.lo));
		break;
	case BPF_LSH:
		if (is_const(&b) && b.lo >= 0 && b.lo < 63 && a.lo >= 0)
			return range((__int128)a.lo << b.lo, (__int128)a.hi << b.lo);
		break;
	case BPF_RSH:
		if (is_const(&b) && b.lo >= 0 && b.lo < 64 && a.lo >= 0)
			return range(a.lo >> b.lo, a.hi >> b.lo);
		if (is_const(&b) && b.lo > 0 && b.lo < 64)
			return range(0, (int64_t)(UINT64_MAX >> b.lo) > BIG ? BIG :
				     (int64_t)(UINT64_MAX >> b.lo));
		break;
	case BPF_ARSH:
		/* a 32-bit operand was zero-extended: bit 31 must be clear */
		if (is_const(&b) && b.lo >= 0 && b.lo < 64 &&
		    (is64 || a.hi <= INT32_MAX))
			return range(a.lo >> b.lo, a.hi >> b.lo);
		break;
	case BPF_DIV:
		if (is_const(&b) && b.lo > 0 && a.lo >= 0)
			return range(a.lo / b.lo, a.hi / b.lo);
		break;
	case BPF_MOD:
		if (is_const(&b) && b.lo > 0 && a.lo >= 0)
			return range(0, a.hi < b.lo ? a.hi : b.lo - 1);
		break;
	case BPF_NEG:
		return range(-(__int128)a.hi, -(__int128)a.lo);
	}
	return TOP;
}

static uint64_t tn_add(uint64_t av, uint64_t am, uint64_t bv, uint64_t bm, uint64_t *tm)
{
	uint64_t sv = av + bv, sm = am + bm;

	*tm = ((sm + sv) ^ sv) | am | bm;
	return sv & ~*tm;
}

static uint64_t tn_sub(uint64_t av, uint64_t am, uint64_t bv, uint64_t bm, uint64_t *tm)
{
	uint64_t dv = av - bv;

	*tm = ((dv + am) ^ (dv - bm)) | am | bm;
	return dv & ~*tm;
}

/*
 * The tnum of a op b (a 32-bit op gets zero-extended operands and is cut
 * to 32 bits by the caller).  MUL keeps only the known trailing zeros and
 * DIV/MOD/shifts by an unknown amount give nothing: the kernel's tnum_mul
 * and its ranges can know more, so such branches may go both ways here.
 */
static void tnum_alu(uint8_t op, const struct val *a, const struct val *b,
		     bool is64, struct val *r)
{
	uint64_t av = a->tv, am = a->tm, bv = b->tv, bm = b->tm, k = b->tv;
	unsigned int tz;

	r->tv = 0;
	r->tm = ~0ULL;
	if ((op == BPF_LSH || op == BPF_RSH || op == BPF_ARSH) &&
	    (bm || k >= (is64 ? 64u : 32u)))
		return;
	switch (op) {
	case BPF_MOV:
		r->tv = bv;
		r->tm = bm;
		break;
	case BPF_ADD:
		r->tv = tn_add(av, am, bv, bm, &r->tm);
		break;
	case BPF_SUB:
		r->tv = tn_sub(av, am, bv, bm, &r->tm);
		break;
	case BPF_NEG:
		r->tv = tn_sub(0, 0, av, am, &r->tm);
		break;
	case BPF_AND:
		r->tv = av & bv;
		r->tm = (av | am) & (bv | bm) & ~r->tv;
		break;
	case BPF_OR:
		r->tv = av | bv;
		r->tm = (am | bm) & ~r->tv;
		break;
	case BPF_XOR:
		r->tm = am | bm;
		r->tv = (av ^ bv) & ~r->tm;
		break;
	case BPF_LSH:
		r->tv = av << k;
		r->tm = am << k;
		break;
	case BPF_RSH:
		r->tv = av >> k;
		r->tm = am >> k;
		break;
	case BPF_ARSH:
		if (!is64) {	/* sign-extend the 32-bit operand first */
			av = (uint64_t)(int64_t)(int32_t)av;
			am = (uint64_t)(int64_t)(int32_t)am;
		}
		r->tv = (uint64_t)((int64_t)av >> k);
		r->tm = (uint64_t)((int64_t)am >> k);
		break;
	case BPF_MUL:
		tz = (unsigned int)__builtin_ctzll(av | am | 1ULL << 63) +
		     (unsigned int)__builtin_ctzll(bv | bm | 1ULL << 63);
		r->tm = tz > 63 ? 0 : ~0ULL << tz;
		break;
	}
}

/* Scalar ALU on ranges and tnums, synced as the kernel does. */
static struct val alu_scalar(uint8_t op, struct val a, struct val b, bool is64)
{
	struct val r, t;

	if (a.t != T_SCALAR || b.t != T_SCALAR)
		return TOP;
	if (!is64) {
		a = trunc32(a);
		b = trunc32(b);
	}
	r = alu_scalar_(op, a, b, is64);
	if (!is64)
		r = trunc32(r);
	if (is_const(&r))
		return r;
	tnum_alu(op, &a, &b, is64, &t);
	if (!is64) {
		t.tv &= UINT32_MAX;
		t.tm &= UINT32_MAX;
	}
	r.tm &= t.tm;
	r.tv = (r.tv | t.tv) & ~r.tm;
	if (!sync(&r))
		return TOP;	/* cannot happen for sound inputs; stay safe */
	return r;
}

static void do_alu(struct st *s, const struct bpf_insn *insn)
{
	uint8_t op = BPF_OP(insn->code);
	bool is64 = BPF_CLASS(insn->code) == BPF_ALU64;
	struct val *d = &s->r[insn->dst_reg];
	struct val src = BPF_SRC(insn->code) == BPF_X ? s->r[insn->src_reg] :
			 konst(is64 ? insn->imm : (int64_t)(uint32_t)insn->imm);
	struct val r;

	if (insn->dst_reg >= 10)
		return;
	if (op == BPF_END) {
		*d = TOP;
		return;
	}
	if (op == BPF_MOV) {
		if (BPF_SRC(insn->code) == BPF_X && insn->off) {
			*d = insn->off == NOCSR_ADDR_SPACE_CAST ? (struct val){ .t = T_PTR, .frame = 0 } : TOP;
			return;
		}
		*d = is64 ? src : trunc32(src);
		return;
	}
	if (is64 && d->t == T_STACK && (op == BPF_ADD || op == BPF_SUB) &&
	    src.t == T_SCALAR) {
		if (op == BPF_ADD) {
			d->lo = sat((__int128)d->lo + src.lo);
			d->hi = sat((__int128)d->hi + src.hi);
		} else {
			d->lo = sat((__int128)d->lo - src.hi);
			d->hi = sat((__int128)d->hi - src.lo);
		}
		return;
	}
	if (is64 && op == BPF_ADD && d->t == T_SCALAR && src.t == T_STACK) {
		r = src;
		r.lo = sat((__int128)r.lo + d->lo);
		r.hi = sat((__int128)r.hi + d->hi);
		*d = r;
		return;
	}
	if (d->t == T_PTR && (op == BPF_ADD || op == BPF_SUB) && is64) {
		if (d->frame != -1 && d->frame != PTR_PACKET)
			d->frame = 0;	/* arithmetic keeps "some pointer" */
		return;
	}
	r = alu_scalar(op, *d, src, is64);
	*d = is64 ? r : trunc32(r);
}

/*
 * is_branch_taken() from the tnum alone, for scalar d against constant c:
 * 1 always taken, 0 never, -1 either way.
 */
static int tnum_branch(const struct val *d, uint8_t op, uint64_t c, bool is64)
{
	uint64_t mask = is64 ? ~0ULL : UINT32_MAX;
	uint64_t sign = is64 ? 1ULL << 63 : 1ULL << 31;
	uint64_t v = d->tv & mask, m = d->tm & mask, umax = v | m;
	int64_t smin, smax, sc;
	int r = -1;

	c &= mask;
	/* signed view: the sign bit set for the minimum when unknown */
	smin = (int64_t)(v | (m & sign));
	smax = (int64_t)(v | (m & ~sign));
	sc = (int64_t)c;
	if (!is64) {
		smin = (int32_t)smin;
		smax = (int32_t)smax;
		sc = (int32_t)c;
	}
	switch (op) {
	case BPF_JEQ:
	case BPF_JNE:
		if ((v ^ c) & ~m)
			r = 0;
		else if (!m)
			r = 1;
		if (r >= 0 && op == BPF_JNE)
			r = !r;
		break;
	case BPF_JSET:
		r = (v & c) ? 1 : (umax & c) ? -1 : 0;
		break;
	case BPF_JGT: r = v > c ? 1 : umax <= c ? 0 : -1; break;
	case BPF_JGE: r = v >= c ? 1 : umax < c ? 0 : -1; break;
	case BPF_JLT: r = umax < c ? 1 : v >= c ? 0 : -1; break;
	case BPF_JLE: r = umax <= c ? 1 : v > c ? 0 : -1; break;
	case BPF_JSGT: r = smin > sc ? 1 : smax <= sc ? 0 : -1; break;
	case BPF_JSGE: r = smin >= sc ? 1 : smax < sc ? 0 : -1; break;
	case BPF_JSLT: r = smax < sc ? 1 : smin >= sc ? 0 : -1; break;
	case BPF_JSLE: r = smax <= sc ? 1 : smin > sc ? 0 : -1; break;
	}
	return r;
}

/*
 * regs_refine_cond_op() on the tnum: "== c" makes the compared bits
 * known, a JSET that fails clears c's bits, one that holds for a single
 * bit sets it.
 */
static void tnum_refine(struct val *d, uint8_t op, uint64_t c, bool taken, bool is64)
{
	uint64_t mask = is64 ? ~0ULL : UINT32_MAX;

	c &= mask;
	if ((op == BPF_JEQ && taken) || (op == BPF_JNE && !taken)) {
		d->tv = (d->tv & ~mask) | c;
		d->tm &= ~mask;
	} else if (op == BPF_JSET && !taken) {
		d->tv &= ~c;
		d->tm &= ~c;
	} else if (op == BPF_JSET && c && !(c & (c - 1))) {
		d->tv |= c;
		d->tm &= ~c;
	}
}

/* Refine dst against constant c for one edge; false if infeasible. */
static bool refine(struct val *d, uint8_t op, int64_t c, bool taken, bool is64)
{
	int64_t a = d->lo, b = d->hi;
	int tk, tz;

	if (d->t == T_PTR && (op == BPF_JEQ || op == BPF_JNE) && c == 0 &&
	    (d->frame == -1 || d->frame == -2)) {
		/*
		 * reg_not_null(): only trusted pointers (frame -1) are known
		 * non-NULL; ctx, stack and map pointers are not, so those
		 * compares go both ways.  A maybe-NULL result (frame -2)
		 * becomes 0 or a non-NULL pointer on each side.
		 */
		bool is_null = (op == BPF_JEQ) == taken;

		if (d->frame == -1)
			return !is_null;
		if (is_null)
			*d = konst(0);
		else
			d->frame = -1;
		return true;
	}
	if (d->t != T_SCALAR)
		return true;
	tk = tnum_branch(d, op, (uint64_t)c, is64);
	if (tk >= 0)
		return tk == taken;
	tnum_refine(d, op, (uint64_t)c, taken, is64);
	if (!sync(d))
		return false;
	a = d->lo;
	b = d->hi;
	if (!is64) {
		if (!(a >= 0 && b <= INT32_MAX && c >= 0 && c <= INT32_MAX)) {
			if (!(a == b))
				return true;
			/* both constant: compare in 32 bits below */
			a = b = (uint32_t)a;
			c = (uint32_t)c;
		}
	}
	if (op == BPF_JNE) {
		op = BPF_JEQ;
		taken = !taken;
	}
	if ((op == BPF_JGT || op == BPF_JGE || op == BPF_JLT || op == BPF_JLE) &&
	    (a < 0 || c < 0)) {
		bool le_side;
		int64_t hi;

		if (a == b && is_const(d)) {
			uint64_t x = (uint64_t)a, y = (uint64_t)c;
			bool t = op == BPF_JGT ? x > y : op == BPF_JGE ? x >= y :
				 op == BPF_JLT ? x < y : x <= y;

			return t == taken;
		}
		if (c < 0)
			return true;
		/*
		 * Unsigned "x <= hi" with hi >= 0 rules out every negative
		 * (huge unsigned) value: the range becomes [max(a,0), hi].
		 * The other side (negatives and values above hi) stays as is.
		 */
		le_side = ((op == BPF_JGT || op == BPF_JGE) && !taken) ||
			  ((op == BPF_JLT || op == BPF_JLE) && taken);
		if (!le_side)
			return true;
		hi = (op == BPF_JGT || op == BPF_JLE) ? c : c - 1;
		if (a < 0)
			a = 0;
		if (b > hi)
			b = hi;
		if (a > b)
			return false;
		if (is64) {
			d->lo = a;
			d->hi = b;
		}
		return sync(d);
	}
	switch (op) {
	case BPF_JEQ:
		if (taken) {
			if (c < a || c > b)
				return false;
			a = b = c;
		} else {
			if (a == b && a == c)
				return false;
			if (a == c)
				a++;
			else if (b == c)
				b--;
		}
		break;
	case BPF_JSET:
		if (a == b)
			return ((a & c) != 0) == taken;
		return true;
	case BPF_JGT: case BPF_JSGT:
		if (taken) { if (c + 1 > a) a = c + 1; } else { if (c < b) b = c; }
		break;
	case BPF_JGE: case BPF_JSGE:
		if (taken) { if (c > a) a = c; } else { if (c - 1 < b) b = c - 1; }
		break;
	case BPF_JLT: case BPF_JSLT:
		if (taken) { if (c - 1 < b) b = c - 1; } else { if (c > a) a = c; }
		break;
	case BPF_JLE: case BPF_JSLE:
		if (taken) { if (c < b) b = c; } else { if (c + 1 > a) a = c + 1; }
		break;
	default:
		return true;
	}
	tz = __builtin_ctzll(d->tv | d->tm | 1ULL << 63);
	if (tz > 0 && tz < 62) {
		int64_t m = (int64_t)1 << tz;

		a = a >= 0 ? (a + m - 1) / m * m : -((-a) / m * m);
		b = b >= 0 ? b / m * m : -((-b + m - 1) / m * m);
	}
	if (a > b)
		return false;
	if (is64 || (d->lo >= 0 && d->hi <= INT32_MAX)) {
		d->lo = a;
		d->hi = b;
	}
	return sync(d);
}

/* s is used up: each side gets it with its own refined dst register */
static void cond_jump(struct vctx *c, size_t i, struct st *s)
{
	const struct bpf_insn *insn = &c->p->insns[i];
	bool is64 = BPF_CLASS(insn->code) == BPF_JMP;
	uint8_t op = BPF_OP(insn->code);
	struct val t = s->r[insn->dst_reg], f = t;
	bool tk = true, fk = true;
	int64_t k;

	if (BPF_SRC(insn->code) == BPF_K || is_const(&s->r[insn->src_reg])) {
		k = BPF_SRC(insn->code) == BPF_K ?
			(is64 ? insn->imm : (int64_t)(uint32_t)insn->imm) :
			s->r[insn->src_reg].lo;
		tk = refine(&t, op, k, true, is64);
		fk = refine(&f, op, k, false, is64);
	}
	if (fk) {
		c->p->aux[i].succ_seen[0] = true;
		s->r[insn->dst_reg] = f;
		flow_to(c, i + 1, s);
	}
	if (tk) {
		c->p->aux[i].succ_seen[1] = true;
		s->r[insn->dst_reg] = t;
		flow_to(c, (size_t)((long)i + insn->off + 1), s);
	}
}

/* The block holding insn i: the last one starting at or before it. */
static size_t block_of(const struct vctx *c, size_t i)
{
	size_t lo = 0, hi = c->nblocks;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->bstart[mid] <= i)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* What callee returns grew: the blocks calling it go on with the new r0. */
static void returned(struct vctx *c, int callee, const struct val *r0)
{
	const struct nocsr_prog *p = c->p;
	size_t k;

	if (!join_val(&c->ret[callee], r0, 0))
		return;
	for (k = 0; k < c->ncalls; k++) {
		size_t i = c->calls[k];
		uint32_t pi;

		if (p->aux[i + p->insns[i].imm + 1].subprog != callee)
			continue;
		for (pi = c->bpart[block_of(c, i)]; pi != NO_PART; pi = c->part[pi].next)
			push(c, pi);
	}
}

static void enter(struct vctx *c, int callee, const struct st *args)
{
	struct st e;
	int r;

	memset(&e, 0, sizeof(e));
	for (r = 1; r <= 5; r++)
		e.r[r] = args->r[r];
	e.r[10] = (struct val){ .t = T_STACK, .frame = (int16_t)callee };
	flow_to(c, c->p->subprogs[callee].start, &e);
}

/* Helpers taking a callback in r2 and the callback's ctx in r3. */
static int callback_ctx_reg(int32_t id)
{
	switch (id) {
	case 181: return 2;	/* bpf_loop: cb(index, ctx) */
	case 164: return 4;	/* for_each_map_elem: cb(map, key, value, ctx) */
	case 180: return 3;	/* find_vma: cb(task, vma, ctx) */
	case 209: return 2;	/* user_ringbuf_drain: cb(dynptr, ctx) */
	}
	return 0;
}

static void call_helper(struct vctx *c, size_t i, int cur, struct st *s)
{
	struct nocsr_prog *p = c->p;
	const struct bpf_insn *insn = &p->insns[i];
	unsigned int writes = insn->src_reg ? 0 : nocsr_helper_write_args(insn->imm);
	struct call_summary cs = { 0 };
	unsigned int nargs = 5, a;
	const char *callee;
	char note[96];

	if (nocsr_call_summary(p, i, &cs))
		nargs = cs.nargs > 5 ? 5 : cs.nargs;
	callee = cs.name ? cs.name : "?";
	if (!insn->src_reg) {
		/* map_ptr_state: the map in r1, poisoned when paths disagree */
		int m = s->r[1].t == T_PTR && s->r[1].frame > 0 ? s->r[1].frame - 1 : -2;

		if (p->aux[i].map == -1)
			p->aux[i].map = m;
		else if (p->aux[i].map != m)
			p->aux[i].map = -2;
	}
	if (!insn->src_reg && insn->imm == 181) {
		/* update_loop_inline_state(): flags 0 and one callback */
		struct insn_aux *ax = &p->aux[i];
		bool zero = is_const(&s->r[4]) && s->r[4].lo == 0;
		int cb = s->r[2].t == T_FUNC ? s->r[2].frame : -1;

		if (!ax->loop_seen) {
			ax->loop_seen = true;
			ax->loop_fit = zero && cb >= 0;
			ax->loop_cb = cb;
		} else if (ax->loop_fit) {
			ax->loop_fit = zero && cb == ax->loop_cb;
		}
	}
	for (a = 1; a <= nargs; a++) {
		struct val *v = &s->r[a];

		if (v->t == T_FUNC) {
			struct st args;
			int k = callback_ctx_reg(insn->imm), r;

			memset(&args, 0, sizeof(args));
			for (r = 1; r <= 5; r++)
				args.r[r] = TOP;
			if (k && !insn->src_reg)
				args.r[k] = s->r[3];
			enter(c, v->frame, &args);
		}
		if (v->t != T_STACK)
			continue;
		if (writes & (1u << (a - 1))) {
			struct val sz = a < 5 ? s->r[a + 1] : TOP;

			if (sz.t == T_SCALAR && sz.hi <= 0)
				continue;
			snprintf(note, sizeof(note), "%s writes it", callee);
			stack_access(c, i, cur, v, 0, true, a, note);
			if (v->frame == cur)
				clobber_slots(s, v->lo, v->hi +
					      (sz.t == T_SCALAR && sz.hi < 4096 ? sz.hi : 4096));
		} else if (p->strict) {
			snprintf(note, sizeof(note), "passed to %s", callee);
			stack_access(c, i, cur, v, 0, false, a, note);
		} else {
			/* reads are not checked by the kernel; depth only */
			depth(p, v->frame, v->lo);
		}
		/* kfuncs (never in the write list) may write */
		if (insn->src_reg && v->frame == cur)
			clobber_slots(s, v->lo, 0);
	}
}

/*
 * __sk_buff.data and data_meta (32-bit loads at 76 and 140): packet
 * pointers, followed only to see direct packet writes, which make the
 * kernel add a prologue to tc, sk_skb and lwt_xmit programs.
 */
static bool ctx_packet_field(const struct bpf_insn *insn)
{
	return BPF_MODE(insn->code) == BPF_MEM && BPF_SIZE(insn->code) == BPF_W &&
	       (insn->off == 76 || insn->off == 140);
}

static void run_part(struct vctx *c, const struct part *pa)
{
	struct nocsr_prog *p = c->p;
	size_t i = c->bstart[pa->block];
	struct st s;
	int cur = p->aux[i].subprog;

	st_load(c, &s, pa->st);
	for (;;) {
		const struct bpf_insn *insn = &p->insns[i];
		uint8_t cls = BPF_CLASS(insn->code), mode = BPF_MODE(insn->code);
		struct val *base;
		int k;

		p->aux[i].seen = true;
		switch (cls) {
		case BPF_ALU:
		case BPF_ALU64:
			do_alu(&s, insn);
			break;
		case BPF_LDX:
			base = &s.r[insn->src_reg];
			if (base->t == T_PTR && base->frame == -3) {
				p->aux[i].ctx_access = true;
				if (ctx_packet_field(insn)) {
					s.r[insn->dst_reg] = (struct val){ .t = T_PTR, .frame = PTR_PACKET };
					break;
				}
			}
			if (base->t == T_STACK) {
				stack_bounds(c, i, base, insn->off, size_of(insn), false);
				stack_access(c, i, cur, base, insn->off, false,
					     insn->src_reg, NULL);
				k = slot_of(base->lo + insn->off);
				if (base->frame == cur && base->lo == base->hi && k >= 0 &&
				    BPF_SIZE(insn->code) == BPF_DW && mode == BPF_MEM &&
				    s.slot[k].t != T_UNINIT) {
					s.r[insn->dst_reg] = s.slot[k];
					break;
				}
			}
			if (mode == BPF_MEM && BPF_SIZE(insn->code) != BPF_DW)
				s.r[insn->dst_reg] = range(0, BPF_SIZE(insn->code) == BPF_B ? 0xff :
							   BPF_SIZE(insn->code) == BPF_H ? 0xffff :
							   UINT32_MAX);
			else
				s.r[insn->dst_reg] = TOP;
			break;
		case BPF_ST:
		case BPF_STX:
			if (insn->code == NOCSR_NOSPEC)
				break;
			base = &s.r[insn->dst_reg];
			if (base->t == T_PTR && base->frame == -3)
				p->aux[i].ctx_access = true;
			if (base->t == T_PTR && base->frame == PTR_PACKET)
				p->pkt_write = true;	/* seen_direct_write */
			if (base->t == T_STACK) {
				struct val v = cls == BPF_ST ? konst(insn->imm) :
					       s.r[insn->src_reg];
				int size = size_of(insn);

				stack_bounds(c, i, base, insn->off, size, true);
				if (mode == BPF_ATOMIC)
					stack_access(c, i, cur, base, insn->off, false,
						     insn->dst_reg, NULL);
				stack_access(c, i, cur, base, insn->off, true,
					     insn->dst_reg, NULL);
				if (base->frame == cur) {
					k = slot_of(base->lo + insn->off);
					if (base->lo == base->hi && k >= 0 && size == 8 &&
					    mode == BPF_MEM) {
						s.slot[k] = v;
						if (s.nslot <= k)
							s.nslot = k + 1;
						break;
					}
					clobber_slots(&s, base->lo + insn->off,
						      base->hi + insn->off + size);
				}
			}
			if (cls == BPF_STX)
				lose(&s.r[insn->src_reg]);
			if (mode == BPF_ATOMIC && (insn->imm & 1)) {
				if (insn->imm == (0xf0 | 1))
					s.r[0] = TOP;
				else
					s.r[insn->src_reg] = TOP;
			}
			if (mode == BPF_ATOMIC && insn->imm == 0x100)
				s.r[insn->dst_reg] = TOP;
			break;
		case BPF_LD:
			if (nocsr_insn_is_ldimm64(insn)) {
				struct val *d = &s.r[insn->dst_reg];

				if (insn->src_reg == 0)
					*d = konst((int64_t)(((uint64_t)(uint32_t)insn[1].imm << 32) |
							     (uint32_t)insn->imm));
				else if (insn->src_reg == BPF_PSEUDO_FUNC)
					*d = (struct val){ .t = T_FUNC, .frame = (int16_t)p->aux[i + insn->imm + 1].subprog };
				else if (insn->src_reg == BPF_PSEUDO_MAP_FD)
					/* T_PTR with frame = map index + 1 */
					*d = (struct val){ .t = T_PTR, .frame = (int16_t)(nocsr_obj_map(p->obj, p->meta[i].sym) + 1) };
				else
					*d = (struct val){ .t = T_PTR, .frame = 0 };
				p->aux[i + 1].seen = true;
				i++;
			} else {
				s.r[0] = TOP;
				for (k = 1; k <= 5; k++)
					s.r[k].t = T_UNINIT;
			}
			break;
		case BPF_JMP:
		case BPF_JMP32: {
			uint8_t op = BPF_OP(insn->code);

			if (op == BPF_EXIT) {
				if (cur)
					returned(c, cur, &s.r[0]);
				return;
			}
			if (op == BPF_JA) {
				int32_t d;

				nocsr_insn_jump_delta(insn, &d);
				flow_to(c, (size_t)((long)i + d + 1), &s);
				return;
			}
			if (op == BPF_JCOND) {
				p->aux[i].succ_seen[0] = p->aux[i].succ_seen[1] = true;
				flow_to(c, i + 1, &s);
				flow_to(c, (size_t)((long)i + insn->off + 1), &s);
				return;
			}
			if (op == BPF_CALL) {
				bool passes_stack = false;

				if (insn->src_reg == NOCSR_PSEUDO_CALL) {
					int callee = p->aux[i + insn->imm + 1].subprog;

					enter(c, callee, &s);
					for (k = 1; k <= 5; k++)
						passes_stack |= s.r[k].t == T_STACK &&
								s.r[k].frame == cur;
					if (passes_stack)
						clobber_slots(&s, -NOCSR_MAX_STACK, 0);
					if (p->subprogs[callee].global)
						s.r[0] = TOP;
					else if (c->ret[callee].t == T_UNINIT)
						return;	/* not returned yet */
					else
						s.r[0] = c->ret[callee];
				} else {
					call_helper(c, i, cur, &s);
					s.r[0] = TOP;
					if (insn->src_reg == NOCSR_PSEUDO_KFUNC_CALL &&
					    p->meta[i].sym &&
					    !strcmp(p->meta[i].sym, "bpf_cast_to_kern_ctx"))
						s.r[0] = (struct val){ .t = T_PTR, .frame = -1 };
					if (!insn->src_reg && insn->imm == BPF_FUNC_map_lookup_elem)
						s.r[0] = (struct val){ .t = T_PTR, .frame = -2 };
					/* do_refine_retval_range(): a host fact */
					if (!insn->src_reg && insn->imm == BPF_FUNC_get_smp_processor_id)
						s.r[0] = range(0, p->obj->nr_cpus ?
							       p->obj->nr_cpus - 1 : UINT32_MAX - 1);
				}
				for (k = 1; k <= 5; k++)
					s.r[k].t = T_UNINIT;
				break;
			}
			cond_jump(c, i, &s);
			return;
		}
		}
		i++;
		if (i >= p->insn_cnt)
			return;
		if (c->leader[i] >= 0) {
			flow_to(c, i, &s);
			return;
		}
	}
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Constants compared against in the program, and their neighbours. */
static int collect_thresholds(const struct nocsr_prog *p)
{
	size_t i, n = 0, k = 0;
	int64_t *t = malloc((3 * p->insn_cnt + 1) * sizeof(*t));

	if (!t)
		return -ENOMEM;
	t[n++] = 0;
	for (i = 0; i < p->insn_cnt; i++) {
		const struct bpf_insn *insn = &p->insns[i];

		if (nocsr_insn_is_cond_jump(insn) && BPF_SRC(insn->code) == BPF_K) {
			t[n++] = insn->imm;
			t[n++] = (int64_t)insn->imm - 1;
			t[n++] = (int64_t)insn->imm + 1;
		}
	}
	qsort(t, n, sizeof(*t), cmp_i64);
	for (i = 0; i < n; i++)
		if (!k || t[k - 1] != t[i])
			t[k++] = t[i];
	thresholds = t;
	threshold_cnt = k;
	return 0;
}

static void mark_leader(struct vctx *c, size_t i)
{
	if (i < c->p->insn_cnt && c->leader[i] < 0)
		c->leader[i] = 0;
}

int nocsr_verify(struct nocsr_prog *p)
{
	struct vctx c = { .p = p, .bad_insn = -1 };
	size_t i, n = p->insn_cnt;
	int err = -ENOMEM;

	c.leader = malloc(n * sizeof(*c.leader));
	c.has_pattern = calloc(p->subprog_cnt, sizeof(*c.has_pattern));
	c.broken_at = malloc(p->subprog_cnt * sizeof(*c.broken_at));
	c.ret = calloc(p->subprog_cnt, sizeof(*c.ret));	/* T_UNINIT */
	if (p->strict)
		lost_frames = calloc(p->subprog_cnt, sizeof(*lost_frames));
	if (!c.leader || !c.has_pattern || !c.broken_at || !c.ret ||
	    (p->strict && !lost_frames))
		goto out;
	nocsr_huge_pages(c.leader, n * sizeof(*c.leader));
	p->pkt_write = false;
	for (i = 0; i < p->subprog_cnt; i++) {
		c.broken_at[i] = -1;
		p->subprogs[i].depth_before = 0;
		p->subprogs[i].contract_broken = false;
	}
	for (i = 0; i < n; i++) {
		c.leader[i] = -1;
		if (p->aux[i].pattern)
			c.has_pattern[p->aux[i].subprog] = true;
	}
	for (i = 0; i < p->subprog_cnt; i++)
		mark_leader(&c, p->subprogs[i].start);
	if (collect_thresholds(p))
		goto out;
	for (i = 0; i < n; i++) {
		const struct bpf_insn *insn = &p->insns[i];
		int32_t d;

		if (nocsr_insn_jump_delta(insn, &d)) {
			mark_leader(&c, (size_t)((long)i + d + 1));
			mark_leader(&c, i + 1);
		}
		if (nocsr_insn_is_call(insn))
			mark_leader(&c, i + 1);
		if (insn->code == (BPF_JMP | BPF_CALL) &&
		    insn->src_reg == NOCSR_PSEUDO_CALL)
			c.ncalls++;
		if (nocsr_insn_is_ldimm64(insn))
			i++;
	}
	for (i = 0; i < n; i++)
		if (c.leader[i] >= 0)
			c.nblocks++;
	c.bstart = malloc(c.nblocks * sizeof(*c.bstart));
	c.bpart = malloc(c.nblocks * sizeof(*c.bpart));
	c.bany = malloc(c.nblocks * sizeof(*c.bany));
	c.part_cap = c.nblocks + 16;
	c.part_budget = PART_BUDGET;
	c.part = malloc(c.part_cap * sizeof(*c.part));
	c.work = malloc(c.part_cap * sizeof(*c.work));
	c.calls = malloc((c.ncalls ? c.ncalls : 1) * sizeof(*c.calls));
	if (!c.bstart || !c.bpart || !c.bany || !c.part || !c.work || !c.calls)
		goto out;
	nocsr_huge_pages(c.bstart, c.nblocks * sizeof(*c.bstart));
	nocsr_huge_pages(c.part, c.part_cap * sizeof(*c.part));
	for (i = 0; i < c.nblocks; i++)
		c.bpart[i] = c.bany[i] = NO_PART;
	c.ncalls = 0;
	for (i = 0; i < n; i++) {
		if (p->insns[i].code == (BPF_JMP | BPF_CALL) &&
		    p->insns[i].src_reg == NOCSR_PSEUDO_CALL)
			c.calls[c.ncalls++] = i;
		if (nocsr_insn_is_ldimm64(&p->insns[i]))
			i++;
	}
	c.nblocks = 0;
	for (i = 0; i < n; i++)
		if (c.leader[i] >= 0) {
			c.leader[i] = (int)c.nblocks;
			c.bstart[c.nblocks++] = i;
		}
	c.vt.v = malloc(1024 * sizeof(*c.vt.v));
	if (!c.vt.v || vt_grow(&c.vt))
		goto out;
	c.vt.v[0] = (struct val){ .t = T_UNINIT };
	c.vt.cnt = 1;
	c.vt.cap = 1024;
	{
		struct st e;
		memset(&e, 0, sizeof(e));
		e.r[1] = (struct val){ .t = T_PTR, .frame = -3 };	/* ctx */
		e.r[10] = (struct val){ .t = T_STACK, .frame = 0 };
		flow_to(&c, 0, &e);
	}
	while (c.nwork) {
		struct part *pa = &c.part[c.work[--c.nwork]];

		pa->inwork = false;
		pa->visits++;
		run_part(&c, pa);
	}
	if (c.nomem) {
		err = -ENOMEM;
		goto out;
	}
	if (p->strict)
		break_lost(&c);
	drop_broken(&c);
	err = c.bad_insn >= 0 ? -EINVAL : check_calls(&c);
	if (err == -EINVAL)
		pr_warn("%s: program %s: %s\n", p->obj->path, p->name, c.bad_why);
out:
	free(lost_frames);
	lost_frames = NULL;
	free((void *)thresholds);
	thresholds = NULL;
	threshold_cnt = 0;
	free(c.leader);
	free(c.has_pattern);
	free(c.broken_at);
	free(c.bstart);
	free(c.bpart);
	free(c.bany);
	free(c.part);
	free(c.phash);
	free(c.vt.v);
	free(c.vt.hash);
	while (c.arena) {
		struct arena *a = c.arena;

		c.arena = a->next;
		free(a);
	}
	free(c.work);
	free(c.ret);
	free(c.calls);
	return err;
}

void nocsr_obj__set_nr_cpus(struct nocsr_obj *obj, unsigned int n)
{
	obj->nr_cpus = n;
}

/* nr_cpu_ids is one past the highest possible CPU ("0-3,8-11" gives 12). */
unsigned int nocsr_host_nr_cpus(void)
{
	FILE *f = fopen("/sys/devices/system/cpu/possible", "r");
	unsigned long n = 0, v;
	char buf[256], *s, *end;

	if (!f)
		return 0;
	s = fgets(buf, sizeof(buf), f);
	fclose(f);
	while (s && *s) {
		if (*s < '0' || *s > '9') {
			s++;
			continue;
		}
		v = strtoul(s, &end, 10);
		if (v >= n)
			n = v + 1;
		s = end;
	}
	return n > UINT_MAX ? 0 : (unsigned int)n;
}
