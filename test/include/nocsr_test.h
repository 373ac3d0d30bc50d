/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Prelude of the C test programs.  It declares the few helpers the tests use
 * itself instead of including libbpf's bpf_helper_defs.h, whose Debian 12
 * version declares bpf_get_smp_processor_id without __bpf_fastcall.
 */
#ifndef NOCSR_TEST_H
#define NOCSR_TEST_H
#include <linux/types.h>
#include "nocsr/bpf_fastcall.h"

#define SEC(name) __attribute__((section(name), used))
#define __ksym __attribute__((section(".ksyms")))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name

static void *(*const bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*const bpf_map_update_elem)(void *map, const void *key,
					 const void *value, __u64 flags) = (void *)2;
static __u64 (*const bpf_ktime_get_ns)(void) = (void *)5;
static long (*const bpf_trace_printk)(const char *fmt, __u32 fmt_size, ...) = (void *)6;
static __u32 (*const bpf_get_prandom_u32)(void) = (void *)7;
static __bpf_fastcall __u32 (*const bpf_get_smp_processor_id)(void) = (void *)8;
static long (*const bpf_probe_read_kernel)(void *dst, __u32 size,
					   const void *unsafe_ptr) = (void *)113;

char LICENSE[] SEC("license") = "GPL";
#endif
