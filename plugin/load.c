// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Brings in the clang half when libnocsr.so finds itself inside clang.
 *
 * The attribute and the plugin argument subclass clang classes whose
 * vtables point into libclang-cpp.  llc does not have that library, and the
 * dynamic loader resolves vtable entries at load time, so with them inside
 * `llc -load libnocsr.so` would fail.  They live in libnocsr_clang.so, next
 * to this library, which we load only when clang is the host.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* dladdr; LLVM_DEFINITIONS usually has it */
#endif
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "ir.h"

/* Any libclang-cpp symbol: present in clang, absent from llc and opt. */
#define CLANG_PROBE	"_ZN5clang15PluginASTAction6anchorEv"
#define CLANG_HALF	"libnocsr_clang.so"

__attribute__((constructor)) static void load_clang_half(void)
{
	void (*init)(bool *mark_known);
	char path[PATH_MAX];
	const char *slash;
	Dl_info self;
	void *h;

	if (!dlsym(RTLD_DEFAULT, CLANG_PROBE))
		return;
	if (!dladdr((void *)load_clang_half, &self) || !self.dli_fname)
		return;
	slash = strrchr(self.dli_fname, '/');
	snprintf(path, sizeof(path), "%.*s" CLANG_HALF,
		 slash ? (int)(slash - self.dli_fname + 1) : 0, self.dli_fname);
	h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		fprintf(stderr, "nocsr: cannot load the clang half: %s\n",
			dlerror());
		return;
	}
	init = (void (*)(bool *))dlsym(h, "nocsr_clang__init");
	if (init)
		init(&nocsr_mark_known);
}
