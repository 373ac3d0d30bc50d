/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * nocsr-run internals: turning the mirror's programs (as compiled and as
 * rewritten) into something nocsr_vm runs, with the object's maps.
 */
#ifndef NOCSR_UTILS_RUN_H
#define NOCSR_UTILS_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "nocsr_mirror.h"
#include "utils/vm.h"

/* A map of the object as libbpf describes it (before load). */
struct run_map_def {
	char *name;		/* libbpf's: "obj.rodata" for internal maps */
	enum bpf_map_type type;
	__u32 key_size;
	__u32 value_size;
	__u32 max_entries;
	void *init;		/* internal maps: section contents */
	size_t init_sz;
};

struct run_env {
	struct run_map_def *maps;
	size_t map_cnt;
};

/* A program ready for the VM: placeholders renumbered for our tables. */
struct run_prog {
	struct bpf_insn *insns;
	size_t cnt;
	const char **kfuncs;	/* kfunc call imm -> name */
	size_t kfunc_cnt;
	/* Callees the mirror says are not fastcall (or not inlined) here. */
	const char **slow;
	size_t slow_cnt;
	char why[160];		/* what made preparation fail */
};

enum run_form {
	RUN_COMPILED,		/* nocsr_prog__insns() */
	RUN_REWRITTEN,		/* nocsr_prog__xlated() */
};

/* run_skb.c: the packet and __sk_buff of BPF_PROG_TEST_RUN for skb programs. */
enum run_skb_kind {
	RUN_SKB_NONE,
	RUN_SKB_L2,		/* sched_cls/act: data at the MAC header */
	RUN_SKB_L3,		/* socket filter: pulled past it */
};

struct run_skb {
	enum run_skb_kind kind;
	__u8 *frame;			/* data_in: an Ethernet frame */
	__u32 frame_len;
	struct __sk_buff ctx_in;	/* test_run's ctx_in */
	struct __sk_buff view;		/* what the program reads */
};

/* What test_run hands back. */
struct run_skb_out {
	__u8 *pkt;
	__u32 pkt_len;
	struct __sk_buff ctx;
};

/* Ethernet and IPv4 headers: test_run refuses an IPv4 frame cut shorter. */
#define RUN_SKB_MIN_FRAME	34

enum run_skb_kind run_skb_kind_of(const char *sec);
int run_skb_init(struct run_skb *s, enum run_skb_kind kind, __u32 frame_len);
void run_skb_free(struct run_skb *s);
/* The packet region (pkt: a copy of the frame) and the converted fields. */
int run_skb_setup(struct nocsr_vm *vm, const struct run_skb *s, __u8 *pkt);
/* 0 when the kernel's packet and ctx_out match the VM's, 1 (why set) if not. */
int run_skb_cmp(const struct run_skb *s, const __u8 *vm_ctx,
		const __u8 *vm_pkt, const struct run_skb_out *out, char *why,
		size_t why_len);

/* What the VM callbacks get as nocsr_vm_opts.priv. */
struct run_ctx {
	const struct run_env *env;
	const struct run_prog *rp;
	enum nocsr_kernel kernel;
	const struct run_skb *skb;	/* NULL: ctx is plain bytes */
};

int run_env_load(struct run_env *env, const char *path, bool verbose);
void run_env_free(struct run_env *env);
/* nocsr_vm_opts.setup: the env's maps, in order, with initial values. */
int run_env_setup(struct nocsr_vm *vm, void *priv);
/* nocsr_vm_opts.kfunc_name: imm is an index into rp->kfuncs. */
const char *run_kfunc_name(__s32 btf_id, __s16 off, void *priv);
/* nocsr_vm_opts.is_fastcall: the mirror's verdict for this program. */
bool run_is_fastcall(const struct nocsr_vm_call *call, void *priv);

int run_prog_prepare(struct run_prog *rp, const struct run_env *env,
		     const struct nocsr_prog *prog, enum run_form form,
		     enum nocsr_arch arch);
void run_prog_free(struct run_prog *rp);

#define RUN_EXIT_SAME	0
#define RUN_EXIT_DIFF	1
#define RUN_EXIT_BAD	2

/* What two runs must agree on. */
struct run_outcome {
	struct nocsr_vm_result res;
	__u64 out_hash;			/* trace_printk output */
};

struct run_form_report {
	bool ran;
	struct run_outcome first;	/* seed 1 */
	unsigned int diff_seed;		/* first seed disagreeing, 0: none */
	struct run_outcome diff;
	char *dump;			/* --dump: memory and output of seed 1 */
};

enum run_host_status {
	RUN_HOST_NOT_RUN,
	RUN_HOST_SKIPPED,		/* no test_run with a ctx for the type */
	RUN_HOST_SAME,
	RUN_HOST_DIFFERENT,
	RUN_HOST_ERROR,
};

/* Everything nocsr-run found out about one program. */
struct run_report {
	const char *prog;
	const char *section;
	unsigned int seeds;
	int status;			/* RUN_EXIT_* */
	char error[200];		/* why the program could not be compared */
	struct run_form_report form[2];	/* by enum run_form */
	bool forms_disagree;
	enum run_host_status host;
	bool host_skb;			/* packet and ctx_out compared too */
	__u32 host_r0;
	char host_why[160];
};

bool run_outcome_same(const struct run_outcome *a, const struct run_outcome *b);
/* run_report.c */
void run_report_text(const struct run_report *r, FILE *f);
void run_report_json(const struct run_report *r, FILE *f);

/* run_host.c: BPF_PROG_TEST_RUN in the running kernel. */
enum host_kind {
	HOST_NONE,		/* no test_run with an arbitrary ctx */
	HOST_RAW_TP,
	HOST_SYSCALL,
	HOST_SKB,		/* tc and socket: a packet, ctx_in is __sk_buff */
};

struct host_run {
	struct bpf_object *obj;
	__u32 retval;
	struct run_skb_out skb_out;
	char why[160];
};

enum host_kind host_kind_of(const char *sec);
/* The ctx size test_run accepts for this kind, at most want. */
size_t host_ctx_size(enum host_kind kind, size_t want);
/* skb: for HOST_SKB, the packet and ctx_in (ctx is not used). */
int run_host(struct host_run *h, const char *path, const char *prog,
	     enum host_kind kind, void *ctx, size_t ctx_len,
	     const struct run_skb *skb, __u32 cpu);
/* 0 when every array/hash map matches the VM's, 1 (why set) if not. */
int run_host_maps(struct host_run *h, struct nocsr_vm *vm, __u32 cpu);
void run_host_close(struct host_run *h);

#endif /* NOCSR_UTILS_RUN_H */
