// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * nocsr kernel: the ground truth.  Load the object with libbpf into the
 * running kernel, read each program's xlated instructions back, and
 * compare them with the mirror's prediction for the host arch and the
 * newest profile not newer than the running kernel.
 *
 * Only build-specific numbers are normalised: helper and kfunc call
 * immediates (the kernel stores call addresses; compared by opcode),
 * bpf-to-bpf call offsets (the kernel keeps them in insn->off), map ids
 * in ld_imm64, the per-CPU address the x86_64 inline loads, and whatever
 * else the mirror prints as a placeholder (MIN_NAPI_ID; struct offsets
 * of context accesses only when vmlinux BTF is missing, as the mirror
 * takes them from there for the running kernel).  The
 * verifier's "stack depth" statistics line is compared too.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/utsname.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "cli.h"
#include "disasm.h"
#include "file.h"

#define LOG_SIZE	(1u << 20)

struct ksym {
	unsigned long long addr;
	char *name;
};

static struct ksym *ksyms;
static size_t ksym_cnt;
static unsigned long long call_base;

static int cmp_ksym(const void *a, const void *b)
{
	const struct ksym *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/*
 * "ffffffff81000000 T name [module]" lines, text symbols only.  Parsed by
 * hand: fscanf over 120k lines cost more than the kernel generating them.
 */
static void load_kallsyms(void)
{
	int fd = open("/proc/kallsyms", O_RDONLY | O_CLOEXEC), err;
	char *buf, *at, *end;
	size_t cap = 0;

	/* without it the kernel side prints its calls as unknown#imm */
	if (fd < 0)
		return;
	err = nocsr_read_fd(fd, NULL, &buf, NULL);
	close(fd);
	if (err)
		return;
	/* the names point into buf: kept to the end */
	at = buf;
	while (at && *at) {
		unsigned long long a = strtoull(at, &end, 16);
		char *name = end + 3, *eol;

		eol = strchr(at, '\n');
		if (eol)
			*eol = 0;
		if (end[0] == ' ' && (end[1] == 't' || end[1] == 'T') && end[2] == ' ') {
			name[strcspn(name, " \t")] = 0;
			if (!strcmp(name, "__bpf_call_base"))
				call_base = a;
			if (ksym_cnt == cap) {
				struct ksym *n;

				cap = cap ? cap * 2 : 1 << 17;
				n = realloc(ksyms, cap * sizeof(*n));
				if (!n)
					break;
				ksyms = n;
			}
			ksyms[ksym_cnt].addr = a;
			ksyms[ksym_cnt].name = name;
			ksym_cnt++;
		}
		at = eol ? eol + 1 : NULL;
	}
	qsort(ksyms, ksym_cnt, sizeof(*ksyms), cmp_ksym);
}

static const char *ksym_name(unsigned long long addr)
{
	size_t lo = 0, hi = ksym_cnt;

	if (!call_base || !addr)
		return NULL;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (ksyms[mid].addr == addr)
			return ksyms[mid].name;
		if (ksyms[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Kernel-side text: bpftool's conventions. */
static const char *k_call(void *ctx, const struct bpf_insn *insn, char *buf,
			  size_t len)
{
	const char *s;

	(void)ctx;
	if (insn->src_reg == NOCSR_PSEUDO_CALL) {
		snprintf(buf, len, "pc%+d", insn->off);
		return buf;
	}
	s = ksym_name(call_base + (long long)insn->imm);
	snprintf(buf, len, "%s#%d", s ? s : "unknown", insn->imm);
	return buf;
}

static const char *k_imm(void *ctx, const struct bpf_insn *insn, uint64_t v,
			 char *buf, size_t len)
{
	(void)ctx;
	(void)v;
	if (!nocsr_insn_is_ldimm64(insn))
		return NULL;
	if (insn->src_reg == BPF_PSEUDO_MAP_FD) {
		snprintf(buf, len, "map[id:%u]", (uint32_t)insn->imm);
		return buf;
	}
	if (insn->src_reg == BPF_PSEUDO_FUNC) {
		snprintf(buf, len, "subprog[%+d]", insn->imm);
		return buf;
	}
	if (insn->src_reg == BPF_PSEUDO_MAP_VALUE) {
		snprintf(buf, len, "map[id:%u][0]+%u", (uint32_t)insn->imm,
			 (uint32_t)insn[1].imm);
		return buf;
	}
	return NULL;
}

/* Normalised encoding for the comparison. */
static struct bpf_insn norm(const struct bpf_insn *in, bool kernel, bool immsym,
			    bool offsym)
{
	struct bpf_insn c = *in;

	if (nocsr_insn_is_call(&c)) {
		if (c.src_reg == NOCSR_PSEUDO_CALL) {
			c.imm = kernel ? c.off : c.imm;
			c.off = 0;
		} else {
			c.imm = 0;
			c.off = 0;
		}
	}
	if (nocsr_insn_is_ldimm64(&c) && c.src_reg && c.src_reg != BPF_PSEUDO_FUNC)
		c.imm = 0;	/* map ids, ksym addresses */
	if (immsym)
		c.imm = 0;
	if (offsym)	/* struct offsets, when vmlinux BTF is missing */
		c.off = 0;
	return c;
}

/* libbpf's warnings are kept and shown only when they explain a failure. */
static char libbpf_msgs[1 << 16];
static size_t libbpf_len;

static int libbpf_quiet(enum libbpf_print_level level, const char *fmt,
			va_list args)
{
	int n;

	if (level != LIBBPF_WARN || libbpf_len >= sizeof(libbpf_msgs) - 1)
		return 0;
	n = vsnprintf(libbpf_msgs + libbpf_len, sizeof(libbpf_msgs) - libbpf_len,
		      fmt, args);
	if (n > 0)
		libbpf_len += (size_t)n < sizeof(libbpf_msgs) - libbpf_len ?
			      (size_t)n : sizeof(libbpf_msgs) - libbpf_len - 1;
	return n;
}

static const char *stack_from_log(const char *log, char *buf, size_t len)
{
	const char *s = log ? strstr(log, "stack depth ") : NULL;
	size_t n = 0;

	if (!s)
		return NULL;
	s += strlen("stack depth ");
	while (s[n] && s[n] != '\n' && n + 1 < len) {
		buf[n] = s[n];
		n++;
	}
	buf[n] = 0;
	return buf;
}

static void help(void)
{
	printf("Usage: nocsr kernel OBJ [--prog NAME] [--json]\n"
	       "Load OBJ into the running kernel (libbpf), read every program's\n"
	       "xlated instructions back and compare them with `nocsr xlated` for\n"
	       "the host arch and the newest profile not newer than the running\n"
	       "kernel.  Prints both listings side by side ('!' marks a difference).\n"
	       "Exit 0 on a match, 1 on a mismatch, 2 when loading is not\n"
	       "permitted or the input is bad.\n");
}

struct kprog {
	struct bpf_insn *insns;
	size_t cnt;
	char stack[128];
	bool has_stack;
};

static int compare(const struct opts *o, struct json *j, struct nocsr_prog *p,
		   const struct kprog *k)
{
	size_t n = nocsr_prog__xlated_cnt(p), i, rows = n > k->cnt ? n : k->cnt;
	const struct bpf_insn *x = nocsr_prog__xlated(p);
	struct nocsr_disasm_cbs cbs = { .call_name = k_call, .imm = k_imm,
					.percpu_as_mov = true };
	long first = -1;
	char st[128];
	bool stack_ok;

	cli_stack_text(p, true, st, sizeof(st));
	stack_ok = !k->has_stack || !strcmp(st, k->stack);
	if (o->json) {
		json_obj_open(j);
		json_kstr(j, "name", nocsr_prog__name(p));
	} else {
		printf("%s:\n%-52s   %s\n", nocsr_prog__name(p), "mirror", "kernel");
	}
	if (o->json) {
		json_key(j, "rows");
		json_arr_open(j);
	}
	for (i = 0; i < rows; i++) {
		char a[256] = "", b[256] = "", la[300] = "", lb[300] = "";
		bool same = false;

		if (i < n && nocsr_prog__xlated_text(p, i, a, sizeof(a)) > 0)
			snprintf(la, sizeof(la), "%4zu: %s", i, a);
		if (i < k->cnt && !(i > 0 && nocsr_insn_is_ldimm64(&k->insns[i - 1]) &&
				    (i < 2 || !nocsr_insn_is_ldimm64(&k->insns[i - 2])))) {
			nocsr_insn_snprintf(b, sizeof(b), &k->insns[i], &cbs);
			snprintf(lb, sizeof(lb), "%4zu: %s", i, b);
		}
		if (i < n && i < k->cnt) {
			bool offsym = strstr(a, " +<") != NULL;
			bool immsym = !offsym && strchr(a, '<') &&
				      !nocsr_insn_is_call(&x[i]) &&
				      !nocsr_insn_is_ldimm64(&x[i]);
			struct bpf_insn u = norm(&x[i], false, immsym, offsym);
			struct bpf_insn v = norm(&k->insns[i], true, immsym, offsym);

			same = !memcmp(&u, &v, sizeof(u));
		}
		if (!same && first < 0)
			first = (long)i;
		if (o->json) {
			json_obj_open(j);
			json_kint(j, "idx", (long long)i);
			json_kstr(j, "mirror", i < n ? a : NULL);
			json_kstr(j, "kernel", i < k->cnt ? b : NULL);
			json_kbool(j, "match", same);
			json_obj_close(j);
		} else if (la[0] || lb[0]) {
			printf("%-52s %c %s\n", la, same ? '|' : '!', lb);
		}
	}
	if (o->json) {
		json_arr_close(j);
		json_kstr(j, "stack_mirror", st);
		json_kstr(j, "stack_kernel", k->has_stack ? k->stack : NULL);
		json_kbool(j, "match", first < 0 && stack_ok);
		if (first >= 0 && (size_t)first < n)
			json_kstr(j, "note", nocsr_prog__xlated_note(p, first));
		if (first >= 0)
			json_kint(j, "first_mismatch", first);
		else
			json_kstr(j, "first_mismatch", NULL);
		json_obj_close(j);
	} else {
		printf("stack depth: mirror %s, kernel %s\n", st,
		       k->has_stack ? k->stack : "(not reported)");
		if (first < 0 && stack_ok)
			printf("%s: match (%zu insns)\n", nocsr_prog__name(p), n);
		else if (first >= 0)
			printf("%s: MISMATCH at insn %ld\n", nocsr_prog__name(p), first);
		else
			printf("%s: MISMATCH in stack depth\n", nocsr_prog__name(p));
		if (first >= 0 && (size_t)first < n && nocsr_prog__xlated_note(p, first))
			printf("note: insn %ld: %s\n", first, nocsr_prog__xlated_note(p, first));
	}
	return first < 0 && stack_ok ? 0 : 1;
}

int do_kernel(int argc, char **argv)
{
	struct bpf_object *bobj = NULL;
	struct nocsr_obj *obj = NULL;
	struct bpf_program *bp;
	struct kprog *kp = NULL;
	struct utsname u;
	struct opts o;
	struct json j;
	char *logs = NULL;
	size_t np = 0, i;
	int rc = EXIT_BAD, err, mism = 0;

	if (cli_parse(argc, argv, &o, CLI_TARGET))
		return EXIT_BAD;
	if (o.help) {
		help();
		return EXIT_OK;
	}
	if (uname(&u) || nocsr_kernel_from_release(u.release, &o.kernel)) {
		cli_err("running kernel %s is older than every profile", u.release);
		return EXIT_BAD;
	}
	if (nocsr_arch_host(&o.arch)) {
		cli_err("host arch %s has no profile", u.machine);
		return EXIT_BAD;
	}
	o.nr_cpus = nocsr_host_nr_cpus();	/* the running kernel's, whatever --cpus says */
	if (cli_open(&o, o.objs[0], &obj))
		return EXIT_BAD;
	libbpf_set_print(libbpf_quiet);
	bobj = bpf_object__open_file(o.objs[0], NULL);
	if (libbpf_get_error(bobj)) {
		bobj = NULL;
		fputs(libbpf_msgs, stderr);
		cli_err("%s: libbpf cannot open it", o.objs[0]);
		goto out;
	}
	bpf_object__for_each_program(bp, bobj)
		np++;
	logs = calloc(np ? np : 1, LOG_SIZE);
	kp = calloc(np ? np : 1, sizeof(*kp));
	if (!logs || !kp)
		goto out;
	i = 0;
	bpf_object__for_each_program(bp, bobj) {
		bpf_program__set_log_buf(bp, logs + i * LOG_SIZE, LOG_SIZE);
		bpf_program__set_log_level(bp, 4);	/* BPF_LOG_STATS */
		i++;
	}
	err = bpf_object__load(bobj);
	if (err && err != -EPERM)
		fputs(libbpf_msgs, stderr);	/* the verifier log says why */
	if (err) {
		cli_err("%s: loading into the kernel failed: %s%s", o.objs[0],
			strerror(-err), err == -EPERM ?
			" (not permitted: run as root or with CAP_BPF)" : "");
		goto out;
	}
	if (o.json) {
		cli_json_open(&j, &o);
		json_kstr(&j, "running", u.release);
		json_key(&j, "programs");
		json_arr_open(&j);
	} else {
		printf("running %s, mirror profile %s on %s\n", u.release,
		       nocsr_kernel_name(o.kernel), nocsr_arch_name(o.arch));
	}
	load_kallsyms();
	i = 0;
	bpf_object__for_each_program(bp, bobj) {
		struct nocsr_prog *p = nocsr_obj__find_prog(obj, bpf_program__name(bp));
		struct bpf_prog_info info;
		struct kprog *k = &kp[i];
		__u32 len = sizeof(info);
		int fd = bpf_program__fd(bp);

		i++;
		if (!p || !cli_selected(&o, p) || fd < 0)
			continue;
		memset(&info, 0, sizeof(info));
		if (bpf_obj_get_info_by_fd(fd, &info, &len)) {
			cli_err("%s: cannot read program info", bpf_program__name(bp));
			goto out;
		}
		k->cnt = info.xlated_prog_len / sizeof(struct bpf_insn);
		k->insns = calloc(k->cnt ? k->cnt : 1, sizeof(struct bpf_insn));
		if (!k->insns)
			goto out;
		memset(&info, 0, sizeof(info));
		info.xlated_prog_len = (__u32)(k->cnt * sizeof(struct bpf_insn));
		info.xlated_prog_insns = (__u64)(unsigned long)k->insns;
		len = sizeof(info);
		if (bpf_obj_get_info_by_fd(fd, &info, &len)) {
			cli_err("%s: cannot read xlated instructions", bpf_program__name(bp));
			goto out;
		}
		k->has_stack = stack_from_log(logs + (i - 1) * LOG_SIZE, k->stack,
					      sizeof(k->stack)) != NULL;
		mism |= compare(&o, &j, p, k);
	}
	if (o.json) {
		json_arr_close(&j);
		json_kbool(&j, "match", !mism);
		json_obj_close(&j);
	}
	rc = mism ? EXIT_FAIL : EXIT_OK;
out:
	for (i = 0; kp && i < np; i++)
		free(kp[i].insns);
	free(kp);
	free(logs);
	bpf_object__close(bobj);
	nocsr_obj__close(obj);
	return rc;
}
