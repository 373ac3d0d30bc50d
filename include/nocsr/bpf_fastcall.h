/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * __bpf_fastcall with the same guard as libbpf's generated headers, so one
 * source builds with clang 20+ (native attribute), with clang 19 and the
 * nocsr plugin (which provides the attribute), and degraded with neither
 * (the macro expands to nothing and calls stay ordinary calls).  clang 14-16
 * do not report plugin attributes to __has_attribute: there the plugin
 * defines __bpf_fastcall itself before this header is read.
 */
#ifndef NOCSR_BPF_FASTCALL_H
#define NOCSR_BPF_FASTCALL_H

#ifndef __bpf_fastcall
#if __has_attribute(bpf_fastcall)
#define __bpf_fastcall __attribute__((bpf_fastcall))
#else
#define __bpf_fastcall
#endif
#endif

#endif
