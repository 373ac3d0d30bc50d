/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Shared pieces of the `nocsr` verbs. */
#ifndef NOCSR_CLI_H
#define NOCSR_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "json.h"
#include "nocsr_mirror.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_BAD = 2 };
/* The kernel's largest CONFIG_NR_CPUS (x86 MAXSMP). */
#define NR_CPUS_MAX	8192

struct opts {
	const char *objs[64];
	int obj_cnt;
	const char *prog;
	enum nocsr_arch arch;
	enum nocsr_kernel kernel;
	unsigned int nr_cpus;	/* --cpus, the host's by default, 0: unknown */
	bool cpus_given;
	const char *out;	/* fixup -o */
	bool check;		/* fixup --check */
	bool json;
	bool csv;
	bool help;
};

/* Option groups a verb accepts beyond --help and --json. */
enum {
	CLI_MANY	= 1 << 0,	/* several objects (stats) */
	CLI_CSV		= 1 << 1,	/* --csv */
	CLI_TARGET	= 1 << 2,	/* --prog, --arch, --kernel, --cpus */
	CLI_FIXUP	= 1 << 3,	/* -o, --check */
};

/*
 * Parse a verb's options; accept is the CLI_* groups it takes.  Sets
 * o->help and stops at --help.  Prints the error and returns -1 on bad
 * usage.
 */
int cli_parse(int argc, char **argv, struct opts *o, unsigned int accept);
/* One clear line on stderr, prefixed with "nocsr: ". */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Open obj and run the mirror on the selected programs (all or --prog). */
int cli_open(const struct opts *o, const char *path, struct nocsr_obj **obj);
bool cli_selected(const struct opts *o, const struct nocsr_prog *p);
/* Stack depths as the kernel prints them: "8+0". */
void cli_stack_text(const struct nocsr_prog *p, bool after, char *buf, size_t len);
/* "   0: (b7) r1 = 1" lines, bpftool's format. */
void cli_print_xlated(FILE *f, const struct nocsr_prog *p);
void cli_json_xlated(struct json *j, const struct nocsr_prog *p);
/* One stderr line per slot the kernel rewrites in a way not modelled. */
void cli_warn_notes(const struct nocsr_prog *p);
/* Opens the top-level object every single-object verb prints. */
void cli_json_open(struct json *j, const struct opts *o);
const char *cli_status_name(enum nocsr_site_status s);
const char *cli_reason_name(enum nocsr_site_reason r);

int do_xlated(int argc, char **argv);
int do_check(int argc, char **argv);
int do_stats(int argc, char **argv);
int do_kernel(int argc, char **argv);
int do_fixup(int argc, char **argv);

#endif
