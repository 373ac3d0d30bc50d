/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Common prelude of the C test programs: libbpf's helpers plus the macro. */
#ifndef NOCSR_TEST_H
#define NOCSR_TEST_H
#include <linux/types.h>
#include <bpf/bpf_helpers.h>
#include "nocsr/bpf_fastcall.h"
#endif
