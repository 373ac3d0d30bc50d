// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * What a run leaves behind: a digest and a text dump of every byte the
 * program could have written outside its stack (ctx, writable regions,
 * maps).  The stack is left out on purpose: the rewrite removes spill
 * slots, so the two programs legitimately differ there.
 */
#include <errno.h>
#include <string.h>

#include "vm_priv.h"

__u64 vm_hash(__u64 h, const void *p, size_t n)
{
	const __u8 *b = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

static bool vm_region_compared(const struct vm_region *r)
{
	return r->kind == VM_REG_CTX ||
	       (r->kind == VM_REG_DATA && r->writable);
}

__u64 vm_digest(struct nocsr_vm *vm, __u64 *undef_bytes)
{
	__u64 h = VM_HASH_INIT;
	__u32 i, j;

	*undef_bytes = 0;
	for (i = 0; i < vm->region_cnt; i++) {
		struct vm_region *r = &vm->regions[i];

		if (r->kind == VM_REG_MAP) {
			__u64 m = vm_map_digest(r->map, undef_bytes);

			h = vm_hash(h, &m, sizeof(m));
			continue;
		}
		if (!vm_region_compared(r))
			continue;
		h = vm_hash(h, r->name, strlen(r->name));
		h = vm_hash(h, r->mem, r->len);
		for (j = 0; j < r->len; j++)
			*undef_bytes += r->shadow[j] != 0;
	}
	return h;
}

static bool line_is_zero(const __u8 *mem, const __u8 *shadow, __u32 n)
{
	__u32 i;

	for (i = 0; i < n; i++)
		if (mem[i] || (shadow && shadow[i]))
			return false;
	return true;
}

/* 16 bytes a line, "?" after a garbage byte, runs of zero lines as "*". */
void vm_hexdump(FILE *f, const __u8 *mem, const __u8 *shadow, __u32 len)
{
	bool skipping = false;
	__u32 off, i, n;

	for (off = 0; off < len; off += 16) {
		n = len - off < 16 ? len - off : 16;
		if (off && off + n < len && line_is_zero(mem + off,
				shadow ? shadow + off : NULL, n)) {
			if (!skipping)
				fprintf(f, "  *\n");
			skipping = true;
			continue;
		}
		skipping = false;
		fprintf(f, "  %04x:", off);
		for (i = 0; i < n; i++)
			fprintf(f, " %02x%s", mem[off + i],
				shadow && shadow[off + i] ? "?" : "");
		fputc('\n', f);
	}
}

int nocsr_vm__dump_mem(struct nocsr_vm *vm, FILE *f)
{
	__u32 i;
	int err;

	if (!vm || !f)
		return -EINVAL;
	for (i = 0; i < vm->region_cnt; i++) {
		struct vm_region *r = &vm->regions[i];

		if (r->kind == VM_REG_MAP) {
			err = vm_map_dump(r->map, f);
			if (err)
				return err;
			continue;
		}
		if (!vm_region_compared(r))
			continue;
		fprintf(f, "%s: %u bytes\n", r->name, r->len);
		vm_hexdump(f, r->mem, r->shadow, r->len);
	}
	return 0;
}
