// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
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

int cli_parse(int argc, char **argv, struct opts *o, bool allow_many,
	      bool allow_csv, bool allow_target)
{
	enum nocsr_arch host;
	bool cpus_given = false;
	int i;

	memset(o, 0, sizeof(*o));
	o->kernel = NOCSR_KERNEL_CNT - 1;	/* newest profile */
	if (nocsr_arch_host(&host))
		host = NOCSR_ARCH_X86_64;
	o->arch = host;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = NULL;

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			o->help = true;
			return 0;
		}
		if (!strcmp(a, "--json") || !strcmp(a, "-j")) {
			o->json = true;
			continue;
		}
		if (allow_csv && !strcmp(a, "--csv")) {
			o->csv = true;
			continue;
		}
		if (allow_target && (!strcmp(a, "--prog") || !strcmp(a, "--arch") ||
				     !strcmp(a, "--kernel") || !strcmp(a, "--cpus"))) {
			if (i + 1 >= argc) {
				cli_err("%s needs a value", a);
				return -1;
			}
			v = argv[++i];
			if (!strcmp(a, "--prog")) {
				o->prog = v;
			} else if (!strcmp(a, "--arch")) {
				if (nocsr_arch_parse(v, &o->arch)) {
					cli_err("unknown --arch '%s' (x86_64, arm64, riscv64)", v);
					return -1;
				}
			} else if (!strcmp(a, "--cpus")) {
				if (parse_cpus(v, &o->nr_cpus))
					return -1;
				cpus_given = true;
			} else if (nocsr_kernel_parse(v, &o->kernel)) {
				cli_err("unknown --kernel '%s' (6.12, 6.13, 6.15, 6.18, 7.3)", v);
				return -1;
			}
			continue;
		}
		if (a[0] == '-' && a[1]) {
			cli_err("unknown option '%s' (try --help)", a);
			return -1;
		}
		if (o->obj_cnt && !allow_many) {
			cli_err("one object file expected, got '%s' too", a);
			return -1;
		}
		if (o->obj_cnt == (int)(sizeof(o->objs) / sizeof(o->objs[0]))) {
			cli_err("too many object files");
			return -1;
		}
		o->objs[o->obj_cnt++] = a;
	}
	if (!o->obj_cnt) {
		cli_err("no object file given (try --help)");
		return -1;
	}
	/* another arch is another machine: its CPU count is not ours */
	if (!cpus_given && o->arch == host && !nocsr_arch_host(&host))
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
