// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * nocsr-run: differential execution of the programs of a BPF object.
 *
 *   nocsr-run OBJ [--prog NAME] [--arch A] [--kernel K] [--seeds N]
 *             [--ctx-size N] [--cpu N] [--host] [--dump] [--trace] [-v]
 *
 * Each program runs "as compiled" (the mirror's input program; every call
 * scrambles r0..r5 it may clobber, as on a kernel without bpf_fastcall)
 * and "as rewritten" (the mirror's xlated program for --arch/--kernel; a
 * fastcall call scrambles only its clobber mask), each with N garbage
 * seeds.  All runs must agree on the error, r0, the memory written
 * outside the stack, and the trace_printk output.
 *
 * --host adds the running kernel: BPF_PROG_TEST_RUN of the object's program
 * on --cpu, whose return value and maps must match the VM's.
 *
 * Default arch is arm64: its JIT inlines bpf_get_smp_processor_id, so the
 * xlated program keeps the call while its pairs are gone.  The x86_64
 * inline is folded back into the call (see run_prep.c).
 *
 * Exit status: 0 all runs agree, 1 they differ, 2 bad input.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"

#define EXIT_SAME	0
#define EXIT_DIFF	1
#define EXIT_BAD	2

struct cli {
	const char *path;
	const char *prog;
	enum nocsr_arch arch;
	enum nocsr_kernel kernel;
	unsigned int seeds;
	size_t ctx_size;
	__u32 cpu;
	bool dump;
	bool trace;
	bool host;
	bool verbose;
};

/* What two runs must agree on, and what explains a disagreement. */
struct outcome {
	struct nocsr_vm_result res;
	__u64 out_hash;
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
		"  --ctx-size N    bytes of ctx, filled with a fixed pattern (default: 256)\n"
		"  --cpu N         what bpf_get_smp_processor_id returns (default: 0)\n"
		"  --host          also BPF_PROG_TEST_RUN raw_tp/syscall programs in this kernel\n"
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
			   .seeds = 4, .ctx_size = 256 };
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--dump"))
			c->dump = true;
		else if (!strcmp(a, "--trace"))
			c->trace = true;
		else if (!strcmp(a, "--host"))
			c->host = true;
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
static void fill_ctx(__u8 *ctx, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ctx[i] = (__u8)(i * 37 + 11);
}

static const char *form_name(enum run_form f)
{
	return f == RUN_COMPILED ? "compiled" : "rewritten";
}

/*
 * One run; dump, when given, receives memory and trace_printk output;
 * keep, when given, receives the VM (the caller frees it).
 */
static int run_once(const struct cli *c, struct run_ctx *rc,
		    enum run_form form, __u64 seed, FILE *dump,
		    struct outcome *o, struct nocsr_vm **keep)
{
	NOCSR_VM_OPTS(vo, .seed = seed, .cpu = c->cpu, .priv = rc,
		      .kfunc_name = run_kfunc_name,
		      .trace = seed == 1 && c->trace ? stderr : NULL);
	struct nocsr_vm *vm;
	const char *out;
	__u8 *ctx;
	size_t len;
	int err;

	vo.clobber = form == RUN_COMPILED ? NOCSR_VM_CLOBBER_OLD :
		     NOCSR_VM_CLOBBER_NEW;
	vo.xlated = form == RUN_REWRITTEN;
	ctx = calloc(1, c->ctx_size ? c->ctx_size : 1);
	if (!ctx)
		return -ENOMEM;
	fill_ctx(ctx, c->ctx_size);
	err = nocsr_vm__new(&vm, rc->rp->insns, rc->rp->cnt, &vo);
	if (!err)
		err = run_env_setup(vm, rc);
	if (err) {
		nocsr_vm__free(vm);
		free(ctx);
		return err;
	}
	nocsr_vm__run(vm, ctx, c->ctx_size, &o->res);
	out = nocsr_vm__output(vm, &len);
	o->out_hash = fnv(out, len);
	if (dump) {
		fprintf(dump, "--- %s memory\n", form_name(form));
		nocsr_vm__dump_mem(vm, dump);
		fprintf(dump, "--- %s trace_printk\n%s", form_name(form), out);
	}
	if (keep)
		*keep = vm;
	else
		nocsr_vm__free(vm);
	free(ctx);
	return 0;
}

static bool same(const struct outcome *a, const struct outcome *b)
{
	if (a->res.err || b->res.err)
		return a->res.err == b->res.err;
	return a->res.r0 == b->res.r0 && a->res.mem_digest == b->res.mem_digest &&
	       a->out_hash == b->out_hash;
}

static void print_outcome(const char *prog, const char *what,
			  const struct outcome *o)
{
	const struct nocsr_vm_result *r = &o->res;

	printf("%s: %-9s", prog, what);
	if (r->err)
		printf(" error %d at insn %d: %s", r->err, r->err_insn, r->msg);
	else
		printf(" r0=0x%llx mem=%016llx", (unsigned long long)r->r0,
		       (unsigned long long)r->mem_digest);
	printf(" steps=%llu calls=%u fastcalls=%u", (unsigned long long)r->steps,
	       r->calls, r->fastcalls);
	if (r->undef_uses)
		printf(" garbage-uses=%u first-at=%d", r->undef_uses,
		       r->first_undef_use);
	if (r->r0_undef)
		printf(" r0-is-garbage");
	if (r->mem_undef_bytes)
		printf(" garbage-bytes=%llu", (unsigned long long)r->mem_undef_bytes);
	putchar('\n');
}

/*
 * Runs one form with every seed; *first gets seed 1's outcome.  1 if a
 * later seed disagrees: the form depends on garbage.
 */
static int run_form(const struct cli *c, const char *name, struct run_ctx *rc,
		    enum run_form form, struct outcome *first)
{
	char *dump = NULL, what[48];
	size_t dump_len = 0;
	struct outcome o;
	unsigned int s;
	int diff = 0, err;
	FILE *f;

	for (s = 1; s <= c->seeds; s++) {
		f = s == 1 && c->dump ? open_memstream(&dump, &dump_len) : NULL;
		err = run_once(c, rc, form, s, f, s == 1 ? first : &o, NULL);
		if (f)
			fclose(f);
		if (err) {
			printf("%s: %s: cannot set up the VM: %s\n", name,
			       form_name(form), strerror(-err));
			free(dump);
			return EXIT_BAD;
		}
		if (s == 1) {
			print_outcome(name, form_name(form), first);
			if (dump)
				fputs(dump, stdout);
			free(dump);
			dump = NULL;
		} else if (!same(&o, first)) {
			snprintf(what, sizeof(what), "%s seed %u", form_name(form), s);
			print_outcome(name, what, &o);
			diff = EXIT_DIFF;
		}
	}
	return diff;
}

static int prepare_both(const struct run_env *env, struct nocsr_prog *prog,
			enum nocsr_arch arch, struct run_prog *compiled,
			struct run_prog *rewritten)
{
	const char *name = nocsr_prog__name(prog);
	int err;

	err = run_prog_prepare(compiled, env, prog, RUN_COMPILED, arch);
	if (!err)
		err = run_prog_prepare(rewritten, env, prog, RUN_REWRITTEN, arch);
	if (err)
		printf("%s: cannot prepare: %s\n", name,
		       compiled->why[0] ? compiled->why : rewritten->why);
	return err;
}

/*
 * The kernel's verdict: test_run of the program, compared with a fresh
 * rewritten run (seed 1) of the VM.  Returns EXIT_SAME/DIFF/BAD.
 */
static int host_leg(const struct cli *c, struct run_ctx *rc, const char *name,
		    enum host_kind kind)
{
	struct host_run h;
	struct outcome o;
	struct nocsr_vm *vm;
	__u8 *ctx;
	int err, diff;

	err = run_once(c, rc, RUN_REWRITTEN, 1, NULL, &o, &vm);
	if (err)
		return EXIT_BAD;
	ctx = calloc(1, c->ctx_size ? c->ctx_size : 1);
	if (!ctx) {
		nocsr_vm__free(vm);
		return EXIT_BAD;
	}
	fill_ctx(ctx, c->ctx_size);
	err = run_host(&h, c->path, name, kind, ctx, c->ctx_size, c->cpu);
	if (err) {
		printf("%s: host      %s\n", name, h.why[0] ? h.why : strerror(-err));
		diff = EXIT_BAD;
	} else {
		diff = run_host_maps(&h, vm, c->cpu);
		if (!diff && h.retval != (__u32)o.res.r0)
			snprintf(h.why, sizeof(h.why), "r0 differs");
		diff = diff || h.retval != (__u32)o.res.r0 ? EXIT_DIFF : EXIT_SAME;
		printf("%s: host      r0=0x%x %s%s\n", name, h.retval,
		       diff ? "DIFFERENT: " : "maps same", diff ? h.why : "");
	}
	run_host_close(&h);
	nocsr_vm__free(vm);
	free(ctx);
	return diff;
}

static int diff_prog(const struct cli *c, const struct run_env *env,
		     struct nocsr_prog *prog)
{
	const char *name = nocsr_prog__name(prog);
	struct run_prog compiled = { 0 }, rewritten = { 0 };
	struct run_ctx rc = { .env = env };
	enum host_kind kind = HOST_NONE;
	struct outcome oc, orw;
	int err, vc = EXIT_BAD, vr = EXIT_BAD, vh = EXIT_SAME;
	struct cli cc = *c;

	if (c->host) {
		kind = host_kind_of(nocsr_prog__section(prog));
		if (kind == HOST_NONE)
			printf("%s: host      skipped: no test_run with a ctx for section %s\n",
			       name, nocsr_prog__section(prog));
		/* Every run sees the ctx the host run gets. */
		cc.ctx_size = host_ctx_size(kind, c->ctx_size);
		c = &cc;
	}
	err = nocsr_prog__mirror(prog, c->arch, c->kernel);
	if (err) {
		printf("%s: the mirror rejects it (%d)\n", name, err);
		return EXIT_BAD;
	}
	if (!prepare_both(env, prog, c->arch, &compiled, &rewritten)) {
		rc.rp = &compiled;
		vc = run_form(c, name, &rc, RUN_COMPILED, &oc);
		rc.rp = &rewritten;
		if (vc != EXIT_BAD)
			vr = run_form(c, name, &rc, RUN_REWRITTEN, &orw);
		if (vr != EXIT_BAD && kind != HOST_NONE)
			vh = host_leg(c, &rc, name, kind);
	}
	run_prog_free(&compiled);
	run_prog_free(&rewritten);
	if (vc == EXIT_BAD || vr == EXIT_BAD || vh == EXIT_BAD)
		return EXIT_BAD;
	if (!vc && !vr && !vh && same(&oc, &orw)) {
		printf("%s: same over %u seeds%s\n", name, c->seeds,
		       kind != HOST_NONE ? " and the host" : "");
		return EXIT_SAME;
	}
	printf("%s: DIFFERENT over %u seeds:%s%s%s%s\n", name, c->seeds,
	       vc ? " compiled depends on garbage;" : "",
	       vr ? " rewritten depends on garbage;" : "",
	       !same(&oc, &orw) ? " the two forms disagree;" : "",
	       vh ? " the host disagrees" : "");
	return EXIT_DIFF;
}

int main(int argc, char **argv)
{
	struct nocsr_obj *obj = NULL;
	struct run_env env;
	struct cli c;
	size_t i;
	int ret = EXIT_SAME, r, err;

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
	/* Programs without maps still run when libbpf dislikes the object. */
	err = run_env_load(&env, c.path, c.verbose);
	if (err)
		fprintf(stderr, "nocsr-run: %s: libbpf cannot open it (%s): no maps\n",
			c.path, strerror(-err));
	for (i = 0; i < nocsr_obj__prog_cnt(obj); i++) {
		struct nocsr_prog *prog = nocsr_obj__prog(obj, i);

		if (c.prog && strcmp(c.prog, nocsr_prog__name(prog)))
			continue;
		r = diff_prog(&c, &env, prog);
		ret = r > ret ? r : ret;
	}
	if (c.prog && !nocsr_obj__find_prog(obj, c.prog)) {
		fprintf(stderr, "nocsr-run: no program %s\n", c.prog);
		ret = EXIT_BAD;
	}
	run_env_free(&env);
	nocsr_obj__close(obj);
	return ret;
}
