// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bench-harness: what the running kernel makes of BPF objects, and how fast
 * it runs them and loads them compared with the mirror (make bench).
 *
 *   bench-harness code OBJ
 *	one line per program: "NAME XLATED_INSNS STACK_DEPTH", the stack
 *	depth summed over subprograms from the verifier's log-level-4
 *	statistics (after the fastcall rewrite).
 *   bench-harness run REPEAT ROUNDS OBJ...
 *	loads every object, then per round runs every program of every
 *	object in turn (so builds interleave) with BPF_PROG_TEST_RUN:
 *	"ROUND OBJ NAME NS_PER_RUN", the kernel's own mean over REPEAT runs
 *	(whole ns).  The kernel's clock leaves out the time the test loop
 *	yields the cpu; a wall clock around the syscall does not, and on a
 *	busy machine it measured other processes more than the program.
 *   bench-harness speed N OBJ
 *	"MIRROR_NS LOAD_NS": medians over N alternating iterations of the
 *	mirror predicting every program's xlated text (open, analyse, print
 *	to a buffer, as `nocsr xlated` for the host arch and 6.18) and of
 *	libbpf opening and loading the object into the kernel, in cpu time,
 *	after one uncounted iteration of each.  The mirror library parses
 *	vmlinux BTF (for kfunc prototypes) once per process, libbpf on every
 *	load of an object with kfuncs or CO-RE relocations.
 *   bench-harness mirror N OBJ, bench-harness load N OBJ
 *	one of the two medians alone.
 *   bench-harness exec N CMD [ARG...]
 *	"CPU_NS": median over N runs of CMD (stdout to /dev/null) of the
 *	child's user + system time from wait4(): a cold process, as a user
 *	runs it, at microsecond resolution.
 *
 * The process pins itself to one cpu ($BENCH_CPU, default 0) first.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "nocsr_mirror.h"

#define LOG_SIZE	(64u << 10)
#define MAX_PROGS	64
#define MAX_OBJS	64
#define MAX_ITERS	1000

static int silent(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	(void)level; (void)fmt; (void)ap;
	return 0;
}

/*
 * CPU time of this thread, user and kernel: the verifier and the JIT run
 * in the BPF syscall on this thread, and unlike a wall clock it does not
 * count the time other processes hold the cpu.
 */
static long long cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int fail(const char *path, const char *what)
{
	fprintf(stderr, "bench-harness: %s: %s: %s\n", path, what, strerror(errno));
	return 2;
}

/* The verifier prints "stack depth A+B+..." (one figure per subprogram). */
static int stack_depth(const char *log)
{
	const char *p = strstr(log, "stack depth ");
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

static struct bpf_object *load(const char *path, char (*logs)[LOG_SIZE])
{
	struct bpf_program *prog;
	struct bpf_object *obj;
	int i = 0;

	obj = bpf_object__open_file(path, NULL);
	if (!obj)
		return NULL;
	bpf_object__for_each_program(prog, obj) {
		if (!logs || i == MAX_PROGS)
			break;
		bpf_program__set_log_level(prog, 4);
		bpf_program__set_log_buf(prog, logs[i++], LOG_SIZE);
	}
	if (bpf_object__load(obj)) {
		int err = errno;

		bpf_object__close(obj);
		errno = err;
		return NULL;
	}
	return obj;
}

static int do_code(const char *path)
{
	static char logs[MAX_PROGS][LOG_SIZE];
	struct bpf_program *prog;
	struct bpf_object *obj = load(path, logs);
	int i = 0;

	if (!obj)
		return fail(path, "load failed");
	bpf_object__for_each_program(prog, obj) {
		int fd = bpf_program__fd(prog);

		printf("%s %u %d\n", bpf_program__name(prog), xlated_insns(fd),
		       i < MAX_PROGS ? stack_depth(logs[i]) : -1);
		i++;
	}
	bpf_object__close(obj);
	return 0;
}

/* A 128-byte IPv4/TCP frame: enough for every tc and xdp program here. */
static int test_run(int fd, unsigned int repeat, unsigned int *ns)
{
	unsigned char pkt[128] = { [12] = 0x08, [14] = 0x45, [23] = 6 };
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = pkt,
		    .data_size_in = sizeof(pkt), .repeat = repeat);

	if (bpf_prog_test_run_opts(fd, &opts))
		return -1;
	*ns = opts.duration;
	return 0;
}

static int do_run(unsigned int repeat, unsigned int rounds, int n, char **paths)
{
	struct bpf_object *objs[MAX_OBJS];
	unsigned int r, ns;
	int i, err = 0;

	if (n > MAX_OBJS || !repeat)
		return fail("run", "bad arguments");
	for (i = 0; i < n; i++) {
		objs[i] = load(paths[i], NULL);
		if (!objs[i]) {
			err = fail(paths[i], "load failed");
			n = i;
			goto out;
		}
	}
	for (r = 0; r < rounds; r++) {
		for (i = 0; i < n; i++) {
			struct bpf_program *prog;

			bpf_object__for_each_program(prog, objs[i]) {
				if (test_run(bpf_program__fd(prog), repeat, &ns)) {
					err = fail(paths[i], "test run failed");
					goto out;
				}
				printf("%u %s %s %u\n", r, paths[i],
				       bpf_program__name(prog), ns);
			}
		}
	}
out:
	for (i = 0; i < n; i++)
		bpf_object__close(objs[i]);
	return err;
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

static long long median(long long *v, int n)
{
	qsort(v, n, sizeof(*v), cmp_ll);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Everything `nocsr xlated` does except writing to stdout. */
static int mirror_once(const char *path, enum nocsr_arch arch)
{
	static char text[256];
	struct nocsr_obj *obj;
	size_t i, j;
	int err;

	err = nocsr_obj__open(path, &obj);
	if (err)
		return err;
	for (i = 0; i < nocsr_obj__prog_cnt(obj) && !err; i++) {
		struct nocsr_prog *p = nocsr_obj__prog(obj, i);

		err = nocsr_prog__mirror(p, arch, NOCSR_K6_18);
		for (j = 0; !err && j < nocsr_prog__xlated_cnt(p); j++)
			nocsr_prog__xlated_text(p, j, text, sizeof(text));
	}
	nocsr_obj__close(obj);
	return err;
}

/*
 * which: bit 0 times the mirror, bit 1 the kernel load.  Each in a loop of
 * its own, as hyperfine times a command: interleaved, every mirror run
 * started on the caches and TLB a kernel load had just evicted (2.5x
 * slower on small objects), while a load costs the same either way.
 */
static int do_speed(int n, const char *path, unsigned int which)
{
	static long long mirror[MAX_ITERS], kernel[MAX_ITERS];
	enum nocsr_arch arch;
	long long t0;
	int i;

	if (n < 1 || n > MAX_ITERS)
		return fail("speed", "N must be 1..1000");
	if (nocsr_arch_host(&arch))
		arch = NOCSR_ARCH_X86_64;
	nocsr_set_print(NULL);
	/* iteration -1 warms caches and page tables and is not counted */
	for (i = -1; (which & 1) && i < n; i++) {
		t0 = cpu_ns();
		if (mirror_once(path, arch)) {
			errno = EINVAL;
			return fail(path, "mirror failed");
		}
		if (i >= 0)
			mirror[i] = cpu_ns() - t0;
	}
	for (i = -1; (which & 2) && i < n; i++) {
		struct bpf_object *obj;

		t0 = cpu_ns();
		obj = load(path, NULL);
		if (!obj)
			return fail(path, "load failed");
		if (i >= 0)
			kernel[i] = cpu_ns() - t0;
		bpf_object__close(obj);
	}
	if (which & 1)
		printf(which & 2 ? "%lld " : "%lld\n", median(mirror, n));
	if (which & 2)
		printf("%lld\n", median(kernel, n));
	return 0;
}

static long long child_cpu_ns(char **argv)
{
	struct rusage ru;
	int status, fd;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (!pid) {
		fd = open("/dev/null", O_WRONLY);
		if (fd >= 0)
			dup2(fd, STDOUT_FILENO);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		return -1;
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
}

static int do_exec(int n, char **argv)
{
	static long long cpu[MAX_ITERS];
	int i;

	if (n < 1 || n > MAX_ITERS)
		return fail("exec", "N must be 1..1000");
	for (i = 0; i < n; i++) {
		cpu[i] = child_cpu_ns(argv);
		if (cpu[i] < 0) {
			errno = ECHILD;
			return fail(argv[0], "command failed");
		}
	}
	printf("%lld\n", median(cpu, n));
	return 0;
}

static void pin_cpu(void)
{
	const char *env = getenv("BENCH_CPU");
	cpu_set_t cpus;

	CPU_ZERO(&cpus);
	CPU_SET(env ? atoi(env) : 0, &cpus);
	if (sched_setaffinity(0, sizeof(cpus), &cpus))
		fprintf(stderr, "bench-harness: cannot pin to one cpu: %s\n",
			strerror(errno));
}

static int usage(void)
{
	fprintf(stderr, "usage: bench-harness code OBJ\n"
			"       bench-harness run REPEAT ROUNDS OBJ...\n"
			"       bench-harness speed|mirror|load N OBJ\n"
			"       bench-harness exec N CMD [ARG...]\n");
	return 2;
}

int main(int argc, char **argv)
{
	pin_cpu();
	libbpf_set_print(silent);
	if (argc == 3 && !strcmp(argv[1], "code"))
		return do_code(argv[2]);
	if (argc >= 5 && !strcmp(argv[1], "run"))
		return do_run(strtoul(argv[2], NULL, 0), strtoul(argv[3], NULL, 0),
			      argc - 4, argv + 4);
	if (argc == 4 && !strcmp(argv[1], "speed"))
		return do_speed(atoi(argv[2]), argv[3], 3);
	if (argc == 4 && !strcmp(argv[1], "mirror"))
		return do_speed(atoi(argv[2]), argv[3], 1);
	if (argc == 4 && !strcmp(argv[1], "load"))
		return do_speed(atoi(argv[2]), argv[3], 2);
	if (argc >= 4 && !strcmp(argv[1], "exec"))
		return do_exec(atoi(argv[2]), argv + 3);
	return usage();
}
