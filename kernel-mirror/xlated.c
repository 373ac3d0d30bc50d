// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* nocsr xlated: the program as the kernel's verifier would leave it. */
#include <stdio.h>

#include "cli.h"

static void help(void)
{
	printf("Usage: nocsr xlated OBJ [--prog NAME] [--arch x86_64|arm64|riscv64]\n"
	       "                        [--kernel 6.12|6.13|6.15|6.18|7.3] [--json]\n"
	       "Print each program as `bpftool prog dump xlated` would show it after\n"
	       "loading into that kernel on that arch: a \"NAME:\" line, then\n"
	       "\"%%4u: (%%02x) text\" per instruction.  Load-time numbers are\n"
	       "placeholders: map[id:<map>], <cpu_number>, helper ids instead of\n"
	       "addresses, <offsetof(sk_buff,len)> for struct offsets of context\n"
	       "accesses (numbers from vmlinux BTF when --arch/--kernel are the\n"
	       "running kernel's, or from the BTF file $NOCSR_VMLINUX names).\n"
	       "Rewrites the kernel makes that are not modelled are named on\n"
	       "stderr (\"nocsr: warning: PROG: insn N: ...\").\n");
}

int do_xlated(int argc, char **argv)
{
	struct nocsr_obj *obj;
	struct opts o;
	struct json j;
	size_t i;
	char st[128];

	if (cli_parse(argc, argv, &o, CLI_TARGET))
		return EXIT_BAD;
	if (o.help) {
		help();
		return EXIT_OK;
	}
	if (cli_open(&o, o.objs[0], &obj))
		return EXIT_BAD;
	if (o.json) {
		cli_json_open(&j, &o);
		json_key(&j, "programs");
		json_arr_open(&j);
	}
	for (i = 0; i < nocsr_obj__prog_cnt(obj); i++) {
		struct nocsr_prog *p = nocsr_obj__prog(obj, i);

		if (!cli_selected(&o, p))
			continue;
		if (!o.json) {
			printf("%s:\n", nocsr_prog__name(p));
			cli_print_xlated(stdout, p);
			cli_warn_notes(p);
			continue;
		}
		json_obj_open(&j);
		json_kstr(&j, "name", nocsr_prog__name(p));
		json_kstr(&j, "section", nocsr_prog__section(p));
		cli_stack_text(p, false, st, sizeof(st));
		json_kstr(&j, "stack_before", st);
		cli_stack_text(p, true, st, sizeof(st));
		json_kstr(&j, "stack_after", st);
		json_key(&j, "insns");
		cli_json_xlated(&j, p);
		json_obj_close(&j);
	}
	if (o.json) {
		json_arr_close(&j);
		json_obj_close(&j);
	}
	nocsr_obj__close(obj);
	return EXIT_OK;
}
