// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * nocsr_vm core: lifecycle, memory regions and the run entry points.
 * The instruction semantics live in vm_exec.c, calls in vm_call.c.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "vm_priv.h"

/* Big enough for any verifier-accepted program (1M insns) and then some. */
#define VM_MAX_INSNS	(1 << 22)

int vm_fail(struct nocsr_vm *vm, int err, const char *fmt, ...)
{
	struct nocsr_vm_result *res = vm->res;
	va_list ap;

	/* The first error is the interesting one; later ones are fallout. */
	if (!res || res->err)
		return err;
	res->err = err;
	res->err_insn = vm->pc;
	va_start(ap, fmt);
	vsnprintf(res->msg, sizeof(res->msg), fmt, ap);
	va_end(ap);
	return err;
}

__u64 vm_rng_next(struct vm_rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dull;
}

/* splitmix64 of the seed, so that seeds 0, 1, 2 give unrelated streams. */
static void vm_rng_seed(struct vm_rng *r, __u64 seed, __u64 stream)
{
	__u64 z = seed + stream * 0x9e3779b97f4a7c15ull + 0x9e3779b97f4a7c15ull;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	z ^= z >> 31;
	r->s = z ? z : 1;
}

void vm_undef_use(struct nocsr_vm *vm)
{
	struct nocsr_vm_result *res = vm->res;

	if (!res)
		return;
	if (!res->undef_uses++)
		res->first_undef_use = vm->pc;
}

int vm_add_region(struct nocsr_vm *vm, const char *name,
		  enum vm_region_kind kind, void *buf, __u32 len,
		  bool writable, bool owned, __u32 *idx)
{
	struct vm_region *r;

	if (len >= VM_MAX_REGION_LEN)
		return -E2BIG;
	if (vm->region_cnt >= VM_MAX_REGIONS)
		return -ENOSPC;
	if (vm->region_cnt == vm->region_cap) {
		__u32 cap = vm->region_cap ? vm->region_cap * 2 : 32;
		void *p = realloc(vm->regions, cap * sizeof(*r));

		if (!p)
			return -ENOMEM;
		vm->regions = p;
		vm->region_cap = cap;
	}
	r = &vm->regions[vm->region_cnt];
	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "%s", name);
	r->shadow = calloc(len ? len : 1, 1);
	if (!r->shadow)
		return -ENOMEM;
	if (owned && !buf) {
		buf = calloc(len ? len : 1, 1);
		if (!buf) {
			free(r->shadow);
			return -ENOMEM;
		}
	}
	r->kind = kind;
	r->writable = writable;
	r->owned = owned;
	r->mem = buf;
	r->len = len;
	*idx = vm->region_cnt++;
	return 0;
}

/* Only stack, ctx, data and map values hold bytes the program may touch. */
static bool vm_region_is_data(const struct vm_region *r)
{
	return r->kind != VM_REG_CODE;
}

struct vm_region *vm_region_of(struct nocsr_vm *vm, __u64 addr, __u64 size,
			       bool write, __u32 *off)
{
	struct vm_region *r;
	__u32 idx = VM_ADDR_IDX(addr);

	if ((addr & VM_ADDR_TAG) != VM_ADDR_TAG || idx >= vm->region_cnt)
		return NULL;
	r = &vm->regions[idx];
	if (!vm_region_is_data(r) || (write && !r->writable) ||
	    VM_ADDR_OFF(addr) < r->lo)
		return NULL;
	if ((__u64)VM_ADDR_OFF(addr) + size > r->len)
		return NULL;
	*off = VM_ADDR_OFF(addr);
	return r;
}

const struct nocsr_vm_ctx_field *vm_ctx_field_of(struct nocsr_vm *vm,
						 __u64 addr, __u64 size)
{
	__u64 off = VM_ADDR_OFF(addr);
	__u32 i;

	if (!vm->ctx_field_cnt || (addr >> 32) != (VM_ADDR(vm->ctx_idx, 0) >> 32))
		return NULL;
	for (i = 0; i < vm->ctx_field_cnt; i++) {
		const struct nocsr_vm_ctx_field *f = &vm->ctx_fields[i];

		if (off < (__u64)f->off + f->size && f->off < off + size)
			return f;
	}
	return NULL;
}

int nocsr_vm__add_ctx_field(struct nocsr_vm *vm,
			    const struct nocsr_vm_ctx_field *field)
{
	struct nocsr_vm_ctx_field *f;

	if (!vm || !field || !field->size || field->size > 8 ||
	    vm_ctx_field_of(vm, VM_ADDR(vm->ctx_idx, field->off), field->size))
		return -EINVAL;
	f = realloc(vm->ctx_fields, (vm->ctx_field_cnt + 1) * sizeof(*f));
	if (!f)
		return -ENOMEM;
	vm->ctx_fields = f;
	f[vm->ctx_field_cnt++] = *field;
	return 0;
}

int vm_check(struct nocsr_vm *vm, __u64 addr, __u64 size, bool write,
	     __u8 **mem, __u8 **shadow)
{
	const struct nocsr_vm_ctx_field *f;
	struct vm_region *r;
	__u32 off;

	f = vm_ctx_field_of(vm, addr, size);
	if (f)
		return vm_fail(vm, -EACCES, "%s of %llu bytes at ctx+%u: the kernel converts ctx+%u",
			       write ? "store" : "load",
			       (unsigned long long)size, VM_ADDR_OFF(addr),
			       f->off);
	r = vm_region_of(vm, addr, size, write, &off);
	if (r) {
		*mem = r->mem + off;
		*shadow = r->shadow + off;
		return 0;
	}
	/* A store that would fit if the region were writable is -EACCES. */
	if (write && vm_region_of(vm, addr, size, false, &off))
		return vm_fail(vm, -EACCES, "store of %llu bytes to read-only %s+%u",
			       (unsigned long long)size,
			       vm->regions[VM_ADDR_IDX(addr)].name, off);
	return vm_fail(vm, -EFAULT, "%s of %llu bytes at 0x%llx outside any region",
		       write ? "store" : "load", (unsigned long long)size,
		       (unsigned long long)addr);
}

/* memmove between program addresses, carrying the garbage marks along. */
int vm_copy(struct nocsr_vm *vm, __u64 dst, __u64 src, __u32 n)
{
	__u8 *dm, *ds, *sm, *ss;
	int err;

	if (!n)
		return 0;
	err = vm_check(vm, src, n, false, &sm, &ss);
	if (!err)
		err = vm_check(vm, dst, n, true, &dm, &ds);
	if (err)
		return err;
	memmove(dm, sm, n);
	memmove(ds, ss, n);
	return 0;
}

void *nocsr_vm__mem(struct nocsr_vm *vm, __u64 addr, size_t size, bool write)
{
	struct vm_region *r;
	__u32 off;

	r = vm_region_of(vm, addr, size, write, &off);
	if (!r)
		return NULL;
	/* Whatever a host helper writes is a defined value. */
	if (write)
		memset(r->shadow + off, 0, size);
	return r->mem + off;
}

int nocsr_vm__add_region(struct nocsr_vm *vm, const char *name, void *buf,
			 size_t len, bool writable, __u64 *addr)
{
	__u32 idx;
	int err;

	if (!vm || !name || (!buf && len) || len >= VM_MAX_REGION_LEN)
		return -EINVAL;
	err = vm_add_region(vm, name, VM_REG_DATA, buf, len, writable, false,
			    &idx);
	if (err)
		return err;
	if (addr)
		*addr = VM_ADDR(idx, 0);
	return 0;
}

static int vm_add_fixed_regions(struct nocsr_vm *vm)
{
	char name[16];
	__u32 idx;
	int i, err;

	/* Frame i's stack is region i, so r10 of frame i is VM_ADDR(i, 512). */
	for (i = 0; i < NOCSR_VM_MAX_FRAMES; i++) {
		snprintf(name, sizeof(name), "stack%d", i);
		err = vm_add_region(vm, name, VM_REG_STACK, NULL,
				    NOCSR_VM_STACK_SIZE, true, true, &idx);
		if (err)
			return err;
	}
	err = vm_add_region(vm, "ctx", VM_REG_CTX, NULL, 0, true, false,
			    &vm->ctx_idx);
	if (err)
		return err;
	return vm_add_region(vm, "code", VM_REG_CODE, vm->insns,
			     vm->cnt * sizeof(struct bpf_insn), false, false,
			     &vm->code_idx);
}

static void vm_copy_opts(struct nocsr_vm *vm, const struct nocsr_vm_opts *opts)
{
	size_t sz;

	memset(&vm->opts, 0, sizeof(vm->opts));
	if (opts) {
		/* libbpf-style: an older, shorter opts leaves the rest zero. */
		sz = opts->sz && opts->sz < sizeof(*opts) ? opts->sz : sizeof(*opts);
		memcpy(&vm->opts, opts, sz);
	}
	vm->opts.sz = sizeof(vm->opts);
	if (!vm->opts.max_steps)
		vm->opts.max_steps = NOCSR_VM_DEFAULT_STEPS;
}

int nocsr_vm__new(struct nocsr_vm **vmp, const struct bpf_insn *insns,
		  size_t cnt, const struct nocsr_vm_opts *opts)
{
	struct nocsr_vm *vm;
	int err;

	if (!vmp || !insns || !cnt)
		return -EINVAL;
	if (cnt > VM_MAX_INSNS)
		return -E2BIG;
	if (opts && (unsigned int)opts->clobber > NOCSR_VM_CLOBBER_NONE)
		return -EINVAL;
	vm = calloc(1, sizeof(*vm));
	if (!vm)
		return -ENOMEM;
	vm->insns = malloc(cnt * sizeof(*insns));
	err = vm->insns ? 0 : -ENOMEM;
	if (!err) {
		memcpy(vm->insns, insns, cnt * sizeof(*insns));
		vm->cnt = (int)cnt;
		vm_copy_opts(vm, opts);
		err = vm_add_fixed_regions(vm);
	}
	if (!err)
		err = vm_install_builtins(vm);
	if (err) {
		nocsr_vm__free(vm);
		return err;
	}
	*vmp = vm;
	return 0;
}

void nocsr_vm__free(struct nocsr_vm *vm)
{
	__u32 i;

	if (!vm)
		return;
	vm_maps_free(vm);
	vm_funcs_free(vm);
	for (i = 0; i < vm->region_cnt; i++) {
		if (vm->regions[i].owned)
			free(vm->regions[i].mem);
		free(vm->regions[i].shadow);
	}
	free(vm->regions);
	free(vm->ctx_fields);
	free(vm->insns);
	free(vm->out);
	free(vm);
}

static int vm_set_ctx(struct nocsr_vm *vm, void *ctx, size_t ctx_len)
{
	struct vm_region *r = &vm->regions[vm->ctx_idx];
	void *shadow;

	if ((!ctx && ctx_len) || ctx_len >= VM_MAX_REGION_LEN)
		return -EINVAL;
	shadow = calloc(ctx_len ? ctx_len : 1, 1);
	if (!shadow)
		return -ENOMEM;
	free(r->shadow);
	r->shadow = shadow;
	r->mem = ctx;
	r->len = (__u32)ctx_len;
	return 0;
}

/* Fresh garbage for frame i's stack: reading it before writing is a bug. */
void vm_stack_scramble(struct nocsr_vm *vm, int frame)
{
	struct vm_region *r = &vm->regions[frame];
	__u32 i;

	for (i = 0; i < r->len; i += 8) {
		__u64 g = vm_rng_next(&vm->garbage);

		memcpy(r->mem + i, &g, 8);
	}
	memset(r->shadow, 1, r->len);
}

static void vm_reset_machine(struct nocsr_vm *vm, void *ctx)
{
	int i;

	vm_rng_seed(&vm->garbage, vm->opts.seed, 1);
	vm_rng_seed(&vm->prandom, vm->opts.prandom_seed, 2);
	vm->ktime = 1000000000ull;
	/* The kernel's may_goto budget per program run (BPF_MAX_LOOPS). */
	vm->may_goto = 8u << 20;
	for (i = 0; i < VM_NR_REGS; i++)
		vm->regs[i] = vm_rng_next(&vm->garbage);
	vm->regs[1] = ctx ? VM_ADDR(vm->ctx_idx, 0) : 0;
	vm->regs[10] = VM_ADDR(0, NOCSR_VM_STACK_SIZE);
	vm->undef = ((1u << VM_NR_REGS) - 1) & ~((1u << 1) | (1u << 10));
	vm_stack_scramble(vm, 0);
	memset(vm->frames, 0, sizeof(vm->frames));
	vm->frames[0].stop = 1;
	vm->depth = 1;
	vm->pc = 0;
}

int nocsr_vm__run(struct nocsr_vm *vm, void *ctx, size_t ctx_len,
		  struct nocsr_vm_result *res)
{
	int err;

	if (!vm || !res)
		return -EINVAL;
	memset(res, 0, sizeof(*res));
	res->err_insn = -1;
	res->first_undef_use = -1;
	res->unknown_ctx_off = -1;
	err = vm_set_ctx(vm, ctx, ctx_len);
	if (err)
		return res->err = err;
	vm->res = res;
	vm_reset_machine(vm, ctx);
	err = vm_exec(vm);
	if (err && !res->err)
		vm_fail(vm, err, "error %d", err);
	res->r0 = vm->regs[0];
	res->r0_undef = vm->undef & 1;
	res->mem_digest = vm_digest(vm, &res->mem_undef_bytes);
	vm->res = NULL;
	return res->err;
}

int nocsr_vm__exec(const struct bpf_insn *insns, size_t cnt, void *ctx,
		   size_t ctx_len, const struct nocsr_vm_opts *opts,
		   struct nocsr_vm_result *res)
{
	struct nocsr_vm *vm;
	int err;

	if (!res)
		return -EINVAL;
	memset(res, 0, sizeof(*res));
	res->err_insn = -1;
	res->first_undef_use = -1;
	err = nocsr_vm__new(&vm, insns, cnt, opts);
	if (err)
		return res->err = err;
	if (vm->opts.setup) {
		err = vm->opts.setup(vm, vm->opts.priv);
		if (err) {
			snprintf(res->msg, sizeof(res->msg), "setup failed: %d", err);
			nocsr_vm__free(vm);
			return res->err = err;
		}
	}
	err = nocsr_vm__run(vm, ctx, ctx_len, res);
	nocsr_vm__free(vm);
	return err;
}

int nocsr_vm__cpu(const struct nocsr_vm *vm)
{
	return (int)vm->opts.cpu;
}

const char *nocsr_vm__output(const struct nocsr_vm *vm, size_t *len)
{
	if (len)
		*len = vm->out_len;
	return vm->out ? vm->out : "";
}

void nocsr_vm__clear_output(struct nocsr_vm *vm)
{
	vm->out_len = 0;
	if (vm->out)
		vm->out[0] = '\0';
}
