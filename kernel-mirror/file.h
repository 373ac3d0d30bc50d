/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Whole files in memory, for the loader and the CLI verbs; not installed. */
#ifndef NOCSR_MIRROR_FILE_H
#define NOCSR_MIRROR_FILE_H

#include <stddef.h>
#include <sys/stat.h>

/*
 * fd from its offset to end of file in a new buffer with a NUL after the
 * last byte (not counted in *lenp; lenp may be NULL).  st is fd's fstat
 * when the caller has it, else NULL.  A regular file of non-zero size is
 * read in one buffer of that size and no further: no read to see the end
 * of file, a file that grew since fstat is cut there.  Anything else,
 * /proc files (size 0) among them, fills a growing buffer to end of file:
 * a device that never ends is the caller's to refuse.  0 or a negative
 * errno; *bufp is only set on success.
 */
int nocsr_read_fd(int fd, const struct stat *st, char **bufp, size_t *lenp);

#endif
