// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * One reader for whole files: the loader's objects, `nocsr fixup`'s image
 * and /proc/kallsyms for `nocsr kernel`.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "file.h"
#include "internal.h"

/* First buffer when fstat gives no size; doubled as needed. */
#define GROW_FIRST	(64u << 10)

static int grow(char **buf, size_t *cap)
{
	char *n = realloc(*buf, 2 * *cap + 1);

	if (!n)
		return -ENOMEM;
	*buf = n;
	*cap *= 2;
	return 0;
}

int nocsr_read_fd(int fd, const struct stat *st, char **bufp, size_t *lenp)
{
	size_t len = 0, cap;
	struct stat own;
	ssize_t got;
	bool sized;
	char *buf;
	int err = 0;

	if (!st) {
		if (fstat(fd, &own))
			return -errno;
		st = &own;
	}
	sized = S_ISREG(st->st_mode) && st->st_size > 0;
	cap = sized ? (size_t)st->st_size : GROW_FIRST;
	buf = malloc(cap + 1);
	if (!buf)
		return -ENOMEM;
	nocsr_huge_pages(buf, cap + 1);
	for (;;) {
		if (len == cap) {
			if (sized)
				break;
			err = grow(&buf, &cap);
			if (err)
				break;
		}
		got = read(fd, buf + len, cap - len);
		if (got > 0) {
			len += (size_t)got;
		} else if (!got) {
			break;
		} else if (errno != EINTR) {
			err = -errno;
			break;
		}
	}
	if (err) {
		free(buf);
		return err;
	}
	buf[len] = 0;
	*bufp = buf;
	if (lenp)
		*lenp = len;
	return 0;
}
