// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * vmlinux BTF, read for the few questions the mirror asks of it: struct
 * member offsets for context conversion (ctx.c), kfunc ids and prototypes
 * (kfunc.c).  libbpf's btf__parse() reads the 6 MB file through stdio,
 * copies it and indexes every type: ~60 ms per process, where a kernel
 * load of a small program takes a few.  Here the file is mapped (read in
 * one go where it cannot be), its header and sections checked, and its
 * type records walked once for their sizes, keeping where every 64th
 * starts; a question by name is one more pass over the records.  No index
 * by name: on this machine's VMs a page fault costs ~18 us, and the pages
 * of a hash table of vmlinux's 56k functions cost more than several
 * passes.
 *
 * It takes what libbpf 1.1's btf__parse() takes: raw BTF in either byte
 * order, else the last .BTF section of an ELF file, with the same checks
 * of the header, the string section and every record's size, and the same
 * answers (the first type of a name and kind, member offsets through
 * anonymous members).  It refuses in addition a version other than 1, a
 * header shorter than its own fields, and type graphs too deep or too
 * wide to search (only a corrupt file has them).  What it refuses it
 * names in one line, and the mirror goes on without vmlinux BTF, as it
 * did when libbpf refused.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <linux/btf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "internal.h"

/* ids per checkpoint of the walk: a record is at most 63 sizes away */
#define STRIDE		64

struct btf_scan {
	const uint8_t *types;
	const char *strs;
	uint32_t strs_len;
	uint32_t *mark;			/* mark[i]: record of id i * STRIDE + 1 */
	uint32_t cnt;			/* ids 1..cnt */
	bool swap;			/* not the host's byte order */
};

/* One type record, its fixed part in host order. */
struct rec {
	uint32_t name_off;
	uint32_t info;
	uint32_t type;			/* or size */
	const uint8_t *tail;		/* members, params... */
};

/*
 * Bytes a record has after struct btf_type: fixed, and per vlen item.
 * The kinds libbpf 1.1 knows (INT..ENUM64); any other is refused.
 */
static const struct {
	uint8_t fixed;
	uint8_t item;
} tail_size[BTF_KIND_ENUM64 + 1] = {
	[BTF_KIND_INT] = { sizeof(uint32_t), 0 },
	[BTF_KIND_ARRAY] = { sizeof(struct btf_array), 0 },
	[BTF_KIND_STRUCT] = { 0, sizeof(struct btf_member) },
	[BTF_KIND_UNION] = { 0, sizeof(struct btf_member) },
	[BTF_KIND_ENUM] = { 0, sizeof(struct btf_enum) },
	[BTF_KIND_FUNC_PROTO] = { 0, sizeof(struct btf_param) },
	[BTF_KIND_VAR] = { sizeof(struct btf_var), 0 },
	[BTF_KIND_DATASEC] = { 0, sizeof(struct btf_var_secinfo) },
	[BTF_KIND_DECL_TAG] = { sizeof(struct btf_decl_tag), 0 },
	[BTF_KIND_ENUM64] = { 0, sizeof(struct btf_enum64) },
};

/*
 * member_bits() gives up past this many typedef/modifier hops and nested
 * anonymous members, or this many members looked at: a corrupt file can
 * make the graph cyclic, or a DAG whose paths grow exponentially.
 * Linux 6.18's deepest question (sk_buff) looks at 101 members.
 */
#define MAX_DEPTH	32
#define MAX_VISITS	4096

static uint32_t get32(const struct btf_scan *s, const void *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return s->swap ? __builtin_bswap32(v) : v;
}

/* Bytes of the record whose info word is info; 0 for a kind libbpf 1.1 does not know. */
static uint32_t rec_size(uint32_t info)
{
	unsigned int kind = BTF_INFO_KIND(info);

	if (!kind || kind > BTF_KIND_ENUM64)
		return 0;
	return sizeof(struct btf_type) + tail_size[kind].fixed +
	       tail_size[kind].item * BTF_INFO_VLEN(info);
}

static void read_rec(const struct btf_scan *s, uint32_t pos, struct rec *r)
{
	const uint8_t *p = s->types + pos;

	r->name_off = get32(s, p);
	r->info = get32(s, p + 4);
	r->type = get32(s, p + 8);
	r->tail = p + sizeof(struct btf_type);
}

/* Void and ids past the last have no record (btf__type_by_id's void and NULL). */
static bool get_rec(const struct btf_scan *s, uint32_t id, struct rec *r)
{
	uint32_t pos, k;

	if (!id || id > s->cnt)
		return false;
	pos = s->mark[(id - 1) / STRIDE];
	for (k = (id - 1) % STRIDE; k; k--)
		pos += rec_size(get32(s, s->types + pos + 4));
	read_rec(s, pos, r);
	return true;
}

static const char *name_at(const struct btf_scan *s, uint32_t off)
{
	return off < s->strs_len ? s->strs + off : NULL;
}

__attribute__((format(printf, 3, 4)))
static int refuse(char *why, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, len, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* libbpf 1.1's btf_parse_hdr() and btf_parse_str_sec(), and the version. */
static int check_header(struct btf_scan *s, const uint8_t *data, size_t size,
			char *why, size_t len)
{
	struct btf_header h;

	if (size < sizeof(h))
		return refuse(why, len, "BTF of %zu bytes, shorter than its header", size);
	memcpy(&h, data, sizeof(h));
	if (h.magic == __builtin_bswap16(BTF_MAGIC)) {
		s->swap = true;
		h.hdr_len = __builtin_bswap32(h.hdr_len);
		h.type_off = __builtin_bswap32(h.type_off);
		h.type_len = __builtin_bswap32(h.type_len);
		h.str_off = __builtin_bswap32(h.str_off);
		h.str_len = __builtin_bswap32(h.str_len);
		if (h.hdr_len != sizeof(h))
			return refuse(why, len, "byte-swapped BTF with a %u-byte header",
				      h.hdr_len);
	} else if (h.magic != BTF_MAGIC) {
		return refuse(why, len, "bad BTF magic 0x%04x", h.magic);
	}
	if (h.version != BTF_VERSION)
		return refuse(why, len, "BTF version %u", h.version);
	if (h.hdr_len < sizeof(h) || h.hdr_len > size)
		return refuse(why, len, "BTF header length %u in %zu bytes",
			      h.hdr_len, size);
	size -= h.hdr_len;
	data += h.hdr_len;
	if ((uint64_t)h.str_off + h.str_len > size)
		return refuse(why, len, "string section at %u+%u past the end (%zu bytes)",
			      h.str_off, h.str_len, size);
	if ((uint64_t)h.type_off + h.type_len > h.str_off)
		return refuse(why, len, "type section at %u+%u overlaps the strings at %u",
			      h.type_off, h.type_len, h.str_off);
	if (h.type_off % 4)
		return refuse(why, len, "type section at %u not 4-byte aligned",
			      h.type_off);
	s->strs = (const char *)data + h.str_off;
	s->strs_len = h.str_len;
	/* 0x7fffffff: libbpf's BTF_MAX_STR_OFFSET */
	if (!h.str_len || h.str_len - 1 > 0x7fffffff || s->strs[0] ||
	    s->strs[h.str_len - 1])
		return refuse(why, len, "string section does not start and end with a NUL");
	s->types = data + h.type_off;
	return (int)h.type_len;
}

/* libbpf 1.1's btf_parse_type_sec(): every record's size, in one walk. */
static int walk_types(struct btf_scan *s, uint32_t len, char *why, size_t why_len)
{
	uint32_t pos = 0, info, size;

	s->mark = malloc((len / sizeof(struct btf_type) / STRIDE + 1) * sizeof(*s->mark));
	if (!s->mark)
		return refuse(why, why_len, "%s", strerror(ENOMEM));
	while (len - pos >= sizeof(struct btf_type)) {
		/* each step waits on the last record's size: fetch ahead */
		__builtin_prefetch(s->types + pos + 1024);
		info = get32(s, s->types + pos + 4);
		size = rec_size(info);
		if (!size)
			return refuse(why, why_len, "type [%u] of unknown kind %u",
				      s->cnt + 1, BTF_INFO_KIND(info));
		if (size > len - pos)
			return refuse(why, why_len, "type [%u] runs past the type section",
				      s->cnt + 1);
		if (s->cnt % STRIDE == 0)
			s->mark[s->cnt / STRIDE] = pos;
		s->cnt++;
		pos += size;
	}
	if (pos != len)
		return refuse(why, why_len, "type section ends inside a record");
	return 0;
}

int nocsr_btf_scan_new(const void *data, size_t size, struct btf_scan **out,
		       char *why, size_t why_len)
{
	struct btf_scan *s;
	int n;

	*out = NULL;
	if (size > UINT32_MAX)
		return refuse(why, why_len, "%zu bytes, too large for BTF", size);
	s = calloc(1, sizeof(*s));
	if (!s)
		return refuse(why, why_len, "%s", strerror(ENOMEM));
	n = check_header(s, data, size, why, why_len);
	if (n >= 0)
		n = walk_types(s, (uint32_t)n, why, why_len);
	if (n < 0) {
		nocsr_btf_scan_free(s);
		return n;
	}
	*out = s;
	return 0;
}

void nocsr_btf_scan_free(struct btf_scan *s)
{
	if (!s)
		return;
	free(s->mark);
	free(s);
}

/*
 * One pass in id order, so a name's first type wins as in
 * btf__find_by_name_kind(); it ends when every name is found.  A linear
 * pass over 3 MB of records costs less than the page faults of an index.
 */
void nocsr_btf_scan_find(const struct btf_scan *s, unsigned int kind,
			 const char *const *names, int *ids, size_t n)
{
	uint32_t id, pos, info, at;
	size_t left = n, i;

	for (i = 0; i < n; i++)
		ids[i] = 0;
	for (id = 1, pos = 0; id <= s->cnt && left; id++) {
		const char *name;

		at = pos;
		info = get32(s, s->types + at + 4);
		pos += rec_size(info);
		if (BTF_INFO_KIND(info) != kind ||
		    !(name = name_at(s, get32(s, s->types + at))))
			continue;
		for (i = 0; i < n; i++) {
			if (ids[i] || name[0] != names[i][0] || strcmp(name, names[i]))
				continue;
			ids[i] = (int)id;
			left--;
		}
	}
}

bool nocsr_btf_scan_func_proto(const struct btf_scan *s, uint32_t id,
			       unsigned int *nargs, bool *is_void)
{
	struct rec r;

	if (!get_rec(s, id, &r) || !get_rec(s, r.type, &r) ||
	    BTF_INFO_KIND(r.info) != BTF_KIND_FUNC_PROTO)
		return false;
	*nargs = BTF_INFO_VLEN(r.info);
	*is_void = !r.type;
	return true;
}

static bool is_alias(unsigned int kind)
{
	return kind == BTF_KIND_TYPEDEF || kind == BTF_KIND_VOLATILE ||
	       kind == BTF_KIND_CONST || kind == BTF_KIND_RESTRICT ||
	       kind == BTF_KIND_TYPE_TAG;
}

struct member_search {
	const char *name;
	uint32_t *bitsz;
	unsigned int visits;
};

static long member_bits(const struct btf_scan *s, uint32_t id,
			struct member_search *q, int depth)
{
	unsigned int i, kind, kflag;
	struct rec t;

	for (;;) {
		if (!get_rec(s, id, &t) || ++depth > MAX_DEPTH)
			return -1;
		kind = BTF_INFO_KIND(t.info);
		if (!is_alias(kind))
			break;
		id = t.type;
	}
	if (kind != BTF_KIND_STRUCT && kind != BTF_KIND_UNION)
		return -1;
	kflag = BTF_INFO_KFLAG(t.info);
	for (i = 0; i < BTF_INFO_VLEN(t.info); i++) {
		const uint8_t *m = t.tail + i * sizeof(struct btf_member);
		const char *n = name_at(s, get32(s, m));
		uint32_t off = get32(s, m + 8);
		long bits = kflag ? BTF_MEMBER_BIT_OFFSET(off) : off, r;

		if (++q->visits > MAX_VISITS)
			return -1;
		if (n && !strcmp(n, q->name)) {
			*q->bitsz = kflag ? BTF_MEMBER_BITFIELD_SIZE(off) : 0;
			return bits;
		}
		if (n && *n)
			continue;
		r = member_bits(s, get32(s, m + 4), q, depth);
		if (r >= 0)
			return bits + r;
	}
	return -1;
}

long nocsr_btf_scan_member_bits(const struct btf_scan *s, uint32_t id,
				const char *name, uint32_t *bitsz)
{
	struct member_search q = { .name = name, .bitsz = bitsz };

	return member_bits(s, id, &q, 0);
}

/* libbpf 1.1's btf_parse_elf(): the data of the last .BTF section. */
static int elf_btf(int fd, Elf **elfp, Elf_Data **datap, char *why, size_t len)
{
	Elf_Scn *scn = NULL;
	Elf_Data *data = NULL;
	size_t shstrndx;
	GElf_Shdr sh;
	Elf *elf;

	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ, NULL);
	*elfp = elf;
	if (!elf || elf_kind(elf) != ELF_K_ELF || elf_getshdrstrndx(elf, &shstrndx) ||
	    !elf_rawdata(elf_getscn(elf, shstrndx), NULL))
		return refuse(why, len, "neither BTF nor an ELF file with sections");
	while ((scn = elf_nextscn(elf, scn))) {
		const char *name;

		if (gelf_getshdr(scn, &sh) != &sh ||
		    !(name = elf_strptr(elf, shstrndx, sh.sh_name)))
			return refuse(why, len, "bad ELF section %zu", elf_ndxscn(scn));
		if (strcmp(name, ".BTF"))
			continue;
		data = elf_getdata(scn, NULL);
		if (!data)
			return refuse(why, len, "bad ELF section %zu (.BTF)",
				      elf_ndxscn(scn));
	}
	if (!data || !data->d_buf)
		return refuse(why, len, "an ELF file without a .BTF section");
	*datap = data;
	return 0;
}

/*
 * A file's bytes, mapped: sysfs maps vmlinux BTF straight from the kernel
 * image, where reading it copies 6 MB.  Read in one go where the file
 * cannot be mapped (older kernels' sysfs).
 */
static void *file_bytes(int fd, size_t *size, bool *mapped)
{
	struct stat st;
	void *p;

	errno = 0;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || !st.st_size)
		return NULL;
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	*mapped = p != MAP_FAILED;
	*size = (size_t)st.st_size;
	if (*mapped)
		return p;
	errno = -nocsr_read_fd(fd, &st, (char **)&p, size);
	return errno ? NULL : p;
}

/*
 * BTF from a file, kept for the process: the mapping (or buffer) of raw
 * BTF, or a copy of an ELF file's .BTF section.
 */
static int scan_file(const char *path, struct btf_scan **out, char *why, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), err;
	bool mapped = false;
	Elf_Data *data = NULL;
	void *sec = NULL;
	uint16_t magic;
	size_t size;
	void *buf;
	Elf *elf;

	if (fd < 0)
		return refuse(why, len, "%s", strerror(errno));
	buf = file_bytes(fd, &size, &mapped);
	if (!buf) {
		err = refuse(why, len, "%s", errno ? strerror(errno) :
			     "empty, or not a regular file");
		close(fd);
		return err;
	}
	magic = 0;
	if (size >= sizeof(magic))
		memcpy(&magic, buf, sizeof(magic));
	if (magic == BTF_MAGIC || magic == __builtin_bswap16(BTF_MAGIC)) {
		err = nocsr_btf_scan_new(buf, size, out, why, len);
		if (!err) {
			close(fd);
			return 0;
		}
	} else if (size < sizeof(magic)) {
		err = refuse(why, len, "%zu-byte file, shorter than a BTF header", size);
	} else {
		err = elf_btf(fd, &elf, &data, why, len);
		/* a copy, so the libelf handle can go: kept, it leaks */
		if (!err && !(sec = malloc(data->d_size ? data->d_size : 1)))
			err = refuse(why, len, "%s", strerror(ENOMEM));
		if (!err) {
			memcpy(sec, data->d_buf, data->d_size);
			err = nocsr_btf_scan_new(sec, data->d_size, out, why, len);
			if (err)
				free(sec);
		}
		elf_end(elf);
	}
	if (mapped)
		munmap(buf, size);
	else
		free(buf);
	close(fd);
	return err;
}

const struct btf_scan *nocsr_vmlinux_btf(bool *explicit)
{
	static struct btf_scan *vmlinux;
	static bool tried, from_env;
	const char *path;
	char why[128];

	*explicit = from_env;
	if (tried)
		return vmlinux;
	tried = true;
	path = getenv("NOCSR_VMLINUX");
	*explicit = from_env = path && strcmp(path, "none");
	if (!path)
		path = "/sys/kernel/btf/vmlinux";
	/* a kernel without BTF is no error, a file the user named that is missing is */
	if (!strcmp(path, "none") || (!from_env && access(path, R_OK)))
		return NULL;
	if (scan_file(path, &vmlinux, why, sizeof(why)))
		pr_warn("%s: not used as vmlinux BTF: %s\n", path, why);
	return vmlinux;
}
