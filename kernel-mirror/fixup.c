// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * nocsr fixup: give the fastcall spill/fill pairs of an object built by
 * clang 20+ the function-wide layout the kernel matches (layout.c plans
 * it).  Only the 16-bit off field of those instructions changes: the file
 * is copied byte for byte with those bytes patched, so relocations, BTF,
 * BTF.ext and DWARF stay valid untouched.  Nothing is written when any
 * function is refused.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli.h"
#include "file.h"

#define INSN_OFF_AT	2	/* byte offset of the off field in an insn */

static void help(void)
{
	printf("Usage: nocsr fixup OBJ [-o OUT] [--check] [--json]\n"
	       "Move clang 20+'s bpf_fastcall spill/fill offsets to the function-wide\n"
	       "layout every kernel >= 6.12 matches.  Only offsets change; the object\n"
	       "is rewritten in place, or copied to OUT.  One line per function with\n"
	       "fastcall pairs, then a summary.  --check only reports.\n"
	       "Exit 0 done (or, with --check, nothing to fix), 1 a function was\n"
	       "refused (nothing written) or, with --check, needs fixing, 2 bad input.\n");
}

/* The input file as bytes: the copy that gets patched. */
struct image {
	unsigned char *buf;
	size_t len;
	mode_t mode;
};

static int read_image(const char *path, struct image *im)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), err = -1;
	struct stat st;
	char *buf;

	if (fd < 0 || fstat(fd, &st)) {
		cli_err("%s: %s", path, strerror(errno));
		goto out;
	}
	/* a device may never end, and writing in place would replace it */
	if (!S_ISREG(st.st_mode)) {
		cli_err("%s: not a regular file", path);
		goto out;
	}
	err = nocsr_read_fd(fd, &st, &buf, &im->len);
	if (err) {
		cli_err("%s: %s", path,
			err == -ENOMEM ? strerror(ENOMEM) : "read failed");
		goto out;
	}
	im->buf = (unsigned char *)buf;
	im->mode = st.st_mode & 07777;
out:
	if (fd >= 0)
		close(fd);
	return err;
}

/* Write next to the target and rename, so a failure leaves it intact. */
static int write_image(const char *path, const struct image *im)
{
	size_t n = strlen(path) + 16, done = 0;
	char *tmp = malloc(n);
	int fd;

	if (!tmp)
		return -ENOMEM;
	snprintf(tmp, n, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		goto fail;
	while (done < im->len) {
		ssize_t w = write(fd, im->buf + done, im->len - done);

		if (w <= 0)
			goto fail;
		done += (size_t)w;
	}
	if (fchmod(fd, im->mode) || close(fd)) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path))
		goto fail;
	free(tmp);
	return 0;
fail:
	cli_err("%s: cannot write: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return -EIO;
}

/*
 * Patch insn i of p to off.  The bytes must be the instruction the loader
 * read (already patched when another program shares the function).
 */
static int patch(struct image *im, const struct nocsr_prog *p, size_t i,
		 int16_t old, int16_t off)
{
	const struct bpf_insn *in = &nocsr_prog__insns(p)[i];
	uint64_t at = nocsr_prog__insn_file_off(p, i);
	unsigned char *b;
	int16_t cur;

	if (at + sizeof(*in) > im->len) {
		cli_err("%s: insn %zu lies outside the file", nocsr_prog__name(p), i);
		return -EINVAL;
	}
	b = im->buf + at;
	memcpy(&cur, b + INSN_OFF_AT, sizeof(cur));
	if (b[0] != in->code || b[1] != (in->src_reg << 4 | in->dst_reg) ||
	    (cur != old && cur != off)) {
		cli_err("%s: insn %zu is not where the section table says (compressed section?)",
			nocsr_prog__name(p), i);
		return -EINVAL;
	}
	memcpy(b + INSN_OFF_AT, &off, sizeof(off));
	return 0;
}

/* Functions already reported, by the file offset of their first insn. */
struct seen {
	uint64_t *at;
	enum nocsr_fixup_verdict *verdict;
	size_t cnt;
};

static int seen_find(struct seen *s, uint64_t at, enum nocsr_fixup_verdict v,
		     bool *first)
{
	size_t i;
	void *a, *b;

	for (i = 0; i < s->cnt; i++)
		if (s->at[i] == at) {
			*first = false;
			return (int)i;
		}
	a = realloc(s->at, (s->cnt + 1) * sizeof(*s->at));
	if (a)
		s->at = a;
	b = realloc(s->verdict, (s->cnt + 1) * sizeof(*s->verdict));
	if (b)
		s->verdict = b;
	if (!a || !b)
		return -ENOMEM;
	s->at[s->cnt] = at;
	s->verdict[s->cnt] = v;
	*first = true;
	return (int)s->cnt++;
}

struct tally {
	unsigned int moved, kept, refused;
};

/* One run of the verb: options, the patched copy, what was reported. */
struct run {
	struct opts o;
	struct image im;
	struct seen seen;
	struct tally t;
	struct json j;
};

static const char *verdict_name(enum nocsr_fixup_verdict v)
{
	switch (v) {
	case NOCSR_FIXUP_NONE: return "none";
	case NOCSR_FIXUP_KEEP: return "keep";
	case NOCSR_FIXUP_MOVE: return "move";
	case NOCSR_FIXUP_REFUSED: return "refused";
	}
	return "?";
}

static void print_site(const struct nocsr_fixup_site *s)
{
	unsigned int k;

	printf("  call at insn %u (%s):", s->insn, s->callee);
	if (!memcmp(s->old_off, s->new_off, sizeof(s->old_off))) {
		printf(" %u pair%s unchanged\n", s->pairs, s->pairs == 1 ? "" : "s");
		return;
	}
	for (k = s->pairs; k-- > 0;)
		printf(" r%u %d -> %d%s", s->reg[k], s->old_off[k], s->new_off[k],
		       k ? "," : "\n");
}

static void print_func(const struct nocsr_prog *p, const struct nocsr_fixup *fix,
		       unsigned int sp, const char *func)
{
	const struct nocsr_fixup_func *f = &fix->funcs[sp];
	size_t i;

	if (strcmp(func, nocsr_prog__name(p)))
		printf("%s: ", nocsr_prog__name(p));
	printf("%s: %u site%s, %u pair%s: ", func, f->sites, f->sites == 1 ? "" : "s",
	       f->pairs, f->pairs == 1 ? "" : "s");
	switch (f->verdict) {
	case NOCSR_FIXUP_KEEP:
		printf("already in the function-wide layout\n");
		return;
	case NOCSR_FIXUP_REFUSED:
		printf("refused: %s\n", f->why);
		return;
	default:
		break;
	}
	printf("%u spill/fill offsets moved, pairs now at r10%d..r10%d\n",
	       f->moved, nocsr_reserved_low(f->base, f->max_pairs), f->base - 1);
	for (i = 0; i < fix->site_cnt; i++)
		if (fix->sites[i].subprog == sp)
			print_site(&fix->sites[i]);
}

static void json_site(struct json *j, const struct nocsr_fixup_site *s)
{
	unsigned int k;

	json_obj_open(j);
	json_kint(j, "insn", s->insn);
	json_kstr(j, "callee", s->callee);
	json_key(j, "pairs");
	json_arr_open(j);
	for (k = 0; k < s->pairs; k++) {
		json_obj_open(j);
		json_kint(j, "reg", s->reg[k]);
		json_kint(j, "old", s->old_off[k]);
		json_kint(j, "new", s->new_off[k]);
		json_obj_close(j);
	}
	json_arr_close(j);
	json_obj_close(j);
}

static void json_func(struct json *j, const struct nocsr_prog *p,
		      const struct nocsr_fixup *fix, unsigned int sp,
		      const char *func)
{
	const struct nocsr_fixup_func *f = &fix->funcs[sp];
	bool move = f->verdict == NOCSR_FIXUP_MOVE;
	size_t i;

	json_obj_open(j);
	json_kstr(j, "program", nocsr_prog__name(p));
	json_kstr(j, "function", func);
	json_kstr(j, "verdict", verdict_name(f->verdict));
	json_kint(j, "sites", f->sites);
	json_kint(j, "pairs", f->pairs);
	json_kint(j, "moved", f->moved);
	json_key(j, "reserved_low");
	move ? json_int(j, nocsr_reserved_low(f->base, f->max_pairs)) : json_str(j, NULL);
	json_key(j, "reserved_end");
	move ? json_int(j, f->base) : json_str(j, NULL);
	json_kstr(j, "why", f->why[0] ? f->why : NULL);
	json_key(j, "calls");
	json_arr_open(j);
	for (i = 0; i < fix->site_cnt; i++)
		if (fix->sites[i].subprog == sp)
			json_site(j, &fix->sites[i]);
	json_arr_close(j);
	json_obj_close(j);
}

static int apply(struct image *im, const struct nocsr_prog *p,
		 const struct nocsr_fixup *fix)
{
	size_t i, k;
	int err;

	for (i = 0; i < fix->site_cnt; i++) {
		const struct nocsr_fixup_site *s = &fix->sites[i];

		if (fix->funcs[s->subprog].verdict != NOCSR_FIXUP_MOVE)
			continue;
		for (k = 0; k < s->pairs; k++)
			if ((err = patch(im, p, s->insn - k - 1, s->old_off[k], s->new_off[k])) ||
			    (err = patch(im, p, s->insn + k + 1, s->old_off[k], s->new_off[k])))
				return err;
	}
	return 0;
}

/* Report and patch every subprogram of p not reported before. */
static int fix_prog(struct run *r, struct nocsr_prog *p,
		    const struct nocsr_fixup *fix)
{
	size_t i;
	int err = 0, at;

	for (i = 0; i < fix->func_cnt; i++) {
		const struct nocsr_fixup_func *f = &fix->funcs[i];
		size_t start = nocsr_prog__subprog(p, i)->start;
		const char *func = nocsr_prog__insn_func(p, start);
		bool first;

		if (f->verdict == NOCSR_FIXUP_NONE)
			continue;
		at = seen_find(&r->seen, nocsr_prog__insn_file_off(p, start),
			       f->verdict, &first);
		if (at < 0) {
			err = at;
			break;
		}
		/* a shared function is reported again only if this caller refuses it */
		if (!first && (f->verdict != NOCSR_FIXUP_REFUSED ||
			       r->seen.verdict[at] == NOCSR_FIXUP_REFUSED))
			continue;
		if (r->o.json)
			json_func(&r->j, p, fix, (unsigned int)i, func);
		else
			print_func(p, fix, (unsigned int)i, func);
		if (f->verdict == NOCSR_FIXUP_REFUSED)
			r->t.refused++;
		else if (f->verdict == NOCSR_FIXUP_MOVE)
			r->t.moved++;
		else
			r->t.kept++;
		r->seen.verdict[at] = f->verdict;
	}
	return err ? err : apply(&r->im, p, fix);
}

/* Every program's plan first, so that bad input stops before any output. */
static int plan_all(struct nocsr_obj *obj, struct nocsr_fixup ***plans)
{
	size_t i, n = nocsr_obj__prog_cnt(obj);
	int err;

	*plans = calloc(n ? n : 1, sizeof(**plans));
	if (!*plans)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		struct nocsr_prog *p = nocsr_obj__prog(obj, i);

		err = nocsr_prog__plan_fixup(p, &(*plans)[i]);
		if (err) {
			if (err != -EINVAL)
				cli_err("program %s: %s", nocsr_prog__name(p),
					strerror(-err));
			return err;
		}
	}
	return 0;
}

static const char *plural(unsigned int n)
{
	return n == 1 ? "" : "s";
}

/* Where to write once every function is planned; NULL: nowhere. */
static const char *target(const struct run *r, int *status)
{
	const struct opts *o = &r->o;

	*status = r->t.refused || (o->check && r->t.moved) ? EXIT_FAIL : EXIT_OK;
	if (r->t.refused || o->check)
		return NULL;
	if (o->out)
		return o->out;
	/* in place with nothing to change: leave the file alone */
	return r->t.moved ? o->objs[0] : NULL;
}

static void summary(const struct run *r, const char *out)
{
	const struct opts *o = &r->o;
	const struct tally *t = &r->t;

	if (t->refused)
		printf("%s: %u function%s refused, nothing written\n", o->objs[0],
		       t->refused, plural(t->refused));
	else if (o->check && t->moved)
		printf("%s: %u function%s to fix (--check: nothing written)\n",
		       o->objs[0], t->moved, plural(t->moved));
	else if (o->check)
		printf("%s: nothing to fix\n", o->objs[0]);
	else if (t->moved)
		printf("%s: %u function%s fixed, wrote %s\n", o->objs[0], t->moved,
		       plural(t->moved), out);
	else
		printf("%s: nothing to change%s%s\n", o->objs[0],
		       out ? ", copied to " : "", out ? out : "");
}

static int finish(struct run *r)
{
	const char *out;
	int status;

	out = target(r, &status);
	if (out && write_image(out, &r->im))
		return EXIT_BAD;
	if (!r->o.json) {
		summary(r, out);
		return status;
	}
	json_arr_close(&r->j);
	json_kint(&r->j, "fixed", r->t.moved);
	json_kint(&r->j, "unchanged", r->t.kept);
	json_kint(&r->j, "refused", r->t.refused);
	json_kstr(&r->j, "written", out);
	json_kbool(&r->j, "ok", status == EXIT_OK);
	json_obj_close(&r->j);
	return status;
}

int do_fixup(int argc, char **argv)
{
	struct run r = { 0 };
	struct nocsr_obj *obj = NULL;
	struct nocsr_fixup **plans = NULL;
	size_t i;
	int ret = EXIT_BAD;

	if (cli_parse(argc, argv, &r.o, CLI_FIXUP))
		return EXIT_BAD;
	if (r.o.help) {
		help();
		return EXIT_OK;
	}
	/* one read: the loader plans on the very bytes that get patched */
	if (read_image(r.o.objs[0], &r.im) ||
	    nocsr_obj__open_mem(r.im.buf, r.im.len, r.o.objs[0], &obj) ||
	    plan_all(obj, &plans))
		goto out;
	if (r.o.json) {
		json_init(&r.j, stdout);
		json_obj_open(&r.j);
		json_kstr(&r.j, "object", r.o.objs[0]);
		json_kbool(&r.j, "check", r.o.check);
		json_key(&r.j, "functions");
		json_arr_open(&r.j);
	}
	for (i = 0; i < nocsr_obj__prog_cnt(obj); i++)
		if (fix_prog(&r, nocsr_obj__prog(obj, i), plans[i]))
			goto out;
	ret = finish(&r);
out:
	for (i = 0; plans && i < nocsr_obj__prog_cnt(obj); i++)
		nocsr_fixup__free(plans[i]);
	free(plans);
	nocsr_obj__close(obj);
	free(r.seen.at);
	free(r.seen.verdict);
	free(r.im.buf);
	return ret;
}
