// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * nocsr-run: differential execution of the programs of a BPF object.
 *
 *   nocsr-run OBJ [--prog NAME] [--arch A] [--kernel K] [--seeds N]
 *             [--ctx-size N] [--pkt-size N] [--cpu N] [--host] [--json]
 *             [--dump] [--trace] [-v]
 *
 * Each program runs "as compiled" (the mirror's input program; every call
 * scrambles r0..r5 it may clobber, as on a kernel without bpf_fastcall)
 * and "as rewritten" (the mirror's xlated program for --arch/--kernel; a
 * fastcall call scrambles only its clobber mask), each with N garbage
 * seeds.  All runs must agree on the error, r0, the memory written
 * outside the stack, and the trace_printk output.
 *
 * tc and socket programs run on the packet and __sk_buff that
 * BPF_PROG_TEST_RUN would give them (run_skb.c); other programs on
 * --ctx-size bytes of a fixed pattern.
 *
 * --host adds the running kernel: BPF_PROG_TEST_RUN of the object's program
 * on --cpu, whose return value and maps (and, for tc and socket programs,
 * packet and ctx_out) must match the VM's.
 *
 * Default arch is arm64: its JIT inlines bpf_get_smp_processor_id, so the
 * xlated program keeps the call while its pairs are gone.  The x86_64
 * inline is folded back into the call (see run_prep.c).
 *
 * Exit status: 0 all runs agree, 1 they differ, 2 bad input.
 */
#define _GNU_SOURCE	/* open_memstream, strdup */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"

#define EXIT_SAME	RUN_EXIT_SAME
#define EXIT_DIFF	RUN_EXIT_DIFF
#define EXIT_BAD	RUN_EXIT_BAD

struct cli {
	const char *path;
	const char *prog;
	enum nocsr_arch arch;
	enum nocsr_kernel kernel;
	unsigned int seeds;
	size_t ctx_size;
	__u32 pkt_size;
	__u32 cpu;
	bool dump;
	bool trace;
	bool host;
	bool json;
	bool verbose;
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: nocsr-run OBJ [OPTIONS]\n"
		"Run each program as compiled and as the verifier rewrites it, and compare.\n\n"
		"Options:\n"
		"  --prog NAME     only this program\n"
		"  --arch A        x86_64, arm64, riscv64 (default: arm64)\n"
		"  --kernel K      6.12, 6.13, 6.15, 6.18, 7.3 (default: 6.18)\n"
		"  --seeds N       garbage seeds per form (default: 4)\n"
		"  --ctx-size N    bytes of ctx, filled with a fixed pattern (default: 256;\n"
		"                  tc and socket programs get a __sk_buff)\n"
		"  --pkt-size N    bytes of the Ethernet/IPv4 frame tc and socket programs\n"
		"                  get, 34..1514 (default: 64)\n"
		"  --cpu N         what bpf_get_smp_processor_id returns (default: 0)\n"
		"  --host          also BPF_PROG_TEST_RUN raw_tp, syscall, tc and socket\n"
		"                  programs in this kernel\n"
		"  --json          one JSON array, an object per program\n"
		"  --dump          print memory and trace_printk output of the first runs\n"
		"  --trace         trace every instruction of the first runs to stderr\n"
		"  -v              libbpf messages\n"
		"\nExit status: 0 all runs agree, 1 they differ, 2 bad input.\n");
}

static int parse_num(const char *s, unsigned long long max,
		     unsigned long long *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 0);
	return errno || *end || !*s || *v > max ? -EINVAL : 0;
}

static int parse_opt(struct cli *c, const char *opt, const char *arg)
{
	unsigned long long v;

	if (!arg)
		return -EINVAL;
	if (!strcmp(opt, "--prog"))
		c->prog = arg;
	else if (!strcmp(opt, "--arch"))
		return nocsr_arch_parse(arg, &c->arch);
	else if (!strcmp(opt, "--kernel"))
		return nocsr_kernel_parse(arg, &c->kernel);
	else if (!strcmp(opt, "--seeds") && !parse_num(arg, 1000, &v) && v)
		c->seeds = (unsigned int)v;
	else if (!strcmp(opt, "--ctx-size") && !parse_num(arg, 1 << 20, &v))
		c->ctx_size = (size_t)v;
	else if (!strcmp(opt, "--pkt-size") && !parse_num(arg, 1514, &v) &&
		 v >= RUN_SKB_MIN_FRAME)
		c->pkt_size = (__u32)v;
	else if (!strcmp(opt, "--cpu") && !parse_num(arg, 0xffffffffu, &v))
		c->cpu = (__u32)v;
	else
		return -EINVAL;
	return 0;
}

static int parse_args(struct cli *c, int argc, char **argv)
{
	int i;

	*c = (struct cli){ .arch = NOCSR_ARCH_ARM64, .kernel = NOCSR_K6_18,
			   .seeds = 4, .ctx_size = 256, .pkt_size = 64 };
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--dump"))
			c->dump = true;
		else if (!strcmp(a, "--trace"))
			c->trace = true;
		else if (!strcmp(a, "--host"))
			c->host = true;
		else if (!strcmp(a, "--json"))
			c->json = true;
		else if (!strcmp(a, "-v"))
			c->verbose = true;
		else if (a[0] == '-' && a[1] == '-') {
			if (parse_opt(c, a, i + 1 < argc ? argv[i + 1] : NULL)) {
				fprintf(stderr, "nocsr-run: bad option %s\n", a);
				return -EINVAL;
			}
			i++;
		} else if (!c->path) {
			c->path = a;
		} else {
			fprintf(stderr, "nocsr-run: one object only\n");
			return -EINVAL;
		}
	}
	return c->path ? 0 : -EINVAL;
}

static __u64 fnv(const char *s, size_t n)
{
	__u64 h = 0xcbf29ce484222325ull;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ull;
	}
	return h;
}

/* ctx bytes are a fixed pattern, so a program reading them sees data. */
static __u8 *make_ctx(size_t n)
{
	__u8 *ctx = calloc(1, n ? n : 1);
	size_t i;

	for (i = 0; ctx && i < n; i++)
		ctx[i] = (__u8)(i * 37 + 11);
	return ctx;
}

/* The memory one run writes into: ctx and, for skb programs, the packet. */
struct run_mem {
	__u8 *ctx;
	size_t ctx_len;
	__u8 *pkt;
};

static int run_mem_alloc(const struct cli *c, const struct run_ctx *rc,
			 struct run_mem *m)
{
	const struct run_skb *skb = rc->skb;

	memset(m, 0, sizeof(*m));
	if (!skb) {
		m->ctx_len = c->ctx_size;
		m->ctx = make_ctx(c->ctx_size);
		return m->ctx ? 0 : -ENOMEM;
	}
	m->ctx_len = sizeof(skb->view);
	m->ctx = malloc(m->ctx_len);
	m->pkt = malloc(skb->frame_len);
	if (!m->ctx || !m->pkt)
		return -ENOMEM;
	memcpy(m->ctx, &skb->view, m->ctx_len);
	memcpy(m->pkt, skb->frame, skb->frame_len);
	return 0;
}

static void run_mem_free(struct run_mem *m)
{
	free(m->ctx);
	free(m->pkt);
}

static const char *form_name(enum run_form f)
{
	return f == RUN_COMPILED ? "compiled" : "rewritten";
}

/*
 * One run in m (the caller frees it, after the VM); dump, when given,
 * receives memory and trace_printk output; keep, when given, receives the
 * VM (the caller frees it).
 */
static int run_once(struct run_ctx *rc, const struct cli *c,
		    enum run_form form, __u64 seed, FILE *dump,
		    struct run_outcome *o, struct run_mem *m,
		    struct nocsr_vm **keep)
{
	NOCSR_VM_OPTS(vo, .seed = seed, .cpu = c->cpu, .priv = rc,
		      .kfunc_name = run_kfunc_name,
		      .is_fastcall = run_is_fastcall,
		      .trace = seed == 1 && c->trace ? stderr : NULL);
	struct nocsr_vm *vm = NULL;
	const char *out;
	size_t len;
	int err;

	vo.clobber = form == RUN_COMPILED ? NOCSR_VM_CLOBBER_OLD :
		     NOCSR_VM_CLOBBER_NEW;
	vo.xlated = form == RUN_REWRITTEN;
	err = nocsr_vm__new(&vm, rc->rp->insns, rc->rp->cnt, &vo);
	if (!err)
		err = run_env_setup(vm, rc);
	if (!err && rc->skb)
		err = run_skb_setup(vm, rc->skb, m->pkt);
	if (!err) {
		nocsr_vm__run(vm, m->ctx, m->ctx_len, &o->res);
		out = nocsr_vm__output(vm, &len);
		o->out_hash = fnv(out, len);
		if (dump) {
			fprintf(dump, "--- %s memory\n", form_name(form));
			nocsr_vm__dump_mem(vm, dump);
			fprintf(dump, "--- %s trace_printk\n%s", form_name(form), out);
		}
	}
	if (!err && keep)
		*keep = vm;
	else
		nocsr_vm__free(vm);
	return err;
}

bool run_outcome_same(const struct run_outcome *a, const struct run_outcome *b)
{
	if (a->res.err || b->res.err)
		return a->res.err == b->res.err;
	return a->res.r0 == b->res.r0 && a->res.mem_digest == b->res.mem_digest &&
	       a->out_hash == b->out_hash;
}

/* One form with every seed; notes the first seed that disagrees. */
static int run_form(const struct cli *c, struct run_report *r,
		    struct run_ctx *rc, enum run_form form)
{
	struct run_form_report *fr = &r->form[form];
	struct run_outcome o;
	size_t dump_len = 0;
	struct run_mem m;
	unsigned int s;
	FILE *f;
	int err;

	for (s = 1; s <= c->seeds; s++) {
		f = s == 1 && c->dump ? open_memstream(&fr->dump, &dump_len) : NULL;
		err = run_mem_alloc(c, rc, &m);
		if (!err)
			err = run_once(rc, c, form, s, f,
				       s == 1 ? &fr->first : &o, &m, NULL);
		run_mem_free(&m);
		if (f)
			fclose(f);
		if (err) {
			snprintf(r->error, sizeof(r->error),
				 "%s: cannot set up the VM: %s", form_name(form),
				 strerror(-err));
			return EXIT_BAD;
		}
		fr->ran = true;
		if (s > 1 && !fr->diff_seed && !run_outcome_same(&o, &fr->first)) {
			fr->diff_seed = s;
			fr->diff = o;
		}
	}
	return fr->diff_seed ? EXIT_DIFF : EXIT_SAME;
}

static int prepare_both(struct run_report *r, const struct run_env *env,
			struct nocsr_prog *prog, enum nocsr_arch arch,
			struct run_prog *compiled, struct run_prog *rewritten)
{
	int err;

	err = run_prog_prepare(compiled, env, prog, RUN_COMPILED, arch);
	if (!err)
		err = run_prog_prepare(rewritten, env, prog, RUN_REWRITTEN, arch);
	if (err)
		snprintf(r->error, sizeof(r->error), "cannot prepare: %s",
			 compiled->why[0] ? compiled->why : rewritten->why);
	return err;
}

/* Helpers whose results the VM cannot reproduce in the kernel. */
static const char *unreproducible(const struct run_prog *rp)
{
	static const struct {
		__s32 id;
		const char *name;
	} ids[] = {
		{ 5, "bpf_ktime_get_ns" }, { 7, "bpf_get_prandom_u32" },
		{ 125, "bpf_ktime_get_boot_ns" }, { 160, "bpf_ktime_get_coarse_ns" },
		{ 208, "bpf_ktime_get_tai_ns" },
	};
	size_t i, j;

	for (i = 0; i < rp->cnt; i++) {
		const struct bpf_insn *insn = &rp->insns[i];

		if (insn->code != (BPF_JMP | BPF_CALL) || insn->src_reg)
			continue;
		for (j = 0; j < sizeof(ids) / sizeof(ids[0]); j++)
			if (insn->imm == ids[j].id)
				return ids[j].name;
	}
	return NULL;
}

static void note_unreproducible(struct run_report *r, const struct run_prog *rp)
{
	const char *name = unreproducible(rp);
	size_t n = strlen(r->host_why);

	if (name)
		snprintf(r->host_why + n, sizeof(r->host_why) - n,
			 " (expected: the program calls %s)", name);
}

/* The kernel's verdict on the program's memory next to the VM's. */
static void host_compare(struct run_report *r, struct run_ctx *rc,
			 struct host_run *h, struct nocsr_vm *vm,
			 const struct run_mem *m, const struct run_outcome *o,
			 __u32 cpu)
{
	r->host = RUN_HOST_DIFFERENT;
	if (run_host_maps(h, vm, cpu))
		snprintf(r->host_why, sizeof(r->host_why), "%s", h->why);
	else if (h->retval != (__u32)o->res.r0)
		snprintf(r->host_why, sizeof(r->host_why), "r0 differs");
	else if (rc->skb && run_skb_cmp(rc->skb, m->ctx, m->pkt, &h->skb_out,
					r->host_why, sizeof(r->host_why)))
		;
	else
		r->host = RUN_HOST_SAME;
	if (r->host == RUN_HOST_DIFFERENT)
		note_unreproducible(r, rc->rp);
}

/* The kernel's verdict next to a fresh rewritten run (seed 1). */
static void host_leg(const struct cli *c, struct run_report *r,
		     struct run_ctx *rc, enum host_kind kind)
{
	struct nocsr_vm *vm = NULL;
	struct host_run h = { 0 };
	struct run_mem m, hm = { 0 };
	struct run_outcome o;
	int err;

	r->host = RUN_HOST_ERROR;
	r->host_skb = rc->skb != NULL;
	/* The host gets the ctx as it was before the VM's run wrote it. */
	err = run_mem_alloc(c, rc, &m);
	if (!err)
		err = run_mem_alloc(c, rc, &hm);
	if (!err)
		err = run_once(rc, c, RUN_REWRITTEN, 1, NULL, &o, &m, &vm);
	if (!err && o.res.unknown_ctx_off >= 0) {
		r->host = RUN_HOST_SKIPPED;
		snprintf(r->host_why, sizeof(r->host_why),
			 "the program reads ctx+%d, whose kernel value the VM does not model",
			 o.res.unknown_ctx_off);
		goto out;
	}
	if (!err)
		err = run_host(&h, c->path, r->prog, kind, hm.ctx, hm.ctx_len,
			       rc->skb, c->cpu);
	if (err)
		snprintf(r->host_why, sizeof(r->host_why), "%s",
			 h.why[0] ? h.why : strerror(-err));
	else
		host_compare(r, rc, &h, vm, &m, &o, c->cpu);
	r->host_r0 = h.retval;
out:
	run_host_close(&h);
	nocsr_vm__free(vm);
	run_mem_free(&m);
	run_mem_free(&hm);
}

static int run_both(const struct cli *c, struct run_report *r,
		    const struct run_env *env, struct nocsr_prog *prog,
		    enum host_kind kind, const struct run_skb *skb)
{
	struct run_prog compiled = { 0 }, rewritten = { 0 };
	struct run_ctx rc = { .env = env, .kernel = c->kernel, .skb = skb };
	int vc, vr = EXIT_BAD;

	if (prepare_both(r, env, prog, c->arch, &compiled, &rewritten)) {
		vc = EXIT_BAD;
	} else {
		rc.rp = &compiled;
		vc = run_form(c, r, &rc, RUN_COMPILED);
		rc.rp = &rewritten;
		if (vc != EXIT_BAD)
			vr = run_form(c, r, &rc, RUN_REWRITTEN);
		if (vr != EXIT_BAD && kind != HOST_NONE)
			host_leg(c, r, &rc, kind);
	}
	run_prog_free(&compiled);
	run_prog_free(&rewritten);
	if (vc == EXIT_BAD || vr == EXIT_BAD || r->host == RUN_HOST_ERROR)
		return EXIT_BAD;
	r->forms_disagree = !run_outcome_same(&r->form[RUN_COMPILED].first,
					      &r->form[RUN_REWRITTEN].first);
	if (vc || vr || r->forms_disagree || r->host == RUN_HOST_DIFFERENT)
		return EXIT_DIFF;
	return EXIT_SAME;
}

static void diff_prog(const struct cli *c, const struct run_env *env,
		      struct nocsr_prog *prog, struct run_report *r)
{
	enum host_kind kind = HOST_NONE;
	struct run_skb skb = { 0 };
	enum run_skb_kind sk;
	struct cli cc = *c;
	int err;

	r->prog = nocsr_prog__name(prog);
	r->section = nocsr_prog__section(prog);
	r->seeds = c->seeds;
	sk = run_skb_kind_of(r->section);
	if (c->host) {
		kind = host_kind_of(r->section);
		if (kind == HOST_NONE)
			r->host = RUN_HOST_SKIPPED;
		/* Every run sees the ctx the host run gets. */
		cc.ctx_size = host_ctx_size(kind, c->ctx_size);
	}
	err = nocsr_prog__mirror(prog, c->arch, c->kernel);
	if (err) {
		snprintf(r->error, sizeof(r->error),
			 "the mirror rejects it (%d)", err);
		r->status = EXIT_BAD;
		return;
	}
	if (sk != RUN_SKB_NONE && run_skb_init(&skb, sk, c->pkt_size)) {
		snprintf(r->error, sizeof(r->error), "out of memory");
		r->status = EXIT_BAD;
		return;
	}
	r->status = run_both(&cc, r, env, prog, kind,
			     sk != RUN_SKB_NONE ? &skb : NULL);
	run_skb_free(&skb);
}

static void report_free(struct run_report *r)
{
	free(r->form[RUN_COMPILED].dump);
	free(r->form[RUN_REWRITTEN].dump);
}

static int run_all(const struct cli *c, struct nocsr_obj *obj,
		   const struct run_env *env)
{
	struct run_report r;
	int ret = EXIT_SAME;
	bool first = true;
	size_t i;

	if (c->json)
		printf("[");
	for (i = 0; i < nocsr_obj__prog_cnt(obj); i++) {
		struct nocsr_prog *prog = nocsr_obj__prog(obj, i);

		if (c->prog && strcmp(c->prog, nocsr_prog__name(prog)))
			continue;
		memset(&r, 0, sizeof(r));
		diff_prog(c, env, prog, &r);
		if (c->json) {
			printf("%s\n", first ? "" : ",");
			run_report_json(&r, stdout);
		} else {
			run_report_text(&r, stdout);
		}
		first = false;
		ret = r.status > ret ? r.status : ret;
		report_free(&r);
	}
	if (c->json)
		printf("\n]\n");
	return ret;
}

int main(int argc, char **argv)
{
	struct nocsr_obj *obj = NULL;
	struct run_env env;
	struct cli c;
	int ret, err;

	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		usage(stdout);
		return EXIT_SAME;
	}
	if (parse_args(&c, argc, argv)) {
		usage(stderr);
		return EXIT_BAD;
	}
	if (!c.verbose)
		nocsr_set_print(NULL);
	err = nocsr_obj__open(c.path, &obj);
	if (err) {
		fprintf(stderr, "nocsr-run: %s: %s\n", c.path, strerror(-err));
		return EXIT_BAD;
	}
	/* The VM's ctx is the uapi struct as bytes: keep ctx loads as written. */
	nocsr_obj__set_convert_ctx(obj, false);
	/* Programs without maps still run when libbpf dislikes the object. */
	err = run_env_load(&env, c.path, c.verbose);
	if (err)
		fprintf(stderr, "nocsr-run: %s: libbpf cannot open it (%s): no maps\n",
			c.path, strerror(-err));
	ret = run_all(&c, obj, &env);
	if (c.prog && !nocsr_obj__find_prog(obj, c.prog)) {
		fprintf(stderr, "nocsr-run: no program %s\n", c.prog);
		ret = EXIT_BAD;
	}
	run_env_free(&env);
	nocsr_obj__close(obj);
	return ret;
}
