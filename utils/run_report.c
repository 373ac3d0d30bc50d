// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * nocsr-run's two printers: the text lines the lit tests read, and JSON
 * (one object per program) for scripts.  Both print a struct run_report
 * and nothing else, so they cannot disagree on what was found.
 */
#include <string.h>

#include "run.h"

static const char *const form_names[] = { "compiled", "rewritten" };

static void text_outcome(FILE *f, const char *prog, const char *what,
			 const struct run_outcome *o)
{
	const struct nocsr_vm_result *r = &o->res;

	fprintf(f, "%s: %-9s", prog, what);
	if (r->err)
		fprintf(f, " error %d at insn %d: %s", r->err, r->err_insn,
			r->msg);
	else
		fprintf(f, " r0=0x%llx mem=%016llx", (unsigned long long)r->r0,
			(unsigned long long)r->mem_digest);
	fprintf(f, " steps=%llu calls=%u fastcalls=%u",
		(unsigned long long)r->steps, r->calls, r->fastcalls);
	if (r->undef_uses)
		fprintf(f, " garbage-uses=%u first-at=%d", r->undef_uses,
			r->first_undef_use);
	if (r->r0_undef)
		fprintf(f, " r0-is-garbage");
	if (r->mem_undef_bytes)
		fprintf(f, " garbage-bytes=%llu",
			(unsigned long long)r->mem_undef_bytes);
	fputc('\n', f);
}

static void text_form(FILE *f, const struct run_report *r, int i)
{
	const struct run_form_report *fr = &r->form[i];
	char what[48];

	if (!fr->ran)
		return;
	text_outcome(f, r->prog, form_names[i], &fr->first);
	if (fr->dump)
		fputs(fr->dump, f);
	if (fr->diff_seed) {
		snprintf(what, sizeof(what), "%s seed %u", form_names[i],
			 fr->diff_seed);
		text_outcome(f, r->prog, what, &fr->diff);
	}
}

static void text_host(FILE *f, const struct run_report *r)
{
	switch (r->host) {
	case RUN_HOST_SKIPPED:
		if (r->host_why[0])
			fprintf(f, "%s: host      skipped: %s\n", r->prog,
				r->host_why);
		else
			fprintf(f, "%s: host      skipped: no test_run with a ctx for section %s\n",
				r->prog, r->section);
		break;
	case RUN_HOST_SAME:
		fprintf(f, "%s: host      r0=0x%x maps%s same\n", r->prog,
			r->host_r0, r->host_skb ? ", packet, ctx_out" : "");
		break;
	case RUN_HOST_DIFFERENT:
		fprintf(f, "%s: host      r0=0x%x DIFFERENT: %s\n", r->prog,
			r->host_r0, r->host_why);
		break;
	case RUN_HOST_ERROR:
		fprintf(f, "%s: host      %s\n", r->prog, r->host_why);
		break;
	default:
		break;
	}
}

void run_report_text(const struct run_report *r, FILE *f)
{
	const struct run_form_report *c = &r->form[RUN_COMPILED];
	const struct run_form_report *w = &r->form[RUN_REWRITTEN];
	bool host = r->host == RUN_HOST_SAME || r->host == RUN_HOST_DIFFERENT;

	text_form(f, r, RUN_COMPILED);
	text_form(f, r, RUN_REWRITTEN);
	text_host(f, r);
	if (r->status == RUN_EXIT_BAD) {
		if (r->error[0])
			fprintf(f, "%s: %s\n", r->prog, r->error);
		return;
	}
	if (r->status == RUN_EXIT_SAME) {
		fprintf(f, "%s: same over %u seeds%s\n", r->prog, r->seeds,
			host ? " and the host" : "");
		return;
	}
	fprintf(f, "%s: DIFFERENT over %u seeds:%s%s%s%s\n", r->prog, r->seeds,
		c->diff_seed ? " compiled depends on garbage;" : "",
		w->diff_seed ? " rewritten depends on garbage;" : "",
		r->forms_disagree ? " the two forms disagree;" : "",
		r->host == RUN_HOST_DIFFERENT ? " the host disagrees" : "");
}

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(f, "\\u%04x", ch);
		else
			fputc(ch, f);
	}
	fputc('"', f);
}

static void json_outcome(FILE *f, const struct run_outcome *o)
{
	const struct nocsr_vm_result *r = &o->res;

	fprintf(f, "{\"err\": %d, \"err_insn\": %d, \"msg\": ", r->err,
		r->err_insn);
	json_str(f, r->msg);
	fprintf(f, ", \"r0\": \"0x%llx\", \"mem\": \"%016llx\", \"output\": \"%016llx\", "
		"\"steps\": %llu, \"calls\": %u, \"fastcalls\": %u, "
		"\"garbage_uses\": %u, \"first_garbage_use\": %d, "
		"\"r0_garbage\": %s, \"garbage_bytes\": %llu}",
		(unsigned long long)r->r0, (unsigned long long)r->mem_digest,
		(unsigned long long)o->out_hash, (unsigned long long)r->steps,
		r->calls, r->fastcalls, r->undef_uses, r->first_undef_use,
		r->r0_undef ? "true" : "false",
		(unsigned long long)r->mem_undef_bytes);
}

static void json_form(FILE *f, const struct run_form_report *fr)
{
	if (!fr->ran) {
		fprintf(f, "null");
		return;
	}
	fprintf(f, "{\"seed1\": ");
	json_outcome(f, &fr->first);
	if (fr->diff_seed) {
		fprintf(f, ", \"differing_seed\": %u, \"differing\": ",
			fr->diff_seed);
		json_outcome(f, &fr->diff);
	}
	fputc('}', f);
}

static const char *const host_names[] = {
	[RUN_HOST_NOT_RUN] = "not-run",
	[RUN_HOST_SKIPPED] = "skipped",
	[RUN_HOST_SAME] = "same",
	[RUN_HOST_DIFFERENT] = "different",
	[RUN_HOST_ERROR] = "error",
};

static const char *const verdicts[] = {
	[RUN_EXIT_SAME] = "same",
	[RUN_EXIT_DIFF] = "different",
	[RUN_EXIT_BAD] = "error",
};

void run_report_json(const struct run_report *r, FILE *f)
{
	fprintf(f, "{\"program\": ");
	json_str(f, r->prog);
	fprintf(f, ", \"section\": ");
	json_str(f, r->section);
	fprintf(f, ", \"verdict\": \"%s\", \"error\": ", verdicts[r->status]);
	json_str(f, r->error);
	fprintf(f, ", \"seeds\": %u, \"forms_disagree\": %s, \"compiled\": ",
		r->seeds, r->forms_disagree ? "true" : "false");
	json_form(f, &r->form[RUN_COMPILED]);
	fprintf(f, ", \"rewritten\": ");
	json_form(f, &r->form[RUN_REWRITTEN]);
	fprintf(f, ", \"host\": {\"status\": \"%s\", \"r0\": \"0x%x\", \"why\": ",
		host_names[r->host], r->host_r0);
	json_str(f, r->host_why);
	fprintf(f, "}}");
}
