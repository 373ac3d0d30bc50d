/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Prelude of the benchmark programs.  The same source is built three ways:
 * plain clang-19 (__bpf_fastcall expands to nothing), clang-19 with the nocsr
 * plugin, and clang-22 with its native attribute.
 */
#ifndef NOCSR_BENCH_H
#define NOCSR_BENCH_H
#include <linux/types.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include "nocsr/bpf_fastcall.h"

#define SEC(name) __attribute__((section(name), used))
#define __ksym __attribute__((section(".ksyms")))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define __noinline __attribute__((noinline))

static void *(*const bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static __u64 (*const bpf_ktime_get_ns)(void) = (void *)5;
static __u32 (*const bpf_get_prandom_u32)(void) = (void *)7;
static __bpf_fastcall __u32 (*const bpf_get_smp_processor_id)(void) = (void *)8;

extern void *bpf_cast_to_kern_ctx(void *obj) __ksym __bpf_fastcall;
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __bpf_fastcall;

#define NR_CPUS_BENCH 64

char LICENSE[] SEC("license") = "GPL";
#endif
