// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * nocsr: what a Linux kernel's verifier does with the bpf_fastcall
 * spill/fill patterns of a BPF object.
 *
 *   nocsr xlated OBJ [--prog NAME] [--arch A] [--kernel K] [--json]
 *   nocsr check  OBJ [--prog NAME] [--arch A] [--kernel K] [--json]
 *   nocsr stats  OBJ... [--arch A] [--kernel K] [--csv] [--json]
 *   nocsr kernel OBJ [--prog NAME] [--json]
 *   nocsr fixup  OBJ [-o OUT] [--check] [--json]
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
} verbs[] = {
	{ "xlated", do_xlated, "print the program as the kernel would translate it" },
	{ "check", do_check, "exit 1 unless every fastcall site is rewritten, and say why" },
	{ "stats", do_stats, "instructions, sites, pairs and stack before/after" },
	{ "kernel", do_kernel, "load into the running kernel and compare with the mirror" },
	{ "fixup", do_fixup, "move clang 20+'s pairs to the layout the kernel matches" },
};

static void usage(FILE *f)
{
	size_t i;

	fprintf(f,
		"Usage: nocsr VERB OBJ [OPTIONS]\n"
		"Predict what the Linux verifier does with bpf_fastcall patterns.\n\n"
		"Verbs:\n");
	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		fprintf(f, "  %-8s %s\n", verbs[i].name, verbs[i].help);
	fprintf(f,
		"\nOptions:\n"
		"  --prog NAME     only this program\n"
		"  --arch A        x86_64, arm64, riscv64 (default: host)\n"
		"  --kernel K      6.12, 6.13, 6.15, 6.18, 7.3 (default: 7.3)\n"
		"  --cpus N        the target's CPU count (nr_cpu_ids) or 'any'\n"
		"                  (default: the host's when --arch is the host's)\n"
		"  --json          machine-readable output\n"
		"  -o OUT          fixup: write OUT instead of rewriting OBJ in place\n"
		"  --check         fixup: only report what would change\n"
		"  --help          this text; nocsr VERB --help for one verb\n"
		"\nExit status: 0 success, 1 check failed, kernel mismatch, or fixup\n"
		"refused a function (with --check: would change one), 2 bad input.\n");
}

/* Library messages: warnings only, as "nocsr: <one line>". */
static int cli_print(enum nocsr_print_level level, const char *fmt,
		     va_list args)
{
	if (level > NOCSR_WARN)
		return 0;
	fputs("nocsr: ", stderr);
	return vfprintf(stderr, fmt, args);
}

int main(int argc, char **argv)
{
	size_t i;

	nocsr_set_print(cli_print);
	if (argc < 2) {
		usage(stderr);
		return EXIT_BAD;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		usage(stdout);
		return EXIT_OK;
	}
	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (!strcmp(argv[1], verbs[i].name))
			return verbs[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "nocsr: unknown verb '%s' (try --help)\n", argv[1]);
	return EXIT_BAD;
}
