// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* nocsr stats: what the rewrite buys, per program. */
#include <stdio.h>

#include "cli.h"

static void help(void)
{
	printf("Usage: nocsr stats OBJ... [--arch A] [--kernel K] [--csv|--json]\n"
	       "Per program: instructions before/after, fastcall sites, pairs\n"
	       "found/removed, stack depth before/after (per subprogram, \"+\"\n"
	       "separated as the verifier prints it).\n");
}

int do_stats(int argc, char **argv)
{
	const char *hdr = "object,program,insns_before,insns_after,sites,pairs_found,pairs_removed,stack_before,stack_after";
	struct opts o;
	struct json j;
	int rc = EXIT_OK, f;

	if (cli_parse(argc, argv, &o, CLI_MANY | CLI_CSV | CLI_TARGET))
		return EXIT_BAD;
	if (o.help) {
		help();
		return EXIT_OK;
	}
	if (o.json) {
		json_init(&j, stdout);
		json_obj_open(&j);
		json_kstr(&j, "arch", nocsr_arch_name(o.arch));
		json_kstr(&j, "kernel", nocsr_kernel_name(o.kernel));
		json_key(&j, "programs");
		json_arr_open(&j);
	} else if (o.csv) {
		printf("%s\n", hdr);
	} else {
		printf("%-24s %-20s %13s %5s %11s %13s\n", "object", "program",
		       "insns", "sites", "pairs", "stack");
	}
	for (f = 0; f < o.obj_cnt; f++) {
		struct nocsr_obj *obj;
		size_t i, k;

		if (cli_open(&o, o.objs[f], &obj)) {
			rc = EXIT_BAD;
			continue;
		}
		for (i = 0; i < nocsr_obj__prog_cnt(obj); i++) {
			struct nocsr_prog *p = nocsr_obj__prog(obj, i);
			unsigned int found = 0, removed = 0;
			char sb[128], sa[128], ins[32], pr[32], stk[260];

			if (!cli_selected(&o, p))
				continue;
			for (k = 0; k < nocsr_prog__site_cnt(p); k++) {
				found += nocsr_prog__site(p, k)->pairs;
				removed += nocsr_prog__site(p, k)->removed;
			}
			cli_stack_text(p, false, sb, sizeof(sb));
			cli_stack_text(p, true, sa, sizeof(sa));
			if (o.json) {
				json_obj_open(&j);
				json_kstr(&j, "object", o.objs[f]);
				json_kstr(&j, "program", nocsr_prog__name(p));
				json_kint(&j, "insns_before", (long long)nocsr_prog__insn_cnt(p));
				json_kint(&j, "insns_after", (long long)nocsr_prog__xlated_cnt(p));
				json_kint(&j, "sites", (long long)nocsr_prog__site_cnt(p));
				json_kint(&j, "pairs_found", found);
				json_kint(&j, "pairs_removed", removed);
				json_kstr(&j, "stack_before", sb);
				json_kstr(&j, "stack_after", sa);
				json_obj_close(&j);
			} else if (o.csv) {
				printf("%s,%s,%zu,%zu,%zu,%u,%u,%s,%s\n", o.objs[f],
				       nocsr_prog__name(p), nocsr_prog__insn_cnt(p),
				       nocsr_prog__xlated_cnt(p), nocsr_prog__site_cnt(p),
				       found, removed, sb, sa);
			} else {
				snprintf(ins, sizeof(ins), "%zu -> %zu", nocsr_prog__insn_cnt(p),
					 nocsr_prog__xlated_cnt(p));
				snprintf(pr, sizeof(pr), "%u/%u", removed, found);
				snprintf(stk, sizeof(stk), "%s -> %s", sb, sa);
				printf("%-24s %-20s %13s %5zu %11s %13s\n", o.objs[f],
				       nocsr_prog__name(p), ins, nocsr_prog__site_cnt(p),
				       pr, stk);
			}
		}
		nocsr_obj__close(obj);
	}
	if (o.json) {
		json_arr_close(&j);
		json_obj_close(&j);
	}
	return rc;
}
