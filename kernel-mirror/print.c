// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The one print callback every library message goes through. */
#include <stdio.h>

#include "internal.h"

static int default_print(enum nocsr_print_level level, const char *fmt,
			 va_list args)
{
	if (level > NOCSR_WARN)
		return 0;
	return vfprintf(stderr, fmt, args);
}

static nocsr_print_fn_t print_fn = default_print;

nocsr_print_fn_t nocsr_set_print(nocsr_print_fn_t fn)
{
	nocsr_print_fn_t old = print_fn;

	print_fn = fn;
	return old;
}

void nocsr_pr(enum nocsr_print_level level, const char *fmt, ...)
{
	va_list ap;

	if (!print_fn)
		return;
	va_start(ap, fmt);
	print_fn(level, fmt, ap);
	va_end(ap);
}
