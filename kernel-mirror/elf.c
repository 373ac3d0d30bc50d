// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * ELF loader: builds every program of an object the way libbpf 1.1 hands
 * it to the kernel.
 *
 *  - programs are the STT_FUNC symbols of executable sections other than
 *    .text, ordered by section and offset;
 *  - subprograms are the STT_FUNC symbols of .text; each program gets the
 *    ones it reaches appended in the order its calls (and ld_imm64 function
 *    references) are met, depth first, as bpf_object__reloc_code() does;
 *  - bpf-to-bpf call immediates are resolved to the start of the appended
 *    copy;
 *  - ld_imm64 map and global-data references keep the map name as a
 *    placeholder (ids only exist at load time); kfunc calls become
 *    src_reg = BPF_PSEUDO_KFUNC_CALL with their name kept.
 *
 * CO-RE relocations are not applied (naked-asm and plain C objects have
 * none that change instructions we care about); a warning says so.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "file.h"
#include "internal.h"

#ifndef EM_BPF
#define EM_BPF 247
#endif
#define R_BPF_64_64	1
#define R_BPF_64_32	10
#define INSN_SZ		8

struct sec {
	const char *name;
	GElf_Shdr sh;
	Elf_Data *data;
	bool exec;
	size_t insn_cnt;
	struct rel *rels;	/* per insn, NULL when none */
	/* .BTF.ext line info records of this section */
	const char *lines;
	size_t line_cnt;
};

struct rel {
	bool has;
	GElf_Sym sym;
	const char *sym_name;
	size_t sym_sec;
};

struct func {
	const char *name;
	size_t sec;
	size_t off, cnt;	/* in insns, within the section */
	bool global;
	bool hidden;		/* libbpf makes a hidden function static in BTF */
	/* per-program linking state */
	long sub_off;		/* -1: not appended to the current program */
};

struct loader {
	const char *path;
	int fd;
	Elf *elf;
	size_t shnum, shstrndx;
	struct sec *secs;
	size_t text;		/* .text section index, 0 if none */
	size_t symtab;
	size_t sym_cnt;
	struct func *funcs;
	size_t func_cnt;
	struct btf *btf;
	const char *btf_ext;
	size_t btf_ext_size;
	const char *bad_btf;	/* section libbpf could not parse, or NULL */
	bool needs_btf;		/* libbpf_needs_btf(): BTF maps, externs... */
	uint32_t line_rec_size;
	struct nocsr_obj *obj;
	/* program being built */
	struct bpf_insn *insns;
	struct insn_meta *meta;
	size_t cnt, cap;
	struct prog_line *lines;
	size_t line_cnt, line_cap;
	struct prog_func *pfuncs;	/* l->func_cnt of them at most */
	size_t pfunc_cnt;
};

static int fail(struct loader *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct loader *l, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_warn("%s: %s\n", l->path, msg);
	return -EINVAL;
}

#define STR_CHUNK	4096
#define HUGE_PAGE	((uintptr_t)2 << 20)

/*
 * A million-insn program touches some 100 MB of per-instruction arrays;
 * faulting them in 4 KB at a time cost as much as the analysis.  Only the
 * 2 MB-aligned inside of the block is advised: small arrays are left alone.
 */
void nocsr_huge_pages(void *p, size_t size)
{
	uintptr_t start = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	uintptr_t end = ((uintptr_t)p + size) & ~(HUGE_PAGE - 1);

	if (p && end > start)
		madvise((void *)start, end - start, MADV_HUGEPAGE);
}

/* One allocation per chunk, not per string; chunks fill from the end down. */
const char *nocsr_strs_dup(struct nocsr_strs *a, const char *s)
{
	size_t len, size;
	char **n, *d;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	if (len > a->free) {
		if (a->cnt == a->cap) {
			size_t cap = a->cap ? 2 * a->cap : 16;

			n = realloc(a->chunks, cap * sizeof(*n));
			if (!n)
				return NULL;
			a->chunks = n;
			a->cap = cap;
		}
		size = len > STR_CHUNK ? len : STR_CHUNK;
		d = malloc(size);
		if (!d)
			return NULL;
		a->chunks[a->cnt++] = d;
		a->free = size;
	}
	a->free -= len;
	return memcpy(a->chunks[a->cnt - 1] + a->free, s, len);
}

void nocsr_strs_free(struct nocsr_strs *a)
{
	size_t i;

	for (i = 0; i < a->cnt; i++)
		free(a->chunks[i]);
	free(a->chunks);
	memset(a, 0, sizeof(*a));
}

/* A copy of s that lives as long as obj. */
const char *nocsr_obj_strdup(struct nocsr_obj *obj, const char *s)
{
	return nocsr_strs_dup(&obj->strs, s);
}

static bool is_map_sec(const char *n)
{
	return !strcmp(n, ".maps") || !strcmp(n, "maps");
}

/* The ELF header checks libelf leaves to us, one clear message each. */
static int check_ehdr(struct loader *l, uint64_t size)
{
	GElf_Ehdr eh;
	size_t raw_len = 0;
	const char *raw = elf_rawfile(l->elf, &raw_len);

	if (elf_kind(l->elf) != ELF_K_ELF) {
		if (raw && raw_len >= SELFMAG && !memcmp(raw, ELFMAG, SELFMAG))
			return fail(l, "truncated ELF header (%zu bytes)", raw_len);
		return fail(l, "not an ELF file");
	}
	if (!gelf_getehdr(l->elf, &eh))
		return fail(l, "truncated or corrupt ELF header: %s", elf_errmsg(-1));
	if (eh.e_ident[EI_CLASS] != ELFCLASS64)
		return fail(l, "not a 64-bit ELF file (BPF objects are ELF64)");
	if (eh.e_ident[EI_DATA] != ELFDATA2LSB)
		return fail(l, "big-endian ELF: only little-endian BPF objects are supported");
	if (eh.e_machine != EM_BPF)
		return fail(l, "not a BPF object (machine %u)", eh.e_machine);
	if (eh.e_type != ET_REL)
		return fail(l, "not a relocatable BPF object");
	if (eh.e_shentsize != sizeof(Elf64_Shdr))
		return fail(l, "bad section header entry size %u (expected %zu)",
			    eh.e_shentsize, sizeof(Elf64_Shdr));
	if (eh.e_shoff > size ||
	    eh.e_shoff + (uint64_t)eh.e_shnum * eh.e_shentsize > size)
		return fail(l, "truncated or corrupt ELF: section header table (%u entries at %llu) lies past the end of the file (%llu bytes)",
			    eh.e_shnum, (unsigned long long)eh.e_shoff,
			    (unsigned long long)size);
	return 0;
}

static int read_sections(struct loader *l)
{
	size_t i, size = 0;
	int err;

	elf_rawfile(l->elf, &size);
	if ((err = check_ehdr(l, size)))
		return err;
	if (elf_getshdrnum(l->elf, &l->shnum) || elf_getshdrstrndx(l->elf, &l->shstrndx))
		return fail(l, "bad section table: %s", elf_errmsg(-1));
	if (!l->shnum)
		return fail(l, "no sections (truncated or corrupt ELF)");
	if (l->shstrndx >= l->shnum)
		return fail(l, "bad section name table index %zu", l->shstrndx);
	l->secs = calloc(l->shnum ? l->shnum : 1, sizeof(*l->secs));
	if (!l->secs)
		return -ENOMEM;
	for (i = 1; i < l->shnum; i++) {
		Elf_Scn *scn = elf_getscn(l->elf, i);
		struct sec *s = &l->secs[i];

		if (!scn || !gelf_getshdr(scn, &s->sh))
			return fail(l, "bad section %zu: %s", i, elf_errmsg(-1));
		s->name = elf_strptr(l->elf, l->shstrndx, s->sh.sh_name);
		if (!s->name)
			return fail(l, "bad section name of section %zu", i);
		if (s->sh.sh_type != SHT_NOBITS) {
			s->data = elf_getdata(scn, NULL);
			if (!s->data && s->sh.sh_size)
				return fail(l, "section %s is truncated: %s",
					    s->name, elf_errmsg(-1));
			if (s->data && s->data->d_size != s->sh.sh_size)
				return fail(l, "section %s is truncated", s->name);
		}
		if (s->sh.sh_type == SHT_PROGBITS &&
		    (s->sh.sh_flags & SHF_EXECINSTR) && s->sh.sh_size) {
			if (s->sh.sh_size % INSN_SZ)
				return fail(l, "section %s: size %llu is not a multiple of 8",
					    s->name, (unsigned long long)s->sh.sh_size);
			s->exec = true;
			s->insn_cnt = s->sh.sh_size / INSN_SZ;
			if (!strcmp(s->name, ".text"))
				l->text = i;
		}
		if (s->sh.sh_type == SHT_SYMTAB) {
			if (l->symtab)
				return fail(l, "more than one symbol table");
			if (s->sh.sh_link >= l->shnum || !s->data)
				return fail(l, "bad symbol table");
			l->symtab = i;
		}
		if (!strcmp(s->name, ".BTF") && s->data && s->data->d_size) {
			libbpf_print_fn_t old = libbpf_set_print(NULL);

			/* libbpf takes the last .BTF section */
			btf__free(l->btf);
			l->bad_btf = NULL;
			l->btf = btf__new(s->data->d_buf, s->data->d_size);
			libbpf_set_print(old);
			if (libbpf_get_error(l->btf)) {
				l->btf = NULL;
				l->bad_btf = ".BTF";
			}
		}
		if (!strcmp(s->name, ".BTF.ext") && s->data) {
			l->btf_ext = s->data->d_buf;
			l->btf_ext_size = s->data->d_size;
		}
		if (is_map_sec(s->name) || !strncmp(s->name, ".struct_ops", 11) ||
		    !strcmp(s->name, ".kconfig"))
			l->needs_btf = true;
	}
	if (!l->symtab)
		return fail(l, "no symbol table");
	return 0;
}

static int get_sym(struct loader *l, size_t idx, GElf_Sym *sym, const char **name)
{
	struct sec *st = &l->secs[l->symtab];

	if (!gelf_getsym(st->data, (int)idx, sym))
		return fail(l, "bad symbol index %zu", idx);
	*name = elf_strptr(l->elf, st->sh.sh_link, sym->st_name);
	if (!*name)
		return fail(l, "symbol %zu: name offset %u lies outside the string table",
			    idx, sym->st_name);
	if (sym->st_shndx >= l->shnum && sym->st_shndx < SHN_LORESERVE)
		return fail(l, "symbol %s: section index %u out of range (%zu sections)",
			    *name, sym->st_shndx, l->shnum);
	return 0;
}

static int cmp_func(const void *a, const void *b)
{
	const struct func *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

static int read_symbols(struct loader *l)
{
	struct sec *st = &l->secs[l->symtab];
	size_t n = st->sh.sh_entsize ? st->sh.sh_size / st->sh.sh_entsize : 0;
	size_t i;

	if (!st->sh.sh_entsize || st->sh.sh_entsize != sizeof(Elf64_Sym))
		return fail(l, "bad symbol table entry size");
	l->sym_cnt = n;
	l->funcs = calloc(n ? n : 1, sizeof(*l->funcs));
	if (!l->funcs)
		return -ENOMEM;
	for (i = 1; i < n; i++) {
		GElf_Sym sym;
		const char *name = NULL;	/* set when get_sym() succeeds */
		struct func *f;
		struct sec *s;

		if (get_sym(l, i, &sym, &name))
			return -EINVAL;
		/* an extern: libbpf resolves it against kernel BTF */
		if (sym.st_shndx == SHN_UNDEF && *name &&
		    GELF_ST_BIND(sym.st_info) != STB_LOCAL)
			l->needs_btf = true;
		if (GELF_ST_TYPE(sym.st_info) != STT_FUNC ||
		    sym.st_shndx == SHN_UNDEF || sym.st_shndx >= l->shnum)
			continue;
		s = &l->secs[sym.st_shndx];
		if (!s->exec)
			continue;
		if (sym.st_value % INSN_SZ || sym.st_size % INSN_SZ ||
		    sym.st_value + sym.st_size > s->sh.sh_size)
			return fail(l, "function %s lies outside section %s",
				    name, s->name);
		f = &l->funcs[l->func_cnt++];
		f->name = name;
		f->sec = sym.st_shndx;
		f->off = sym.st_value / INSN_SZ;
		f->cnt = sym.st_size / INSN_SZ;
		f->global = GELF_ST_BIND(sym.st_info) != STB_LOCAL;
		f->hidden = GELF_ST_VISIBILITY(sym.st_other) == STV_HIDDEN;
		if (!f->cnt)	/* clang leaves sizes of naked asm at zero sometimes */
			f->cnt = s->insn_cnt - f->off;
	}
	qsort(l->funcs, l->func_cnt, sizeof(*l->funcs), cmp_func);
	return 0;
}

static int read_relocs(struct loader *l)
{
	size_t i;

	for (i = 1; i < l->shnum; i++) {
		struct sec *r = &l->secs[i], *t;
		size_t j, n;

		if (r->sh.sh_type == SHT_RELA && r->sh.sh_info < l->shnum &&
		    l->secs[r->sh.sh_info].exec)
			return fail(l, "RELA relocations in %s are not BPF", r->name);
		if (r->sh.sh_type != SHT_REL)
			continue;
		if (r->sh.sh_info >= l->shnum)
			return fail(l, "relocation section %s targets no section", r->name);
		t = &l->secs[r->sh.sh_info];
		if (!t->exec)
			continue;
		if (r->sh.sh_link != l->symtab)
			return fail(l, "relocation section %s uses another symbol table", r->name);
		if (!r->data || !r->sh.sh_entsize)
			return fail(l, "bad relocation section %s", r->name);
		t->rels = calloc(t->insn_cnt, sizeof(*t->rels));
		if (!t->rels)
			return -ENOMEM;
		n = r->sh.sh_size / r->sh.sh_entsize;
		for (j = 0; j < n; j++) {
			GElf_Rel rel;
			struct rel *d;
			size_t symi, idx;

			if (!gelf_getrel(r->data, (int)j, &rel))
				return fail(l, "bad relocation %zu in %s", j, r->name);
			if (rel.r_offset % INSN_SZ || rel.r_offset / INSN_SZ >= t->insn_cnt)
				return fail(l, "relocation %zu in %s: offset %llu outside %s",
					    j, r->name, (unsigned long long)rel.r_offset,
					    t->name);
			idx = rel.r_offset / INSN_SZ;
			symi = GELF_R_SYM(rel.r_info);
			d = &t->rels[idx];
			if (GELF_R_TYPE(rel.r_info) != R_BPF_64_64 &&
			    GELF_R_TYPE(rel.r_info) != R_BPF_64_32)
				return fail(l, "relocation %zu in %s: unsupported relocation type %llu",
					    j, r->name,
					    (unsigned long long)GELF_R_TYPE(rel.r_info));
			if (symi >= l->sym_cnt)
				return fail(l, "relocation %zu in %s: bad symbol index %zu",
					    j, r->name, symi);
			if (get_sym(l, symi, &d->sym, &d->sym_name))
				return -EINVAL;
			d->sym_sec = d->sym.st_shndx;
			d->has = true;
		}
	}
	return 0;
}

/*
 * libbpf 1.1 refuses an object whose .BTF or .BTF.ext it cannot parse when
 * the object needs BTF (BTF-defined maps, externs, struct_ops, kconfig);
 * otherwise it warns and loads the object without them.
 */
static int check_btf(struct loader *l)
{
	libbpf_print_fn_t old;
	struct btf_ext *ext;

	if (l->btf && l->btf_ext) {
		old = libbpf_set_print(NULL);
		ext = btf_ext__new((const __u8 *)l->btf_ext, (__u32)l->btf_ext_size);
		libbpf_set_print(old);
		if (libbpf_get_error(ext))
			l->bad_btf = ".BTF.ext";
		else
			btf_ext__free(ext);
	}
	if (!l->bad_btf)
		return 0;
	l->btf_ext = NULL;
	if (l->needs_btf)
		return fail(l, "corrupt %s section (libbpf needs BTF for this object and refuses it)",
			    l->bad_btf);
	pr_warn("%s: ignoring corrupt %s section, as libbpf does\n", l->path, l->bad_btf);
	return 0;
}

/* Unaligned little reads: section data of a corrupt file may be anywhere. */
static uint32_t rd32(const void *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint16_t rd16(const void *p)
{
	uint16_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* .BTF.ext: line info records, grouped by section name. */
static void read_line_info(struct loader *l)
{
	const uint8_t *p = (const uint8_t *)l->btf_ext;
	uint32_t hdr_len, off, len, rec, pos;

	if (!p || !l->btf || l->btf_ext_size < 32)
		return;
	if (rd16(p) != 0xeB9F)
		return;
	hdr_len = rd32(p + 4);
	if (hdr_len < 32 || hdr_len > l->btf_ext_size)
		return;
	off = rd32(p + 16);
	len = rd32(p + 20);
	if ((uint64_t)hdr_len + off + len > l->btf_ext_size || len < 4)
		return;
	p += hdr_len + off;
	rec = rd32(p);
	if (rec < 16 || rec % 4)
		return;
	l->line_rec_size = rec;
	pos = 4;
	while (pos + 8 <= len) {
		uint32_t name_off = rd32(p + pos);
		uint32_t num = rd32(p + pos + 4);
		const char *name = btf__name_by_offset(l->btf, name_off);
		size_t i;

		pos += 8;
		if ((uint64_t)num * rec > len - pos)
			return;
		for (i = 1; name && i < l->shnum; i++) {
			if (l->secs[i].exec && !strcmp(l->secs[i].name, name)) {
				l->secs[i].lines = (const char *)(p + pos);
				l->secs[i].line_cnt = num;
			}
		}
		pos += num * rec;
	}
}

/* Integer encoded as __uint(name, val): a pointer to an array of val ints. */
static bool map_uint(const struct btf *btf, uint32_t type, uint32_t *v)
{
	const struct btf_type *t = btf__type_by_id(btf, type);

	if (!t || !btf_is_ptr(t))
		return false;
	t = btf__type_by_id(btf, t->type);
	if (!t || !btf_is_array(t))
		return false;
	*v = btf_array(t)->nelems;
	return true;
}

/* Map definitions of the .maps section, like libbpf's parse_btf_map_def(). */
static void read_maps(struct loader *l)
{
	const struct btf_type *sec;
	const struct btf_var_secinfo *vi;
	int id, i, n;

	if (!l->btf)
		return;
	id = btf__find_by_name_kind(l->btf, ".maps", BTF_KIND_DATASEC);
	if (id <= 0 || !(sec = btf__type_by_id(l->btf, id)))
		return;
	n = btf_vlen(sec);
	l->obj->maps = calloc(n ? n : 1, sizeof(*l->obj->maps));
	if (!l->obj->maps)
		return;
	for (i = 0, vi = btf_var_secinfos(sec); i < n; i++, vi++) {
		const struct btf_type *var = btf__type_by_id(l->btf, vi->type);
		const struct btf_type *def;
		const struct btf_member *m;
		struct nocsr_map *map;
		int k;

		if (!var || !btf_is_var(var))
			continue;
		def = btf__type_by_id(l->btf, var->type);
		while (def && (btf_is_typedef(def) || btf_is_mod(def)))
			def = btf__type_by_id(l->btf, def->type);
		if (!def || !btf_is_struct(def))
			continue;
		map = &l->obj->maps[l->obj->map_cnt++];
		map->name = btf__name_by_offset(l->btf, var->name_off);
		for (k = 0, m = btf_members(def); k < btf_vlen(def); k++, m++) {
			const char *mn = btf__name_by_offset(l->btf, m->name_off);
			const struct btf_type *pt;
			long long sz;

			if (!mn)
				continue;
			if (!strcmp(mn, "type"))
				map_uint(l->btf, m->type, &map->type);
			else if (!strcmp(mn, "max_entries"))
				map_uint(l->btf, m->type, &map->max_entries);
			else if (!strcmp(mn, "map_flags"))
				map_uint(l->btf, m->type, &map->flags);
			else if (!strcmp(mn, "key_size"))
				map_uint(l->btf, m->type, &map->key_size);
			else if (!strcmp(mn, "value_size"))
				map_uint(l->btf, m->type, &map->value_size);
			else if ((!strcmp(mn, "key") || !strcmp(mn, "value")) &&
				 (pt = btf__type_by_id(l->btf, m->type)) && btf_is_ptr(pt) &&
				 (sz = btf__resolve_size(l->btf, pt->type)) > 0)
				*(mn[0] == 'k' ? &map->key_size : &map->value_size) = (uint32_t)sz;
		}
	}
}

int nocsr_obj_map(const struct nocsr_obj *obj, const char *name)
{
	size_t i;

	for (i = 0; name && i < obj->map_cnt; i++)
		if (obj->maps[i].name && !strcmp(obj->maps[i].name, name))
			return (int)i;
	return -1;
}

static struct func *func_at(struct loader *l, size_t sec, size_t idx)
{
	size_t i;

	for (i = 0; i < l->func_cnt; i++)
		if (l->funcs[i].sec == sec && idx >= l->funcs[i].off &&
		    idx < l->funcs[i].off + l->funcs[i].cnt)
			return &l->funcs[i];
	return NULL;
}

static struct prog_line *add_line(struct loader *l)
{
	if (l->line_cnt == l->line_cap) {
		size_t cap = l->line_cap ? 2 * l->line_cap : 16;
		struct prog_line *n = realloc(l->lines, cap * sizeof(*n));

		if (!n)
			return NULL;
		l->lines = n;
		l->line_cap = cap;
	}
	return &l->lines[l->line_cnt++];
}

static int append(struct loader *l, struct func *f)
{
	struct sec *s = &l->secs[f->sec];
	struct prog_func *pf;
	size_t i;

	if (l->cnt + f->cnt > l->cap) {
		size_t cap = (l->cnt + f->cnt) * 2;
		void *a = realloc(l->insns, cap * sizeof(*l->insns));

		if (!a)
			return -ENOMEM;
		l->insns = a;
		a = realloc(l->meta, cap * sizeof(*l->meta));
		if (!a)
			return -ENOMEM;
		l->meta = a;
		l->cap = cap;
		nocsr_huge_pages(l->insns, cap * sizeof(*l->insns));
		nocsr_huge_pages(l->meta, cap * sizeof(*l->meta));
	}
	f->sub_off = (long)l->cnt;
	memcpy(l->insns + l->cnt, (const char *)s->data->d_buf + f->off * INSN_SZ,
	       f->cnt * INSN_SZ);
	memset(l->meta + l->cnt, 0, f->cnt * sizeof(*l->meta));
	pf = &l->pfuncs[l->pfunc_cnt];
	pf->name = nocsr_obj_strdup(l->obj, f->name);
	if (!pf->name)
		return -ENOMEM;
	pf->start = l->cnt;
	pf->file_off = s->sh.sh_offset + f->off * INSN_SZ;
	/* BTF_FUNC_GLOBAL in the func info libbpf passes on (none without BTF) */
	pf->global = f->global && !f->hidden && l->btf && l->btf_ext;
	for (i = 0; i < f->cnt; i++)
		l->meta[l->cnt + i].func = (uint32_t)l->pfunc_cnt;
	l->pfunc_cnt++;
	/* line info: the record covering each insn, as bpftool shows it */
	for (i = 0; i < s->line_cnt; i++) {
		const char *rp = s->lines + i * l->line_rec_size;
		uint32_t r[4] = { rd32(rp), rd32(rp + 4), rd32(rp + 8), rd32(rp + 12) };
		size_t at = r[0] / INSN_SZ;
		struct prog_line *ln;

		if (at < f->off || at >= f->off + f->cnt)
			continue;
		if (!(ln = add_line(l)))
			return -ENOMEM;
		ln->file = btf__name_by_offset(l->btf, r[1]);
		ln->source = btf__name_by_offset(l->btf, r[2]);
		ln->line = r[3] >> 10;
		l->meta[l->cnt + at - f->off].line = (uint32_t)l->line_cnt;
	}
	for (i = 1; i < f->cnt; i++) {
		struct insn_meta *m = &l->meta[l->cnt + i];

		if ((!m->line || !l->lines[m->line - 1].file) &&
		    m[-1].line && l->lines[m[-1].line - 1].file)
			m->line = m[-1].line;
	}
	l->cnt += f->cnt;
	return 0;
}

static bool is_data_sec(const char *n)
{
	return !strcmp(n, ".data") || !strcmp(n, ".bss") ||
	       !strncmp(n, ".rodata", 7) || !strncmp(n, ".data.", 6) ||
	       !strcmp(n, ".kconfig");
}

/* Resolve relocations and calls of function f (already appended). */
static int reloc_func(struct loader *l, struct func *f, int depth)
{
	struct sec *s = &l->secs[f->sec];
	size_t i;
	int err;

	if (depth > 256)
		return fail(l, "call chain too deep");
	for (i = 0; i < f->cnt; i++) {
		size_t at = (size_t)f->sub_off + i;
		struct bpf_insn *insn = &l->insns[at];
		struct insn_meta *m = &l->meta[at];
		struct rel *r = s->rels && s->rels[f->off + i].has ?
				&s->rels[f->off + i] : NULL;
		bool call = nocsr_insn_is_call(insn);
		bool ld64 = nocsr_insn_is_ldimm64(insn);
		long target = -1;
		struct func *sub;

		if (ld64 && i + 1 >= f->cnt)
			return fail(l, "%s: ld_imm64 at insn %zu is truncated",
				    f->name, i);
		if (r && !call && !ld64)
			return fail(l, "%s: relocation at insn %zu is neither a call nor ld_imm64",
				    f->name, i);
		if (r && r->sym_sec == SHN_UNDEF) {
			m->sym = nocsr_obj_strdup(l->obj, r->sym_name);
			if (call) {
				insn->src_reg = NOCSR_PSEUDO_KFUNC_CALL;
				insn->imm = 0;
				m->kind = SYM_KFUNC;
				nocsr_kfunc_proto(l->obj, l->btf, m);
				insn->imm = m->kf_btf_id;
			} else {
				insn->src_reg = BPF_PSEUDO_BTF_ID;
				insn[0].imm = 0;
				insn[1].imm = 0;
				m->kind = SYM_KSYM;
			}
			continue;
		}
		if (r && (r->sym_sec >= l->shnum))
			return fail(l, "%s: relocation at insn %zu against a bad symbol",
				    f->name, i);
		if (r && ld64 && !l->secs[r->sym_sec].exec) {
			const char *sn = l->secs[r->sym_sec].name;

			if (is_map_sec(sn)) {
				insn->src_reg = BPF_PSEUDO_MAP_FD;
				insn[0].imm = 0;
				insn[1].imm = 0;
				m->kind = SYM_MAP;
				m->sym = nocsr_obj_strdup(l->obj, r->sym_name);
			} else if (is_data_sec(sn)) {
				insn->src_reg = BPF_PSEUDO_MAP_VALUE;
				insn[1].imm = insn[0].imm + (int32_t)r->sym.st_value;
				insn[0].imm = 0;
				m->kind = SYM_DATA;
				m->sym = nocsr_obj_strdup(l->obj, sn);
			} else {
				return fail(l, "%s: ld_imm64 at insn %zu refers to section %s",
					    f->name, i, sn);
			}
			continue;
		}
		if (call && insn->src_reg == NOCSR_PSEUDO_CALL) {
			if (r) {
				if (r->sym_sec != l->text)
					return fail(l, "%s: call at insn %zu into section %s (only .text holds subprograms)",
						    f->name, i, l->secs[r->sym_sec].name);
				if (r->sym.st_value % INSN_SZ)
					return fail(l, "%s: call at insn %zu to a misaligned symbol",
						    f->name, i);
				target = (long)(r->sym.st_value / INSN_SZ) + insn->imm + 1;
			} else {
				if (f->sec != l->text)
					return fail(l, "%s: call at insn %zu without relocation outside .text",
						    f->name, i);
				target = (long)(f->off + i) + insn->imm + 1;
			}
		} else if (call && r) {
			return fail(l, "%s: relocation on helper call at insn %zu",
				    f->name, i);
		} else if (ld64 && r) {
			if (r->sym_sec != l->text)
				return fail(l, "%s: ld_imm64 at insn %zu refers to code outside .text",
					    f->name, i);
			if ((r->sym.st_value + insn->imm) % INSN_SZ)
				return fail(l, "%s: misaligned function reference at insn %zu",
					    f->name, i);
			target = (long)((r->sym.st_value + insn->imm) / INSN_SZ);
			insn->src_reg = BPF_PSEUDO_FUNC;
		} else if (ld64 && insn->src_reg == BPF_PSEUDO_FUNC) {
			return fail(l, "%s: function reference at insn %zu has no relocation",
				    f->name, i);
		}
		if (ld64)
			i++;	/* second slot */
		if (!(call && insn->src_reg == NOCSR_PSEUDO_CALL) &&
		    !(ld64 && insn->src_reg == BPF_PSEUDO_FUNC))
			continue;
		if (target < 0 || !(sub = func_at(l, l->text, (size_t)target)))
			return fail(l, "%s: call at insn %zu has no target function",
				    f->name, ld64 ? i - 1 : i);
		if (sub->sub_off < 0) {
			if ((err = append(l, sub)))
				return err;
			if ((err = reloc_func(l, sub, depth + 1)))
				return err;
		}
		insn = &l->insns[at];
		insn->imm = (int32_t)(sub->sub_off - (long)at - 1);
	}
	return 0;
}

/* Every slot decodes to an instruction the kernel knows. */
static int check_insns(struct loader *l, const struct nocsr_prog *p)
{
	size_t i;

	for (i = 0; i < p->insn_cnt; i++) {
		const char *why;

		if (!nocsr_insn_valid(&p->insns[i], p->insn_cnt - i, &why))
			return fail(l, "program %s: insn %zu (code 0x%02x): %s",
				    p->name, i, p->insns[i].code, why);
		if (nocsr_insn_is_ldimm64(&p->insns[i]))
			i++;
	}
	return 0;
}

static int build_prog(struct loader *l, struct func *f, struct nocsr_prog *p)
{
	size_t i;
	int err;

	for (i = 0; i < l->func_cnt; i++)
		l->funcs[i].sub_off = -1;
	l->insns = NULL;
	l->meta = NULL;
	l->cnt = l->cap = 0;
	l->lines = NULL;
	l->line_cnt = l->line_cap = 0;
	l->pfuncs = malloc(l->func_cnt * sizeof(*l->pfuncs));
	l->pfunc_cnt = 0;
	if (!l->pfuncs)
		err = -ENOMEM;
	else
		err = append(l, f);
	if (err || (err = reloc_func(l, f, 0))) {
		free(l->insns);
		free(l->meta);
		free(l->lines);
		free(l->pfuncs);
		return err;
	}
	p->obj = l->obj;
	p->name = strdup(f->name);
	p->sec_name = strdup(l->secs[f->sec].name);
	p->insns = l->insns;
	p->meta = l->meta;
	p->insn_cnt = l->cnt;
	p->lines = l->lines;
	p->line_cnt = l->line_cnt;
	p->funcs = l->pfuncs;
	p->func_cnt = l->pfunc_cnt;
	if (!p->name || !p->sec_name)
		return -ENOMEM;
	p->raw_smp_proto = nocsr_sec_raw_smp_processor_id(p->sec_name);
	return check_insns(l, p);
}

static void loader_free(struct loader *l)
{
	size_t i;

	if (l->secs)
		for (i = 0; i < l->shnum; i++)
			free(l->secs[i].rels);
	free(l->secs);
	free(l->funcs);
	if (l->elf)
		elf_end(l->elf);
	if (l->fd >= 0)
		close(l->fd);
}

/* Everything after the ELF handle exists: shared by the file and memory forms. */
static int open_elf(struct loader *l)
{
	size_t i, n = 0;
	int err;

	if ((err = read_sections(l)) || (err = read_symbols(l)) ||
	    (err = read_relocs(l)) || (err = check_btf(l)))
		return err;
	read_line_info(l);
	read_maps(l);
	for (i = 0; i < l->func_cnt; i++)
		if (l->funcs[i].sec != l->text)
			n++;
	if (!n)
		return fail(l, "no BPF program (no function in an executable section other than .text)");
	l->obj->progs = calloc(n, sizeof(*l->obj->progs));
	if (!l->obj->progs)
		return -ENOMEM;
	for (i = 0; i < l->func_cnt; i++) {
		if (l->funcs[i].sec == l->text)
			continue;
		if (!l->funcs[i].global)
			return fail(l, "program %s in %s is static (libbpf refuses it)",
				    l->funcs[i].name, l->secs[l->funcs[i].sec].name);
		err = build_prog(l, &l->funcs[i], &l->obj->progs[l->obj->prog_cnt]);
		l->obj->prog_cnt++;
		if (err)
			return err;
	}
	return 0;
}

static struct nocsr_obj *obj_new(const char *name)
{
	struct nocsr_obj *obj = calloc(1, sizeof(*obj));

	if (obj && !(obj->path = strdup(name))) {
		free(obj);
		return NULL;
	}
	return obj;
}

/* fd >= 0: read the file; otherwise the buffer. */
static int open_common(const char *name, int fd, const void *buf, size_t size,
		       struct nocsr_obj **objp)
{
	struct loader l = { .path = name, .fd = fd };
	int err;

	*objp = NULL;
	if (elf_version(EV_CURRENT) == EV_NONE) {
		loader_free(&l);
		return -EINVAL;
	}
	l.obj = obj_new(name);
	if (!l.obj) {
		loader_free(&l);
		return -ENOMEM;
	}
	/* libelf only reads the buffer (ELF_C_READ_MMAP copies on write) */
	l.elf = fd >= 0 ? elf_begin(fd, ELF_C_READ, NULL) :
			  elf_memory((char *)buf, size);
	if (!l.elf)
		err = fail(&l, "not an ELF file (%s)", elf_errmsg(-1));
	else
		err = open_elf(&l);
	/* line info and map names point into it */
	l.obj->btf = l.btf;
	loader_free(&l);
	if (err) {
		nocsr_obj__close(l.obj);
		return err;
	}
	*objp = l.obj;
	return 0;
}

/*
 * A regular file is read in one go and parsed from memory: libelf reading
 * the descriptor itself makes three more system calls, and on a small
 * object those cost more than the analysis.  Anything else (a directory,
 * a device, an unreadable file) still goes to libelf for its message, and
 * so does a file shorter than an ELF header: libelf reading the descriptor
 * makes a handle of kind "none" for a cut header (our "truncated ELF
 * header"), its memory form refuses the bytes outright.
 */
int nocsr_obj__open(const char *path, struct nocsr_obj **objp)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), err;
	struct stat st;
	size_t size;
	char *buf;

	*objp = NULL;
	if (fd < 0) {
		err = -errno;
		pr_warn("%s: %s\n", path, strerror(errno));
		return err;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) ||
	    st.st_size < (off_t)sizeof(Elf64_Ehdr) ||
	    nocsr_read_fd(fd, &st, &buf, &size))
		return open_common(path, fd, NULL, 0, objp);
	close(fd);
	/* nothing of the object points into the file's bytes */
	err = open_common(path, -1, buf, size, objp);
	free(buf);
	return err;
}

int nocsr_obj__open_mem(const void *buf, size_t size, const char *name,
			struct nocsr_obj **objp)
{
	return open_common(name, -1, buf, size, objp);
}

int nocsr_obj__from_insns(const struct bpf_insn *insns, size_t cnt,
			  const char *sec_name, struct nocsr_obj **objp)
{
	struct loader l = { .path = sec_name, .fd = -1 };
	struct nocsr_prog *p;
	int err = -ENOMEM;

	*objp = NULL;
	if (!cnt) {
		pr_warn("%s: empty program\n", sec_name);
		return -EINVAL;
	}
	l.obj = obj_new(sec_name);
	if (!l.obj)
		return -ENOMEM;
	p = l.obj->progs = calloc(1, sizeof(*p));
	if (!p)
		goto out;
	l.obj->prog_cnt = 1;
	p->obj = l.obj;
	p->name = strdup("prog");
	p->sec_name = strdup(sec_name);
	p->insns = malloc(cnt * sizeof(*insns));
	p->meta = calloc(cnt, sizeof(*p->meta));
	if (!p->name || !p->sec_name || !p->insns || !p->meta)
		goto out;
	memcpy(p->insns, insns, cnt * sizeof(*insns));
	p->insn_cnt = cnt;
	err = check_insns(&l, p);
out:
	if (err) {
		nocsr_obj__close(l.obj);
		return err;
	}
	*objp = l.obj;
	return 0;
}

void nocsr_obj__close(struct nocsr_obj *obj)
{
	size_t i;

	if (!obj)
		return;
	for (i = 0; i < obj->prog_cnt; i++) {
		struct nocsr_prog *p = &obj->progs[i];

		nocsr_prog_reset(p);
		free(p->name);
		free(p->sec_name);
		free(p->insns);
		free(p->meta);
		free(p->lines);
		free(p->funcs);
	}
	nocsr_strs_free(&obj->strs);
	free(obj->helper_names);
	btf__free(obj->btf);
	free(obj->maps);
	free(obj->progs);
	free(obj->path);
	free(obj);
}

size_t nocsr_obj__prog_cnt(const struct nocsr_obj *obj)
{
	return obj->prog_cnt;
}

struct nocsr_prog *nocsr_obj__prog(const struct nocsr_obj *obj, size_t i)
{
	return i < obj->prog_cnt ? &obj->progs[i] : NULL;
}

struct nocsr_prog *nocsr_obj__find_prog(const struct nocsr_obj *obj,
					const char *name)
{
	size_t i;

	for (i = 0; i < obj->prog_cnt; i++)
		if (!strcmp(obj->progs[i].name, name))
			return &obj->progs[i];
	return NULL;
}

const struct prog_line *nocsr_insn_line(const struct nocsr_prog *p, size_t i)
{
	return p->meta[i].line ? &p->lines[p->meta[i].line - 1] : NULL;
}

const struct prog_func *nocsr_insn_func(const struct nocsr_prog *p, size_t i)
{
	return p->func_cnt ? &p->funcs[p->meta[i].func] : NULL;
}

const char *nocsr_prog__name(const struct nocsr_prog *p) { return p->name; }
const char *nocsr_prog__section(const struct nocsr_prog *p) { return p->sec_name; }
size_t nocsr_prog__insn_cnt(const struct nocsr_prog *p) { return p->insn_cnt; }
const struct bpf_insn *nocsr_prog__insns(const struct nocsr_prog *p) { return p->insns; }
