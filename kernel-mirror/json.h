/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* A tiny streaming JSON writer for the CLI's --json output. */
#ifndef NOCSR_JSON_H
#define NOCSR_JSON_H

#include <stdbool.h>
#include <stdio.h>

struct json {
	FILE *f;
	int depth;
	bool first[32];
	bool key;	/* a key was just written */
};

void json_init(struct json *j, FILE *f);
void json_obj_open(struct json *j);
void json_obj_close(struct json *j);
void json_arr_open(struct json *j);
void json_arr_close(struct json *j);
void json_key(struct json *j, const char *k);
void json_str(struct json *j, const char *s);	/* NULL prints null */
void json_int(struct json *j, long long v);
void json_bool(struct json *j, bool v);
/* key + value shorthands */
void json_kstr(struct json *j, const char *k, const char *s);
void json_kint(struct json *j, const char *k, long long v);
void json_kbool(struct json *j, const char *k, bool v);

#endif
