// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Helper and kfunc calls: the function tables, and the clobber rule that
 * is the reason this VM exists.  After a call the ABI leaves r1..r5 (and r0
 * of a void function) undefined; a kernel that honours bpf_fastcall only
 * lets a fastcall function touch its clobber mask.  We model "undefined"
 * as seeded garbage marked as such, so a program relying on it shows up.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "nocsr/contract.h"
#include "nocsr/helpers.h"
#include "vm_priv.h"

/* The kernel profile whose fastcall lists serve as the default. */
#define VM_DEFAULT_KERNEL	NOCSR_K6_18

/*
 * A short list, not a table indexed by id: internal ids sit near 0xffff,
 * and a table that size per VM made every run allocate megabytes.
 */
static struct vm_func *vm_helper(struct nocsr_vm *vm, __s32 id)
{
	__u32 i;

	for (i = 0; i < vm->helper_cnt; i++)
		if (vm->helpers[i].id == id)
			return &vm->helpers[i];
	return NULL;
}

static struct vm_func *vm_kfunc(struct nocsr_vm *vm, const char *name)
{
	__u32 i;

	for (i = 0; i < vm->kfunc_cnt; i++)
		if (!strcmp(vm->kfuncs[i].name, name))
			return &vm->kfuncs[i];
	return NULL;
}

int nocsr_vm__set_helper(struct nocsr_vm *vm, __s32 id, nocsr_vm_func_t fn,
			 void *priv)
{
	const struct nocsr_helper *proto = nocsr_helper_find(id);
	struct vm_func *f;

	if (!vm || id <= 0 || id > 0xffff || !fn)
		return -EINVAL;
	f = vm_helper(vm, id);
	if (!f) {
		f = realloc(vm->helpers, (vm->helper_cnt + 1) * sizeof(*f));
		if (!f)
			return -ENOMEM;
		vm->helpers = f;
		f = &vm->helpers[vm->helper_cnt++];
		memset(f, 0, sizeof(*f));
		f->id = id;
	}
	f->fn = fn;
	f->priv = priv;
	f->set = true;
	/* Unknown helpers: assume the widest prototype. */
	f->nargs = proto ? proto->nargs : 5;
	f->is_void = proto ? proto->is_void : false;
	if (proto)
		snprintf(f->name, sizeof(f->name), "bpf_%s", proto->name);
	else
		snprintf(f->name, sizeof(f->name), "helper#%d", id);
	return 0;
}

int nocsr_vm__set_kfunc(struct nocsr_vm *vm, const char *name,
			unsigned int nargs, bool is_void, nocsr_vm_func_t fn,
			void *priv)
{
	struct vm_func *f, *p;

	if (!vm || !name || !fn || nargs > 5 || strlen(name) >= sizeof(f->name))
		return -EINVAL;
	f = vm_kfunc(vm, name);
	if (!f) {
		p = realloc(vm->kfuncs, (vm->kfunc_cnt + 1) * sizeof(*p));
		if (!p)
			return -ENOMEM;
		vm->kfuncs = p;
		f = &vm->kfuncs[vm->kfunc_cnt++];
		memset(f, 0, sizeof(*f));
		strcpy(f->name, name);
	}
	f->fn = fn;
	f->priv = priv;
	f->nargs = nargs;
	f->is_void = is_void;
	f->set = true;
	return 0;
}

void vm_funcs_free(struct nocsr_vm *vm)
{
	free(vm->helpers);
	free(vm->kfuncs);
}

static bool vm_is_fastcall(struct nocsr_vm *vm, const struct nocsr_vm_call *c)
{
	if (vm->opts.is_fastcall)
		return vm->opts.is_fastcall(c, vm->opts.priv);
	if (c->is_kfunc)
		return c->name && nocsr_kfunc_is_fastcall(c->name, VM_DEFAULT_KERNEL);
	return nocsr_helper_is_fastcall(c->id, VM_DEFAULT_KERNEL);
}

/* r0 gets the result; the mask decides which of r0..r5 become garbage. */
static void vm_clobber(struct nocsr_vm *vm, const struct nocsr_vm_call *c,
		       __u64 ret, bool ret_undef)
{
	enum nocsr_vm_clobber mode = vm->opts.clobber;
	bool fast = mode == NOCSR_VM_CLOBBER_NEW && vm_is_fastcall(vm, c);
	unsigned int mask = NOCSR_ALL_CALLER_SAVED;
	int r;

	vm->res->calls++;
	if (fast) {
		vm->res->fastcalls++;
		mask = nocsr_clobber_mask(c->nargs, c->is_void);
	}
	if (mode == NOCSR_VM_CLOBBER_NONE) {
		/* The interpreter stores the C return value even for void. */
		vm_set_reg(vm, BPF_REG_0, ret, ret_undef);
		return;
	}
	if (!c->is_void)
		vm_set_reg(vm, BPF_REG_0, ret, ret_undef);
	else if (mask & 1)
		vm_set_reg(vm, BPF_REG_0, vm_rng_next(&vm->garbage), true);
	for (r = BPF_REG_1; r <= BPF_REG_5; r++)
		if (mask & (1u << r))
			vm_set_reg(vm, r, vm_rng_next(&vm->garbage), true);
}

static struct vm_func *vm_resolve_kfunc(struct nocsr_vm *vm,
					const struct bpf_insn *insn,
					struct nocsr_vm_call *c)
{
	struct vm_func *f;

	c->is_kfunc = true;
	if (vm->opts.kfunc_name)
		c->name = vm->opts.kfunc_name(insn->imm, insn->off, vm->opts.priv);
	if (!c->name) {
		vm_fail(vm, -ENOENT, "kfunc with BTF id %d has no name", insn->imm);
		return NULL;
	}
	f = vm_kfunc(vm, c->name);
	if (!f)
		vm_fail(vm, -ENOENT, "kfunc %.64s not implemented", c->name);
	return f;
}

static struct vm_func *vm_resolve_func(struct nocsr_vm *vm,
				       const struct bpf_insn *insn,
				       struct nocsr_vm_call *c)
{
	struct vm_func *f;

	memset(c, 0, sizeof(*c));
	c->insn = vm->pc;
	c->id = insn->imm;
	if (insn->src_reg == BPF_PSEUDO_KFUNC_CALL)
		return vm_resolve_kfunc(vm, insn, c);
	f = vm_helper(vm, insn->imm);
	if (!f) {
		vm_fail(vm, -ENOENT, "helper %d not implemented", insn->imm);
		return NULL;
	}
	c->name = f->name;
	return f;
}

/*
 * arch_bpf_timed_may_goto -> bpf_check_timed_may_goto: stamps the frame's
 * {count, timestamp} slot pair and refills the count until a quarter
 * second has passed.  The VM has no clock: refills come out of the same
 * BPF_MAX_LOOPS budget plain may_goto uses, so a loop bounded only by
 * may_goto stops after about as many iterations in both forms.
 */
static int vm_timed_may_goto(struct nocsr_vm *vm)
{
	const __u64 refill = 0xffff;	/* BPF_MAX_TIMED_LOOPS */
	__u64 stamp = 1, ax = 0;
	__u8 *mem, *shadow;
	int err;

	err = vm_check(vm, vm->regs[BPF_REG_10] + vm->regs[VM_REG_AX], 16, true,
		       &mem, &shadow);
	if (err)
		return err;
	memcpy(mem + 8, &stamp, sizeof(stamp));
	memset(shadow + 8, 0, sizeof(stamp));
	if (vm->may_goto >= refill) {
		vm->may_goto -= refill;
		ax = refill;
	}
	vm_set_reg(vm, VM_REG_AX, ax, false);
	return 0;
}

int vm_call(struct nocsr_vm *vm, const struct bpf_insn *insn)
{
	struct nocsr_vm_call c;
	struct vm_func *f;
	nocsr_vm_func_t fn;
	__u64 args[5], ret = 0;
	unsigned int argmask;
	void *priv;
	int err;

	if (vm->opts.xlated && insn->src_reg == 0 &&
	    insn->imm == NOCSR_VM_FUNC_TIMED_MAY_GOTO)
		return vm_timed_may_goto(vm);
	f = vm_resolve_func(vm, insn, &c);
	if (!f)
		return vm->res->err;
	/* Copy out: the function may extend the tables and move f. */
	fn = f->fn;
	priv = f->priv;
	c.nargs = f->nargs;
	c.is_void = f->is_void;
	argmask = nocsr_clobber_mask(c.nargs, true);
	if (vm->undef & argmask)
		vm_undef_use(vm);
	memcpy(args, &vm->regs[BPF_REG_1], sizeof(args));
	err = fn(vm, args, &ret, priv);
	if (err)
		return vm_fail(vm, err, "%.64s failed", c.name);
	vm_clobber(vm, &c, ret, vm->undef & argmask);
	return 0;
}

int nocsr_vm__call(struct nocsr_vm *vm, __u64 func, const __u64 *args,
		   unsigned int nargs, __u64 *ret)
{
	__u64 regs[VM_NR_REGS], target = VM_ADDR_OFF(func) / sizeof(struct bpf_insn);
	int pc = vm->pc, depth = vm->depth, err;
	__u16 undef = vm->undef;
	unsigned int i;

	if (!vm->res || nargs > 5)
		return -EINVAL;
	if ((func & VM_ADDR_TAG) != VM_ADDR_TAG ||
	    VM_ADDR_IDX(func) != vm->code_idx ||
	    VM_ADDR_OFF(func) % sizeof(struct bpf_insn) || target >= (__u64)vm->cnt)
		return vm_fail(vm, -EINVAL, "0x%llx is not a function",
			       (unsigned long long)func);
	memcpy(regs, vm->regs, sizeof(regs));
	err = vm_push_frame(vm, pc, true);
	if (err)
		return err;
	for (i = 0; i < 5; i++)
		vm_set_reg(vm, BPF_REG_1 + i, i < nargs ? args[i] :
			   vm_rng_next(&vm->garbage), i >= nargs);
	vm->pc = (int)target;
	err = vm_exec(vm);
	if (ret)
		*ret = vm->regs[BPF_REG_0];
	memcpy(vm->regs, regs, sizeof(regs));
	vm->undef = undef;
	vm->pc = pc;
	vm->depth = depth;
	return err;
}

static int vm_out_append(struct nocsr_vm *vm, const char *s, size_t n)
{
	size_t need = vm->out_len + n + 2;
	char *p;

	/* A runaway printk loop must not eat the host's memory. */
	if (need > (16u << 20))
		return 0;
	if (need > vm->out_cap) {
		size_t cap = need * 2 > 256 ? need * 2 : 256;

		p = realloc(vm->out, cap);
		if (!p)
			return -ENOMEM;
		vm->out = p;
		vm->out_cap = cap;
	}
	memcpy(vm->out + vm->out_len, s, n);
	vm->out_len += n;
	if (!n || s[n - 1] != '\n')
		vm->out[vm->out_len++] = '\n';
	vm->out[vm->out_len] = '\0';
	return 0;
}

/* Built-in helpers. */

static int h_map_args(struct nocsr_vm *vm, const __u64 *args,
		      struct nocsr_vm_map **map, __u8 **key)
{
	__u8 *shadow;
	__u32 i;
	int err;

	*map = nocsr_vm__map_at(vm, args[0]);
	if (!*map)
		return vm_fail(vm, -EINVAL, "r1 0x%llx is not a map",
			       (unsigned long long)args[0]);
	err = vm_check(vm, args[1], (*map)->key_size, false, key, &shadow);
	if (err)
		return err;
	for (i = 0; i < (*map)->key_size; i++)
		if (shadow[i]) {
			vm_undef_use(vm);
			break;
		}
	return 0;
}

static int h_map_lookup(struct nocsr_vm *vm, const __u64 *args, __u64 *ret,
			void *priv)
{
	struct nocsr_vm_map *map;
	__u8 *key;
	int err;

	(void)priv;
	err = h_map_args(vm, args, &map, &key);
	if (err)
		return err;
	if (vm_map_lookup_addr(map, key, ret))
		*ret = 0;
	return 0;
}

/* What the verifier's inline hash lookup calls: an element, not a value. */
static int h_htab_lookup(struct nocsr_vm *vm, const __u64 *args, __u64 *ret,
			 void *priv)
{
	struct nocsr_vm_map *map;
	__u8 *key;
	int err;

	err = h_map_args(vm, args, &map, &key);
	if (err)
		return err;
	if (!map->is_hash)
		return vm_fail(vm, -EINVAL, "%s is not a hash map", map->name);
	err = h_map_lookup(vm, args, ret, priv);
	if (!err && *ret)
		*ret -= NOCSR_VM_HTAB_VALUE_OFF;
	return err;
}

static int h_map_update(struct nocsr_vm *vm, const __u64 *args, __u64 *ret,
			void *priv)
{
	struct nocsr_vm_map *map;
	__u8 *key, *val, *shadow;
	int err;

	(void)priv;
	err = h_map_args(vm, args, &map, &key);
	if (!err)
		err = vm_check(vm, args[2], map->value_size, false, &val, &shadow);
	if (err)
		return err;
	*ret = (__u64)(__s64)vm_map_update(map, key, val, shadow, args[3]);
	return 0;
}

static int h_map_delete(struct nocsr_vm *vm, const __u64 *args, __u64 *ret,
			void *priv)
{
	struct nocsr_vm_map *map;
	__u8 *key;
	int err;

	(void)priv;
	err = h_map_args(vm, args, &map, &key);
	if (err)
		return err;
	*ret = (__u64)(__s64)nocsr_vm_map__delete(map, key);
	return 0;
}

/* probe_read*: a bad destination is the program's bug, a bad source the
 * helper's -EFAULT with the destination zeroed, as in the kernel. */
static int h_probe_read(struct nocsr_vm *vm, const __u64 *args, __u64 *ret,
			void *priv)
{
	__u32 n = (__u32)args[1], off;
	__u8 *dst, *shadow;
	int err;

	(void)priv;
	err = vm_check(vm, args[0], n, true, &dst, &shadow);
	if (err)
		return err;
	if (!vm_region_of(vm, args[2], n, false, &off)) {
		memset(dst, 0, n);
		memset(shadow, 0, n);
		*ret = (__u64)-EFAULT;
		return 0;
	}
	*ret = 0;
	return vm_copy(vm, args[0], args[2], n);
}

static int h_probe_read_str(struct nocsr_vm *vm, const __u64 *args,
			    __u64 *ret, void *priv)
{
	__u32 n = (__u32)args[1], i, off;
	struct vm_region *src;
	__u8 *dst, *shadow;
	int err;

	(void)priv;
	err = vm_check(vm, args[0], n, true, &dst, &shadow);
	if (err || !n)
		return err;
	src = vm_region_of(vm, args[2], 1, false, &off);
	for (i = 0; src && i < n - 1 && off + i < src->len; i++) {
		dst[i] = src->mem[off + i];
		shadow[i] = src->shadow[off + i];
		if (!dst[i])
			break;
	}
	if (!src || (i < n - 1 && off + i >= src->len)) {
		memset(dst, 0, n);
		memset(shadow, 0, n);
		*ret = (__u64)-EFAULT;
		return 0;
	}
	dst[i] = 0;
	shadow[i] = 0;
	*ret = i + 1;
	return 0;
}

static int h_ktime(struct nocsr_vm *vm, const __u64 *args, __u64 *ret,
		   void *priv)
{
	(void)args;
	(void)priv;
	/* Per call, not per insn: the two programs differ in length. */
	*ret = vm->ktime;
	vm->ktime += 1000;
	return 0;
}

static int h_prandom(struct nocsr_vm *vm, const __u64 *args, __u64 *ret,
		     void *priv)
{
	(void)args;
	(void)priv;
	*ret = (__u32)vm_rng_next(&vm->prandom);
	return 0;
}

static int h_cpu(struct nocsr_vm *vm, const __u64 *args, __u64 *ret,
		 void *priv)
{
	(void)args;
	(void)priv;
	*ret = vm->opts.cpu;
	return 0;
}

static int h_const(struct nocsr_vm *vm, const __u64 *args, __u64 *ret,
		   void *priv)
{
	(void)vm;
	(void)args;
	*ret = (__u64)(uintptr_t)priv;
	return 0;
}

static int h_trace_printk(struct nocsr_vm *vm, const __u64 *args,
			  __u64 *ret, void *priv)
{
	__u32 n = (__u32)args[1], off;
	struct vm_region *r;
	char buf[512];
	int len, err;

	(void)priv;
	r = vm_region_of(vm, args[0], n, false, &off);
	if (!n || !r || !memchr(r->mem + off, 0, n)) {
		*ret = (__u64)-EINVAL;
		return 0;
	}
	len = vm_format(vm, (const char *)r->mem + off, &args[2], BPF_REG_3,
			buf, sizeof(buf));
	if (len < 0) {
		*ret = (__u64)(__s64)len;
		return 0;
	}
	err = vm_out_append(vm, buf, len);
	*ret = len;
	return err;
}

static int h_loop(struct nocsr_vm *vm, const __u64 *args, __u64 *ret,
		  void *priv)
{
	__u64 i, r, cb_args[2] = { 0, args[2] };
	int err;

	(void)priv;
	if (args[3] || args[0] > (1u << 23)) {
		*ret = (__u64)(args[3] ? -EINVAL : -E2BIG);
		return 0;
	}
	for (i = 0; i < args[0]; i++) {
		cb_args[0] = i;
		err = nocsr_vm__call(vm, args[1], cb_args, 2, &r);
		if (err)
			return err;
		if (r)
			break;
	}
	*ret = i < args[0] ? i + 1 : i;
	return 0;
}

/* bpf_cast_to_kern_ctx and bpf_rdonly_cast: r0 = r1, as the verifier does. */
static int k_identity(struct nocsr_vm *vm, const __u64 *args, __u64 *ret,
		      void *priv)
{
	(void)vm;
	(void)priv;
	*ret = args[0];
	return 0;
}

static const struct {
	__s32 id;
	nocsr_vm_func_t fn;
	uintptr_t priv;
} vm_builtin_helpers[] = {
	{ 1, h_map_lookup, 0 },
	{ 2, h_map_update, 0 },
	{ 3, h_map_delete, 0 },
	{ 4, h_probe_read, 0 },
	{ 5, h_ktime, 0 },
	{ 6, h_trace_printk, 0 },
	{ 7, h_prandom, 0 },
	{ 8, h_cpu, 0 },
	{ 14, h_const, (0x1000ull << 32) | 0x1001 },	/* pid_tgid */
	{ 15, h_const, 0 },				/* uid_gid: root */
	{ 42, h_const, 0 },				/* numa node */
	{ 112, h_probe_read, 0 },			/* _user */
	{ 113, h_probe_read, 0 },			/* _kernel */
	{ 114, h_probe_read_str, 0 },
	{ 115, h_probe_read_str, 0 },
	{ 125, h_ktime, 0 },				/* boot_ns */
	{ 181, h_loop, 0 },
};

int vm_install_builtins(struct nocsr_vm *vm)
{
	struct vm_func *f;
	unsigned int i;
	int err;

	for (i = 0; i < sizeof(vm_builtin_helpers) / sizeof(vm_builtin_helpers[0]); i++) {
		err = nocsr_vm__set_helper(vm, vm_builtin_helpers[i].id,
					   vm_builtin_helpers[i].fn,
					   (void *)vm_builtin_helpers[i].priv);
		if (err)
			return err;
	}
	/* Kernel-internal, so no prototype in the helper table. */
	err = nocsr_vm__set_helper(vm, NOCSR_VM_FUNC_HTAB_LOOKUP, h_htab_lookup,
				   NULL);
	if (err)
		return err;
	f = vm_helper(vm, NOCSR_VM_FUNC_HTAB_LOOKUP);
	f->nargs = 2;
	snprintf(f->name, sizeof(f->name), "__htab_map_lookup_elem");
	for (i = 0; i < nocsr_fastcall_kfunc_cnt; i++) {
		const struct nocsr_kfunc *k = &nocsr_fastcall_kfuncs[i];

		err = nocsr_vm__set_kfunc(vm, k->name, k->nargs, k->is_void,
					  k_identity, NULL);
		if (err)
			return err;
	}
	return 0;
}
