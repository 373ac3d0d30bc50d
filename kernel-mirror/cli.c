// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_err(const char *fmt, ...)
{
	va_list ap;

	fputs("nocsr: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* --cpus N: the target's nr_cpu_ids, 1..NR_CPUS_MAX; "any" for unknown. */
static int parse_cpus(const char *v, unsigned int *n)
{
	unsigned long x;
	char *end;

	if (!strcmp(v, "any")) {
		*n = 0;
		return 0;
	}
	errno = 0;
	x = strtoul(v, &end, 10);
	if (errno || end == v || *end || v[0] == '-' || x < 1 || x > NR_CPUS_MAX) {
		cli_err("bad --cpus '%s' (a CPU count 1..%d, or any)", v, NR_CPUS_MAX);
		return -1;
	}
	*n = (unsigned int)x;
	return 0;
}

static int set_prog(struct opts *o, const char *v)
{
	o->prog = v;
	return 0;
}

static int set_out(struct opts *o, const char *v)
{
	o->out = v;
	return 0;
}

static int set_arch(struct opts *o, const char *v)
{
	if (nocsr_arch_parse(v, &o->arch)) {
		cli_err("unknown --arch '%s' (x86_64, arm64, riscv64)", v);
		return -1;
	}
	return 0;
}

static int set_kernel(struct opts *o, const char *v)
{
	if (nocsr_kernel_parse(v, &o->kernel)) {
		cli_err("unknown --kernel '%s' (6.12, 6.13, 6.15, 6.18, 7.3)", v);
		return -1;
	}
	return 0;
}

static int set_cpus(struct opts *o, const char *v)
{
	o->cpus_given = true;
	return parse_cpus(v, &o->nr_cpus);
}

#define FLAG(field)	.flag = offsetof(struct opts, field)

/* Every option of every verb; a verb accepts the groups it names. */
static const struct cli_opt {
	const char *name, *alias;
	unsigned int group;
	size_t flag;		/* a flag: the bool it sets in struct opts */
	const char *value;	/* else what its value is, */
	int (*set)(struct opts *o, const char *v);	/* and what takes it */
} cli_opts[] = {
	{ "--help",	"-h",	0,		FLAG(help) },
	{ "--json",	"-j",	0,		FLAG(json) },
	{ "--csv",	NULL,	CLI_CSV,	FLAG(csv) },
	{ "--check",	NULL,	CLI_FIXUP,	FLAG(check) },
	{ "--prog",	NULL,	CLI_TARGET,	.value = "a value",	.set = set_prog },
	{ "--arch",	NULL,	CLI_TARGET,	.value = "a value",	.set = set_arch },
	{ "--kernel",	NULL,	CLI_TARGET,	.value = "a value",	.set = set_kernel },
	{ "--cpus",	NULL,	CLI_TARGET,	.value = "a value",	.set = set_cpus },
	{ "-o",		NULL,	CLI_FIXUP,	.value = "a file name",	.set = set_out },
};

static const struct cli_opt *cli_find(const char *a, unsigned int accept)
{
	size_t i;

	for (i = 0; i < sizeof(cli_opts) / sizeof(cli_opts[0]); i++) {
		const struct cli_opt *c = &cli_opts[i];

		if ((c->group & accept) != c->group)
			continue;
		if (!strcmp(a, c->name) || (c->alias && !strcmp(a, c->alias)))
			return c;
	}
	return NULL;
}

static int cli_add_obj(struct opts *o, const char *a, unsigned int accept)
{
	if (o->obj_cnt && !(accept & CLI_MANY)) {
		cli_err("one object file expected, got '%s' too", a);
		return -1;
	}
	if (o->obj_cnt == (int)(sizeof(o->objs) / sizeof(o->objs[0]))) {
		cli_err("too many object files");
		return -1;
	}
	o->objs[o->obj_cnt++] = a;
	return 0;
}

int cli_parse(int argc, char **argv, struct opts *o, unsigned int accept)
{
	enum nocsr_arch host;
	int i;

	memset(o, 0, sizeof(*o));
	o->kernel = NOCSR_KERNEL_CNT - 1;	/* newest profile */
	if (nocsr_arch_host(&host))
		host = NOCSR_ARCH_X86_64;
	o->arch = host;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct cli_opt *c = cli_find(a, accept);

		if (!c) {
			if (a[0] == '-' && a[1]) {
				cli_err("unknown option '%s' (try --help)", a);
				return -1;
			}
			if (cli_add_obj(o, a, accept))
				return -1;
			continue;
		}
		if (!c->value) {
			*(bool *)((char *)o + c->flag) = true;
			if (o->help)
				return 0;
			continue;
		}
		if (i + 1 >= argc) {
			cli_err("%s needs %s", a, c->value);
			return -1;
		}
		if (c->set(o, argv[++i]))
			return -1;
	}
	if (!o->obj_cnt) {
		cli_err("no object file given (try --help)");
		return -1;
	}
	/* another arch is another machine: its CPU count is not ours */
	if (!o->cpus_given && o->arch == host && !nocsr_arch_host(&host))
		o->nr_cpus = nocsr_host_nr_cpus();
	return 0;
}

bool cli_selected(const struct opts *o, const struct nocsr_prog *p)
{
	return !o->prog || !strcmp(o->prog, nocsr_prog__name(p));
}

int cli_open(const struct opts *o, const char *path, struct nocsr_obj **obj)
{
	size_t i, n;
	bool any = false;
	int err;

	err = nocsr_obj__open(path, obj);
	if (err)
		return err;
	n = nocsr_obj__prog_cnt(*obj);
	for (i = 0; i < n; i++) {
		struct nocsr_prog *p = nocsr_obj__prog(*obj, i);

		if (!cli_selected(o, p))
			continue;
		any = true;
		nocsr_obj__set_nr_cpus(*obj, o->nr_cpus);
		err = nocsr_prog__mirror(p, o->arch, o->kernel);
		if (err) {
			if (err != -EINVAL)
				cli_err("%s: program %s: %s", path,
					nocsr_prog__name(p), strerror(-err));
			nocsr_obj__close(*obj);
			*obj = NULL;
			return err;
		}
	}
	if (!any) {
		cli_err("%s: no program named '%s'", path, o->prog);
		nocsr_obj__close(*obj);
		*obj = NULL;
		return -ENOENT;
	}
	return 0;
}

void cli_stack_text(const struct nocsr_prog *p, bool after, char *buf, size_t len)
{
	size_t i, n = nocsr_prog__subprog_cnt(p), at = 0;

	buf[0] = 0;
	for (i = 0; i < n && at < len; i++) {
		const struct nocsr_subprog *s = nocsr_prog__subprog(p, i);

		at += (size_t)snprintf(buf + at, len - at, "%s%d", i ? "+" : "",
				       after ? s->depth_after : s->depth_before);
	}
}

void cli_print_xlated(FILE *f, const struct nocsr_prog *p)
{
	size_t i, n = nocsr_prog__xlated_cnt(p);
	char buf[256];

	for (i = 0; i < n; i++) {
		if (nocsr_prog__xlated_text(p, i, buf, sizeof(buf)) <= 0)
			continue;
		fprintf(f, "%4zu: %s\n", i, buf);
	}
}

void cli_warn_notes(const struct nocsr_prog *p)
{
	size_t i, n = nocsr_prog__xlated_cnt(p);

	for (i = 0; i < n; i++)
		if (nocsr_prog__xlated_note(p, i))
			cli_err("warning: %s: insn %zu: %s", nocsr_prog__name(p), i,
				nocsr_prog__xlated_note(p, i));
}

void cli_json_xlated(struct json *j, const struct nocsr_prog *p)
{
	size_t i, n = nocsr_prog__xlated_cnt(p);
	const struct bpf_insn *x = nocsr_prog__xlated(p);
	char buf[256];

	json_arr_open(j);
	for (i = 0; i < n; i++) {
		if (nocsr_prog__xlated_text(p, i, buf, sizeof(buf)) <= 0)
			continue;
		json_obj_open(j);
		json_kint(j, "idx", (long long)i);
		json_kint(j, "code", x[i].code);
		json_kstr(j, "text", buf);
		if (nocsr_prog__xlated_note(p, i))
			json_kstr(j, "note", nocsr_prog__xlated_note(p, i));
		json_obj_close(j);
	}
	json_arr_close(j);
}

const char *cli_status_name(enum nocsr_site_status s)
{
	switch (s) {
	case NOCSR_SITE_REWRITTEN: return "rewritten";
	case NOCSR_SITE_PARTIAL: return "partial";
	case NOCSR_SITE_KEPT: return "kept";
	}
	return "?";
}

const char *cli_reason_name(enum nocsr_site_reason r)
{
	switch (r) {
	case NOCSR_WHY_OK: return "ok";
	case NOCSR_WHY_PAIR_REJECTED: return "pair_rejected";
	case NOCSR_WHY_NOT_FASTCALL: return "not_fastcall";
	case NOCSR_WHY_NOT_INLINED: return "not_inlined";
	case NOCSR_WHY_CONTRACT: return "stack_contract";
	case NOCSR_WHY_JUMP_INTO: return "jump_into_pattern";
	case NOCSR_WHY_UNREACHABLE: return "unreachable";
	}
	return "?";
}

void cli_json_open(struct json *j, const struct opts *o)
{
	json_init(j, stdout);
	json_obj_open(j);
	json_kstr(j, "object", o->objs[0]);
	json_kstr(j, "arch", nocsr_arch_name(o->arch));
	json_kstr(j, "kernel", nocsr_kernel_name(o->kernel));
}
