// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* nocsr check: is every fastcall site rewritten, and if not, why. */
#include <stdio.h>

#include "cli.h"

static void help(void)
{
	printf("Usage: nocsr check OBJ [--prog NAME] [--arch A] [--kernel K] [--json]\n"
	       "One line per fastcall site that keeps spills/fills:\n"
	       "  PROG: insn N: CALLEE: STATUS: RULE [FILE:LINE: SOURCE]\n"
	       "then a summary.  Exit 0 if every site is rewritten, 1 if not,\n"
	       "2 on bad input.\n");
}

static const char *trim(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static void site_json(struct json *j, const struct nocsr_site *s)
{
	json_obj_open(j);
	json_kint(j, "insn", s->insn);
	json_kint(j, "subprog", s->subprog);
	json_kstr(j, "callee", s->callee);
	json_kstr(j, "kind", s->is_kfunc ? "kfunc" : "helper");
	json_kint(j, "clobber_mask", s->clobber);
	json_kint(j, "pairs", s->pairs);
	json_kint(j, "removed", s->removed);
	json_kint(j, "lowest_off", s->lowest_off);
	json_kstr(j, "status", cli_status_name(s->status));
	json_kstr(j, "reason", cli_reason_name(s->reason));
	json_kstr(j, "why", s->why[0] ? s->why : NULL);
	json_kstr(j, "file", s->file);
	json_kint(j, "line", s->line);
	json_kstr(j, "source", s->source);
	json_obj_close(j);
}

int do_check(int argc, char **argv)
{
	struct nocsr_obj *obj;
	unsigned int total = 0, bad = 0;
	struct opts o;
	struct json j;
	size_t i, k;

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
		if (o.json) {
			json_obj_open(&j);
			json_kstr(&j, "name", nocsr_prog__name(p));
			json_key(&j, "sites");
			json_arr_open(&j);
		}
		for (k = 0; k < nocsr_prog__site_cnt(p); k++) {
			const struct nocsr_site *s = nocsr_prog__site(p, k);

			total++;
			if (s->status != NOCSR_SITE_REWRITTEN)
				bad++;
			if (o.json) {
				site_json(&j, s);
				continue;
			}
			if (s->status == NOCSR_SITE_REWRITTEN)
				continue;
			printf("%s: insn %u: %s: %s: %s", nocsr_prog__name(p), s->insn,
			       s->callee, s->status == NOCSR_SITE_PARTIAL ?
			       "partially rewritten" : "not rewritten", s->why);
			if (s->file)
				printf(" [%s:%u: %s]", s->file, s->line,
				       s->source ? trim(s->source) : "");
			putchar('\n');
		}
		if (o.json) {
			json_arr_close(&j);
			json_obj_close(&j);
		}
	}
	if (o.json) {
		json_arr_close(&j);
		json_kint(&j, "sites", total);
		json_kint(&j, "not_rewritten", bad);
		json_kbool(&j, "ok", bad == 0);
		json_obj_close(&j);
	} else {
		printf("%u of %u fastcall sites rewritten (%s, %s)\n", total - bad,
		       total, nocsr_arch_name(o.arch), nocsr_kernel_name(o.kernel));
	}
	nocsr_obj__close(obj);
	return bad ? EXIT_FAIL : EXIT_OK;
}
