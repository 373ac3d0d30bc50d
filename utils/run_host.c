// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The host leg of nocsr-run: load the object into the running kernel,
 * BPF_PROG_TEST_RUN one program on a chosen CPU with the same ctx bytes
 * the VM used, and compare the return value and every array/hash map with
 * the VM after its rewritten run.
 *
 * raw_tp (ctx = up to 12 u64 arguments), syscall (ctx = a buffer), and
 * tc and socket programs (a packet and a __sk_buff, run_skb.c: the
 * packet and ctx_out come back and are compared too).
 * Programs using prandom or ktime cannot match; trace_printk output goes
 * to the kernel's trace buffer and is not compared.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "run.h"

/* raw_tp's test_run takes at most MAX_BPF_FUNC_ARGS u64 arguments. */
#define HOST_RAW_TP_CTX_MAX	(12 * 8)

enum host_kind host_kind_of(const char *sec)
{
	if (!strncmp(sec, "raw_tp", 6) || !strncmp(sec, "raw_tracepoint", 14))
		return HOST_RAW_TP;
	if (!strncmp(sec, "syscall", 7))
		return HOST_SYSCALL;
	return run_skb_kind_of(sec) != RUN_SKB_NONE ? HOST_SKB : HOST_NONE;
}

size_t host_ctx_size(enum host_kind kind, size_t want)
{
	if (kind == HOST_RAW_TP && want > HOST_RAW_TP_CTX_MAX)
		want = HOST_RAW_TP_CTX_MAX;
	return kind == HOST_RAW_TP ? want & ~(size_t)7 : want;
}

/* Only the program under test is loaded: others may need attach targets. */
static int host_load(struct host_run *h, const char *path, const char *prog)
{
	struct bpf_program *p;
	int err;

	h->obj = bpf_object__open_file(path, NULL);
	if (!h->obj)
		return -errno;
	bpf_object__for_each_program(p, h->obj)
		bpf_program__set_autoload(p, !strcmp(bpf_program__name(p), prog));
	err = bpf_object__load(h->obj);
	if (err)
		snprintf(h->why, sizeof(h->why), "load failed: %s", strerror(-err));
	return err;
}

static int host_pin_cpu(__u32 cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof(set), &set) ? -errno : 0;
}

/* data_in/out and ctx_in/out of an skb program. */
static int host_skb_opts(struct host_run *h, struct bpf_test_run_opts *opts,
			 const struct run_skb *skb)
{
	struct run_skb_out *out = &h->skb_out;

	/* Room for a program that grows the packet, so a bigger one shows. */
	out->pkt = calloc(1, skb->frame_len + 256);
	if (!out->pkt)
		return -ENOMEM;
	opts->data_in = skb->frame;
	opts->data_size_in = skb->frame_len;
	opts->data_out = out->pkt;
	opts->data_size_out = skb->frame_len + 256;
	opts->ctx_in = &skb->ctx_in;
	opts->ctx_size_in = sizeof(skb->ctx_in);
	opts->ctx_out = &out->ctx;
	opts->ctx_size_out = sizeof(out->ctx);
	return 0;
}

int run_host(struct host_run *h, const char *path, const char *prog,
	     enum host_kind kind, void *ctx, size_t ctx_len,
	     const struct run_skb *skb, __u32 cpu)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts, .ctx_in = ctx,
		    .ctx_size_in = (__u32)ctx_len);
	struct bpf_program *p;
	int err;

	memset(h, 0, sizeof(*h));
	err = host_load(h, path, prog);
	if (err)
		return err;
	p = bpf_object__find_program_by_name(h->obj, prog);
	if (!p)
		return -ENOENT;
	if (kind == HOST_SKB && (err = host_skb_opts(h, &opts, skb)))
		return err;
	if (kind == HOST_RAW_TP) {
		opts.flags = BPF_F_TEST_RUN_ON_CPU;
		opts.cpu = cpu;
	} else if ((err = host_pin_cpu(cpu))) {
		snprintf(h->why, sizeof(h->why), "cannot run on cpu %u", cpu);
		return err;
	}
	err = bpf_prog_test_run_opts(bpf_program__fd(p), &opts);
	if (err) {
		snprintf(h->why, sizeof(h->why), "test_run failed: %s",
			 strerror(errno));
		return -errno;
	}
	h->retval = opts.retval;
	h->skb_out.pkt_len = opts.data_size_out;
	return 0;
}

static bool host_is_percpu(enum bpf_map_type t)
{
	return t == BPF_MAP_TYPE_PERCPU_ARRAY || t == BPF_MAP_TYPE_PERCPU_HASH ||
	       t == BPF_MAP_TYPE_LRU_PERCPU_HASH;
}

static bool host_comparable(enum bpf_map_type t)
{
	return t == BPF_MAP_TYPE_ARRAY || t == BPF_MAP_TYPE_HASH ||
	       t == BPF_MAP_TYPE_LRU_HASH || host_is_percpu(t);
}

static size_t vm_entry_cnt(struct nocsr_vm_map *m, void *a, void *b)
{
	size_t n = 0;
	void *t;

	if (nocsr_vm_map__next_key(m, NULL, a))
		return 0;
	do {
		n++;
		t = a, a = b, b = t;
	} while (!nocsr_vm_map__next_key(m, b, a));
	return n;
}

struct host_map_cmp {
	const struct bpf_map *hm;
	struct nocsr_vm_map *vm_map;
	struct nocsr_vm *vm;
	__u32 cpu;
	char *why;
	size_t len;
};

/* One host entry against the VM: 0 same, 1 differs (why says how). */
static int host_entry_cmp(struct host_map_cmp *c, const void *key, void *hval)
{
	__u32 vs = bpf_map__value_size(c->hm);
	bool percpu = host_is_percpu(bpf_map__type(c->hm));
	__u8 *val = hval;
	const void *vmv;
	__u64 addr;

	if (bpf_map_lookup_elem(bpf_map__fd(c->hm), key, hval))
		return 0;	/* vanished: the count check reports it */
	if (percpu)
		val += (size_t)((vs + 7) & ~7u) * c->cpu;
	if (nocsr_vm_map__lookup(c->vm_map, key, &addr) ||
	    !(vmv = nocsr_vm__mem(c->vm, addr, vs, false))) {
		snprintf(c->why, c->len, "map %s: a key the VM lacks",
			 bpf_map__name(c->hm));
		return 1;
	}
	if (memcmp(vmv, val, vs)) {
		snprintf(c->why, c->len, "map %s: values differ",
			 bpf_map__name(c->hm));
		return 1;
	}
	return 0;
}

static int host_map_cmp(struct host_map_cmp *c)
{
	__u32 ks = bpf_map__key_size(c->hm), vs = bpf_map__value_size(c->hm);
	size_t hvs = (size_t)((vs + 7) & ~7u) * libbpf_num_possible_cpus();
	size_t n = 0, vn;
	__u8 *key, *next, *hval;
	int diff = 0;

	key = calloc(1, ks);
	next = calloc(1, ks);
	hval = calloc(1, hvs);
	if (!key || !next || !hval) {
		diff = -ENOMEM;
		goto out;
	}
	if (!bpf_map_get_next_key(bpf_map__fd(c->hm), NULL, next)) {
		do {
			memcpy(key, next, ks);
			n++;
			diff = host_entry_cmp(c, key, hval);
		} while (!diff &&
			 !bpf_map_get_next_key(bpf_map__fd(c->hm), key, next));
	}
	vn = vm_entry_cnt(c->vm_map, key, next);
	if (!diff && vn != n) {
		snprintf(c->why, c->len, "map %s: %zu entries, the VM has %zu",
			 bpf_map__name(c->hm), n, vn);
		diff = 1;
	}
out:
	free(key);
	free(next);
	free(hval);
	return diff;
}

int run_host_maps(struct host_run *h, struct nocsr_vm *vm, __u32 cpu)
{
	struct host_map_cmp c = { .vm = vm, .cpu = cpu, .why = h->why,
				  .len = sizeof(h->why) };
	struct bpf_map *m;
	int diff;

	bpf_object__for_each_map(m, h->obj) {
		if (!host_comparable(bpf_map__type(m)))
			continue;
		c.hm = m;
		c.vm_map = nocsr_vm__map_by_name(vm, bpf_map__name(m));
		if (!c.vm_map) {
			snprintf(h->why, sizeof(h->why), "map %s not in the VM",
				 bpf_map__name(m));
			return 1;
		}
		diff = host_map_cmp(&c);
		if (diff)
			return diff;
	}
	return 0;
}

void run_host_close(struct host_run *h)
{
	bpf_object__close(h->obj);
	h->obj = NULL;
	free(h->skb_out.pkt);
	h->skb_out.pkt = NULL;
}
