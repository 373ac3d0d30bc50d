// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bench-harness: load a BPF object into the running kernel and report, per
 * program, what the kernel made of it and how fast it runs.
 *
 *   bench-harness OBJ [--repeat N]
 *
 * One line per program: name, xlated instruction count, stack depth (from
 * the verifier's log-level-4 statistics), load time in ns, and the
 * BPF_PROG_TEST_RUN time per run in ns (0 when --repeat is 0).  The process
 * pins itself to cpu 0 so every build runs on the same core.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#define LOG_SIZE (1u << 20)

static int silent(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	(void)level; (void)fmt; (void)ap;
	return 0;
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* The verifier prints "stack depth A+B+..." (one figure per subprogram). */
static int stack_depth(const char *log)
{
	const char *p = log ? strstr(log, "stack depth ") : NULL;
	int total = 0;

	if (!p)
		return -1;
	p += strlen("stack depth ");
	do {
		total += (int)strtol(p, (char **)&p, 10);
	} while (*p == '+' && p++);
	return total;
}

static unsigned int xlated_insns(int fd)
{
	struct bpf_prog_info info = {};
	__u32 len = sizeof(info);

	if (bpf_obj_get_info_by_fd(fd, &info, &len))
		return 0;
	return info.xlated_prog_len / sizeof(struct bpf_insn);
}

static double run_ns(int fd, unsigned int repeat)
{
	unsigned char pkt[128] = { [12] = 0x08, [14] = 0x45, [23] = 6 };
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = pkt,
		    .data_size_in = sizeof(pkt), .repeat = repeat);

	if (!repeat)
		return 0;
	if (bpf_prog_test_run_opts(fd, &opts))
		return -1;
	return opts.duration;	/* the kernel reports the mean ns per run */
}

static int bench_object(const char *path, unsigned int repeat)
{
	LIBBPF_OPTS(bpf_object_open_opts, oopts);
	struct bpf_program *prog;
	struct bpf_object *obj;
	long long t0, load_ns;
	static char logs[64][LOG_SIZE / 64];
	int i = 0;

	obj = bpf_object__open_file(path, &oopts);
	if (!obj) {
		fprintf(stderr, "bench-harness: %s: cannot open: %s\n", path, strerror(errno));
		return 2;
	}
	bpf_object__for_each_program(prog, obj) {
		if (i == 64)
			break;
		bpf_program__set_log_level(prog, 4);
		bpf_program__set_log_buf(prog, logs[i++], sizeof(logs[0]));
	}
	t0 = now_ns();
	if (bpf_object__load(obj)) {
		fprintf(stderr, "bench-harness: %s: load failed: %s\n", path, strerror(errno));
		bpf_object__close(obj);
		return 2;
	}
	load_ns = now_ns() - t0;
	i = 0;
	bpf_object__for_each_program(prog, obj) {
		int fd = bpf_program__fd(prog);

		printf("%s %u %d %lld %.2f\n", bpf_program__name(prog), xlated_insns(fd),
		       stack_depth(logs[i++]), load_ns, run_ns(fd, repeat));
	}
	bpf_object__close(obj);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned int repeat = 0;
	cpu_set_t cpus;

	if (argc == 4 && !strcmp(argv[2], "--repeat"))
		repeat = strtoul(argv[3], NULL, 0);
	else if (argc != 2) {
		fprintf(stderr, "usage: bench-harness OBJ [--repeat N]\n");
		return 2;
	}
	CPU_ZERO(&cpus);
	CPU_SET(0, &cpus);
	sched_setaffinity(0, sizeof(cpus), &cpus);
	libbpf_set_print(silent);
	return bench_object(argv[1], repeat);
}
