// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Instruction semantics, after the kernel's ___bpf_prog_run and the ISA
 * document (Documentation/bpf/standardization/instruction-set.rst).
 *
 * Encodings the verifier would reject (reserved fields set, unknown ops)
 * are -EINVAL here too, so a test cannot pass on a program the kernel
 * would never run.  Each register and memory byte carries a garbage bit:
 * it spreads through data flow, and a branch, an address or a call
 * argument computed from garbage counts as an "undef use".
 */
#include <errno.h>
#include <string.h>

#include "vm_priv.h"

#define INSN_IS_K(insn)	(BPF_SRC((insn)->code) == BPF_K)

static int vm_size_bytes(__u8 code)
{
	static const int bytes[] = { 4, 2, 1, 8 };

	return bytes[BPF_SIZE(code) >> 3];
}

static bool reg_undef(const struct nocsr_vm *vm, int r)
{
	return (vm->undef >> r) & 1;
}

void vm_set_reg(struct nocsr_vm *vm, int r, __u64 val, bool undef)
{
	vm->regs[r] = val;
	if (undef)
		vm->undef |= 1u << r;
	else
		vm->undef &= ~(1u << r);
}

/* Instructions may not write the frame pointer (check_reg_arg does so). */
static int vm_write_reg(struct nocsr_vm *vm, int r, __u64 val, bool undef)
{
	if (r == BPF_REG_10)
		return vm_fail(vm, -EINVAL, "frame pointer is read only");
	vm_set_reg(vm, r, val, undef);
	return 0;
}

static int vm_invalid(struct nocsr_vm *vm, const struct bpf_insn *insn)
{
	return vm_fail(vm, -EINVAL, "invalid instruction code 0x%02x", insn->code);
}

/* Sign-extend the low bits of v, without relying on signed shifts. */
static __u64 sext(__u64 v, int bits)
{
	__u64 m = 1ull << (bits - 1);

	if (bits < 64)
		v &= (1ull << bits) - 1;
	return (v ^ m) - m;
}

static __u64 arsh64(__u64 v, unsigned int n)
{
	if (!n)
		return v;
	return (v >> n) | ((0 - (v >> 63)) << (64 - n));
}

/* Kernel: x / 0 = 0, x % 0 = x; signed INT_MIN / -1 wraps, % -1 is 0. */
static __u64 div64(__u64 a, __u64 b, bool is_signed, bool is_mod)
{
	if (!b)
		return is_mod ? a : 0;
	if (!is_signed)
		return is_mod ? a % b : a / b;
	if (b == ~0ull)
		return is_mod ? 0 : 0 - a;
	return is_mod ? (__u64)((__s64)a % (__s64)b) : (__u64)((__s64)a / (__s64)b);
}

static __u32 div32(__u32 a, __u32 b, bool is_signed, bool is_mod)
{
	if (!b)
		return is_mod ? a : 0;
	if (!is_signed)
		return is_mod ? a % b : a / b;
	if (b == ~0u)
		return is_mod ? 0 : 0 - a;
	return is_mod ? (__u32)((__s32)a % (__s32)b) : (__u32)((__s32)a / (__s32)b);
}

static __u64 alu64(__u8 op, __s16 off, __u64 dst, __u64 src)
{
	switch (op) {
	case BPF_ADD:	return dst + src;
	case BPF_SUB:	return dst - src;
	case BPF_MUL:	return dst * src;
	case BPF_DIV:	return div64(dst, src, off == 1, false);
	case BPF_MOD:	return div64(dst, src, off == 1, true);
	case BPF_OR:	return dst | src;
	case BPF_AND:	return dst & src;
	case BPF_XOR:	return dst ^ src;
	case BPF_LSH:	return dst << (src & 63);
	case BPF_RSH:	return dst >> (src & 63);
	case BPF_ARSH:	return arsh64(dst, src & 63);
	case BPF_NEG:	return 0 - dst;
	default:	/* BPF_MOV, movsx for off 8/16/32 */
		return off ? sext(src, off) : src;
	}
}

static __u32 alu32(__u8 op, __s16 off, __u32 dst, __u32 src)
{
	switch (op) {
	case BPF_ADD:	return dst + src;
	case BPF_SUB:	return dst - src;
	case BPF_MUL:	return dst * src;
	case BPF_DIV:	return div32(dst, src, off == 1, false);
	case BPF_MOD:	return div32(dst, src, off == 1, true);
	case BPF_OR:	return dst | src;
	case BPF_AND:	return dst & src;
	case BPF_XOR:	return dst ^ src;
	case BPF_LSH:	return dst << (src & 31);
	case BPF_RSH:	return dst >> (src & 31);
	case BPF_ARSH:	return (__u32)arsh64(sext(dst, 32), src & 31);
	case BPF_NEG:	return 0 - dst;
	default:
		return off ? (__u32)sext(src, off) : src;
	}
}

/* The reserved-field rules of check_alu_op. */
static bool alu_valid(const struct bpf_insn *insn, bool is64)
{
	__u8 op = BPF_OP(insn->code);
	__s16 off = insn->off;

	if (op > BPF_END)
		return false;
	if (op == BPF_NEG)
		return INSN_IS_K(insn) && !insn->src_reg && !off && !insn->imm;
	if (INSN_IS_K(insn) ? insn->src_reg != 0 : insn->imm != 0)
		return false;
	if (op == BPF_DIV || op == BPF_MOD)
		return off == 0 || off == 1;
	if (op == BPF_MOV && !INSN_IS_K(insn))
		return off == 0 || off == 8 || off == 16 || (is64 && off == 32);
	return off == 0;
}

static __u64 bswap(__u64 v, int bits)
{
	switch (bits) {
	case 16:	return __builtin_bswap16((__u16)v);
	case 32:	return __builtin_bswap32((__u32)v);
	default:	return __builtin_bswap64(v);
	}
}

/* BPF_END: to_le truncates on our little-endian target, to_be and the
 * v4 BPF_ALU64 form swap unconditionally. */
static int vm_end(struct nocsr_vm *vm, const struct bpf_insn *insn, bool is64)
{
	int bits = insn->imm;
	__u64 v = vm->regs[insn->dst_reg];

	if ((bits != 16 && bits != 32 && bits != 64) || insn->off ||
	    insn->src_reg || (is64 && !INSN_IS_K(insn)))
		return vm_invalid(vm, insn);
	if (is64 || BPF_SRC(insn->code) == BPF_TO_BE)
		v = bswap(v, bits);
	else if (bits < 64)
		v &= (1ull << bits) - 1;
	return vm_write_reg(vm, insn->dst_reg, v, reg_undef(vm, insn->dst_reg));
}

/*
 * BPF_ZEXT_REG, the verifier's zero extension `wX = wX` marked by imm 1
 * (insn_is_zext): only in what it emits, and run as the move it is.
 */
static bool is_zext(const struct bpf_insn *insn)
{
	return insn->code == (BPF_ALU | BPF_MOV | BPF_X) && insn->imm == 1 &&
	       insn->dst_reg == insn->src_reg && !insn->off;
}

static int vm_alu(struct nocsr_vm *vm, const struct bpf_insn *insn)
{
	bool is64 = BPF_CLASS(insn->code) == BPF_ALU64;
	__u8 op = BPF_OP(insn->code);
	__u64 dst = vm->regs[insn->dst_reg], src, val;
	bool undef;

	if (op == BPF_END)
		return vm_end(vm, insn, is64);
	if (!alu_valid(insn, is64) && !(vm->opts.xlated && is_zext(insn)))
		return vm_invalid(vm, insn);
	if (INSN_IS_K(insn)) {
		src = is64 ? (__u64)(__s64)insn->imm : (__u32)insn->imm;
		undef = false;
	} else {
		src = vm->regs[insn->src_reg];
		undef = reg_undef(vm, insn->src_reg);
	}
	/* mov does not read dst; everything else combines both. */
	if (op != BPF_MOV)
		undef |= reg_undef(vm, insn->dst_reg);
	if (is64)
		val = alu64(op, insn->off, dst, src);
	else
		val = alu32(op, insn->off, (__u32)dst, (__u32)src);
	return vm_write_reg(vm, insn->dst_reg, val, undef);
}

static bool cond_true(__u8 op, __u64 a, __u64 b, bool is32)
{
	__s64 sa = (__s64)a, sb = (__s64)b;

	if (is32) {
		a = (__u32)a;
		b = (__u32)b;
		sa = (__s32)a;
		sb = (__s32)b;
	}
	switch (op) {
	case BPF_JEQ:	return a == b;
	case BPF_JNE:	return a != b;
	case BPF_JGT:	return a > b;
	case BPF_JGE:	return a >= b;
	case BPF_JLT:	return a < b;
	case BPF_JLE:	return a <= b;
	case BPF_JSET:	return a & b;
	case BPF_JSGT:	return sa > sb;
	case BPF_JSGE:	return sa >= sb;
	case BPF_JSLT:	return sa < sb;
	default:	return sa <= sb;	/* BPF_JSLE */
	}
}

static bool cond_op_valid(__u8 op)
{
	return op != BPF_JA && op != BPF_CALL && op != BPF_EXIT &&
	       op != BPF_JCOND && op != 0xf0;
}

static int vm_goto(struct nocsr_vm *vm, __s64 delta, int *next)
{
	__s64 target = (__s64)vm->pc + 1 + delta;

	if (target < 0 || target >= vm->cnt)
		return vm_fail(vm, -EINVAL, "jump to %lld out of range",
			       (long long)target);
	*next = (int)target;
	return 0;
}

static int vm_cond_jmp(struct nocsr_vm *vm, const struct bpf_insn *insn,
		       int *next)
{
	bool is32 = BPF_CLASS(insn->code) == BPF_JMP32;
	__u64 a = vm->regs[insn->dst_reg], b;
	bool undef = reg_undef(vm, insn->dst_reg);

	if (!cond_op_valid(BPF_OP(insn->code)) ||
	    (INSN_IS_K(insn) ? insn->src_reg != 0 : insn->imm != 0))
		return vm_invalid(vm, insn);
	if (INSN_IS_K(insn)) {
		b = is32 ? (__u32)insn->imm : (__u64)(__s64)insn->imm;
	} else {
		b = vm->regs[insn->src_reg];
		undef |= reg_undef(vm, insn->src_reg);
	}
	if (undef)
		vm_undef_use(vm);
	if (cond_true(BPF_OP(insn->code), a, b, is32))
		return vm_goto(vm, insn->off, next);
	return 0;
}

int vm_push_frame(struct nocsr_vm *vm, int ret_pc, bool stop)
{
	struct vm_frame *f;
	int r;

	if (vm->depth >= NOCSR_VM_MAX_FRAMES)
		return vm_fail(vm, -ELOOP, "call stack deeper than %d frames",
			       NOCSR_VM_MAX_FRAMES);
	f = &vm->frames[vm->depth++];
	f->ret_pc = ret_pc;
	f->stop = stop;
	memcpy(f->saved, &vm->regs[BPF_REG_6], sizeof(f->saved));
	f->saved_undef = vm->undef;
	vm_stack_scramble(vm, vm->depth - 1);
	/* r0 and r6..r9 are the callee's own, undefined until it sets them. */
	vm_set_reg(vm, BPF_REG_0, vm_rng_next(&vm->garbage), true);
	for (r = BPF_REG_6; r <= BPF_REG_9; r++)
		vm_set_reg(vm, r, vm_rng_next(&vm->garbage), true);
	vm_set_reg(vm, BPF_REG_10, VM_ADDR(vm->depth - 1, NOCSR_VM_STACK_SIZE),
		   false);
	return 0;
}

/* After any call returns, r1..r5 are undefined under the ABI. */
static void vm_scramble_args(struct nocsr_vm *vm, unsigned int mask)
{
	int r;

	for (r = BPF_REG_1; r <= BPF_REG_5; r++)
		if (mask & (1u << r))
			vm_set_reg(vm, r, vm_rng_next(&vm->garbage), true);
}

static int vm_exit(struct nocsr_vm *vm, int *next, bool *done)
{
	struct vm_frame *f = &vm->frames[vm->depth - 1];
	__u16 keep = 0x3c0;	/* r6..r9 */

	*done = f->stop;
	if (vm->depth == 1)
		return 0;
	vm->depth--;
	memcpy(&vm->regs[BPF_REG_6], f->saved, sizeof(f->saved));
	vm->undef = (vm->undef & ~keep) | (f->saved_undef & keep);
	vm_set_reg(vm, BPF_REG_10, VM_ADDR(vm->depth - 1, NOCSR_VM_STACK_SIZE),
		   false);
	if (vm->opts.clobber != NOCSR_VM_CLOBBER_NONE)
		vm_scramble_args(vm, 0x3e);
	*next = f->ret_pc;
	return 0;
}

static int vm_call_insn(struct nocsr_vm *vm, const struct bpf_insn *insn,
			int *next)
{
	int ret_pc = vm->pc + 1, err;
	__s64 target = (__s64)vm->pc + 1 + insn->imm;

	if (insn->dst_reg || insn->src_reg > BPF_PSEUDO_KFUNC_CALL ||
	    (insn->off && insn->src_reg != BPF_PSEUDO_KFUNC_CALL))
		return vm_invalid(vm, insn);
	if (insn->src_reg != BPF_PSEUDO_CALL)
		return vm_call(vm, insn);
	if (target < 0 || target >= vm->cnt)
		return vm_fail(vm, -EINVAL, "call to %lld out of range",
			       (long long)target);
	err = vm_push_frame(vm, ret_pc, false);
	*next = (int)target;
	return err;
}

static int vm_jmp(struct nocsr_vm *vm, const struct bpf_insn *insn,
		  int *next, bool *done)
{
	bool is32 = BPF_CLASS(insn->code) == BPF_JMP32;
	__u8 op = BPF_OP(insn->code);
	bool zero = !insn->dst_reg && !insn->src_reg && INSN_IS_K(insn);

	switch (op) {
	case BPF_JA:
		if (!zero || (is32 ? insn->off != 0 : insn->imm != 0))
			return vm_invalid(vm, insn);
		return vm_goto(vm, is32 ? insn->imm : insn->off, next);
	case BPF_CALL:
		if (is32 || !INSN_IS_K(insn))
			return vm_invalid(vm, insn);
		return vm_call_insn(vm, insn, next);
	case BPF_EXIT:
		if (is32 || !zero || insn->off || insn->imm)
			return vm_invalid(vm, insn);
		return vm_exit(vm, next, done);
	case BPF_JCOND:
		/* may_goto: falls through until the loop budget runs out. */
		if (is32 || !zero || insn->imm)
			return vm_invalid(vm, insn);
		if (vm->may_goto) {
			vm->may_goto--;
			return 0;
		}
		return vm_goto(vm, insn->off, next);
	default:
		return vm_cond_jmp(vm, insn, next);
	}
}

static int vm_load(struct nocsr_vm *vm, __u64 addr, int size, __u64 *val,
		   bool *undef)
{
	const struct nocsr_vm_ctx_field *f = vm_ctx_field_of(vm, addr, size);
	__u8 *mem, *shadow;
	__u64 v = 0;
	int i, err;

	if (f && f->off == VM_ADDR_OFF(addr) && f->size == (__u32)size) {
		if (f->unknown && vm->res->unknown_ctx_off < 0)
			vm->res->unknown_ctx_off = (int)f->off;
		*val = f->val;
		*undef = false;
		return 0;
	}
	err = vm_check(vm, addr, size, false, &mem, &shadow);
	if (err)
		return err;
	memcpy(&v, mem, size);
	*val = v;
	*undef = false;
	for (i = 0; i < size; i++)
		*undef |= shadow[i];
	return 0;
}

static int vm_store(struct nocsr_vm *vm, __u64 addr, int size, __u64 val,
		    bool undef)
{
	__u8 *mem, *shadow;
	int err;

	err = vm_check(vm, addr, size, true, &mem, &shadow);
	if (err)
		return err;
	memcpy(mem, &val, size);
	memset(shadow, undef, size);
	return 0;
}

/* base + off, noting a garbage base: a wild pointer is a use of garbage. */
static __u64 vm_addr(struct nocsr_vm *vm, int base, __s16 off)
{
	if (reg_undef(vm, base))
		vm_undef_use(vm);
	return vm->regs[base] + (__s64)off;
}

static int vm_ldx(struct nocsr_vm *vm, const struct bpf_insn *insn)
{
	__u8 mode = BPF_MODE(insn->code);
	int size = vm_size_bytes(insn->code);
	bool undef;
	__u64 val;
	int err;

	if ((mode != BPF_MEM && mode != BPF_MEMSX) || insn->imm ||
	    (mode == BPF_MEMSX && size == 8))
		return vm_invalid(vm, insn);
	err = vm_load(vm, vm_addr(vm, insn->src_reg, insn->off), size, &val,
		      &undef);
	if (err)
		return err;
	if (mode == BPF_MEMSX)
		val = sext(val, size * 8);
	return vm_write_reg(vm, insn->dst_reg,
			    val, undef || reg_undef(vm, insn->src_reg));
}

static int vm_st(struct nocsr_vm *vm, const struct bpf_insn *insn)
{
	int size = vm_size_bytes(insn->code);
	__u64 addr;

	if (BPF_MODE(insn->code) != BPF_MEM || insn->src_reg)
		return vm_invalid(vm, insn);
	addr = vm_addr(vm, insn->dst_reg, insn->off);
	return vm_store(vm, addr, size, (__u64)(__s64)insn->imm, false);
}

/* load-acquire and store-release are plain accesses in a sequential VM. */
static int vm_acq_rel(struct nocsr_vm *vm, const struct bpf_insn *insn,
		      int size)
{
	bool undef;
	__u64 val;
	int err;

	if (insn->imm == BPF_STORE_REL)
		return vm_store(vm, vm_addr(vm, insn->dst_reg, insn->off), size,
				vm->regs[insn->src_reg],
				reg_undef(vm, insn->src_reg));
	err = vm_load(vm, vm_addr(vm, insn->src_reg, insn->off), size, &val,
		      &undef);
	if (err)
		return err;
	return vm_write_reg(vm, insn->dst_reg, val, undef);
}

static bool atomic_rmw(__s32 op, __u64 old, __u64 src, __u64 *new)
{
	switch (op & ~BPF_FETCH) {
	case BPF_ADD:	*new = old + src; return true;
	case BPF_OR:	*new = old | src; return true;
	case BPF_AND:	*new = old & src; return true;
	case BPF_XOR:	*new = old ^ src; return true;
	case BPF_XCHG & ~BPF_FETCH:
		*new = src;
		return op == BPF_XCHG;
	default:
		return false;
	}
}

static int vm_cmpxchg(struct nocsr_vm *vm, const struct bpf_insn *insn,
		      __u64 addr, int size, __u64 old, bool old_undef)
{
	__u64 cmp = vm->regs[BPF_REG_0], src = vm->regs[insn->src_reg];
	bool undef = old_undef || reg_undef(vm, insn->src_reg) ||
		     reg_undef(vm, BPF_REG_0);
	int err;

	if (size == 4)
		cmp = (__u32)cmp;
	err = vm_store(vm, addr, size, old == cmp ? src : old, undef);
	if (err)
		return err;
	vm_set_reg(vm, BPF_REG_0, old, old_undef);
	return 0;
}

static int vm_atomic(struct nocsr_vm *vm, const struct bpf_insn *insn)
{
	int size = vm_size_bytes(insn->code), err;
	__u64 addr, old, new;
	bool undef, src_undef = reg_undef(vm, insn->src_reg);

	if (insn->imm == BPF_LOAD_ACQ || insn->imm == BPF_STORE_REL)
		return vm_acq_rel(vm, insn, size);
	if (size < 4)
		return vm_invalid(vm, insn);
	addr = vm_addr(vm, insn->dst_reg, insn->off);
	err = vm_load(vm, addr, size, &old, &undef);
	if (err)
		return err;
	if (insn->imm == BPF_CMPXCHG)
		return vm_cmpxchg(vm, insn, addr, size, old, undef);
	if (!atomic_rmw(insn->imm, old, vm->regs[insn->src_reg], &new))
		return vm_fail(vm, -EINVAL, "invalid atomic op 0x%x", insn->imm);
	err = vm_store(vm, addr, size, new, undef || src_undef);
	if (err || !(insn->imm & BPF_FETCH))
		return err;
	return vm_write_reg(vm, insn->src_reg, old, undef);
}

static int vm_stx(struct nocsr_vm *vm, const struct bpf_insn *insn)
{
	__u8 mode = BPF_MODE(insn->code);

	if (mode == BPF_ATOMIC)
		return vm_atomic(vm, insn);
	if (mode != BPF_MEM || insn->imm)
		return vm_invalid(vm, insn);
	return vm_store(vm, vm_addr(vm, insn->dst_reg, insn->off),
			vm_size_bytes(insn->code), vm->regs[insn->src_reg],
			reg_undef(vm, insn->src_reg));
}

static int vm_resolve_map(struct nocsr_vm *vm, const struct bpf_insn *insn,
			  struct nocsr_vm_map **map)
{
	int err;

	*map = NULL;
	if (vm->opts.resolve_map) {
		err = vm->opts.resolve_map(vm, insn->src_reg, insn->imm, map,
					   vm->opts.priv);
		if (err)
			return vm_fail(vm, err, "map %d not resolved", insn->imm);
	} else if (insn->imm >= 0 && (__u32)insn->imm < vm->map_cnt) {
		*map = vm->maps[insn->imm];
	}
	if (!*map)
		return vm_fail(vm, -ENOENT, "no map %d", insn->imm);
	return 0;
}

static int vm_ld_value(struct nocsr_vm *vm, const struct bpf_insn *insn,
		       __u64 *val)
{
	struct nocsr_vm_map *map;
	__u32 off = (__u32)insn[1].imm;
	__s64 target;
	int err;

	switch (insn->src_reg) {
	case 0:
		*val = (__u32)insn->imm | ((__u64)(__u32)insn[1].imm << 32);
		return 0;
	case BPF_PSEUDO_MAP_FD:
	case BPF_PSEUDO_MAP_IDX:
	case BPF_PSEUDO_MAP_VALUE:
	case BPF_PSEUDO_MAP_IDX_VALUE:
		err = vm_resolve_map(vm, insn, &map);
		if (err)
			return err;
		if (insn->src_reg == BPF_PSEUDO_MAP_FD ||
		    insn->src_reg == BPF_PSEUDO_MAP_IDX) {
			*val = nocsr_vm_map__addr(map);
			return 0;
		}
		/* Direct value access: key 0 of an array map, like .data. */
		if (map->is_hash || off >= map->value_size)
			return vm_fail(vm, -EINVAL, "bad direct value access %s+%u",
				       map->name, off);
		*val = VM_ADDR(map->values_idx, NOCSR_VM_ARRAY_VALUE_OFF + off);
		return 0;
	case BPF_PSEUDO_FUNC:
		target = (__s64)vm->pc + 1 + insn->imm;
		if (target < 0 || target >= vm->cnt)
			return vm_fail(vm, -EINVAL, "function %lld out of range",
				       (long long)target);
		*val = VM_ADDR(vm->code_idx, target * sizeof(struct bpf_insn));
		return 0;
	default:
		return vm_fail(vm, -EOPNOTSUPP, "ld_imm64 src_reg %d unsupported",
			       insn->src_reg);
	}
}

static int vm_ld(struct nocsr_vm *vm, const struct bpf_insn *insn, int *next)
{
	__u8 mode = BPF_MODE(insn->code);
	__u64 val = 0;
	int err;

	if (mode == BPF_ABS || mode == BPF_IND)
		return vm_fail(vm, -EOPNOTSUPP, "legacy packet access");
	if (insn->code != (BPF_LD | BPF_IMM | BPF_DW) || insn->off ||
	    vm->pc + 1 >= vm->cnt || insn[1].code || insn[1].dst_reg ||
	    insn[1].src_reg || insn[1].off)
		return vm_invalid(vm, insn);
	err = vm_ld_value(vm, insn, &val);
	if (err)
		return err;
	*next = vm->pc + 2;
	return vm_write_reg(vm, insn->dst_reg, val, false);
}

static void vm_trace(struct nocsr_vm *vm, const struct bpf_insn *insn)
{
	int r;

	fprintf(vm->opts.trace, "%5d: %02x %x %x %+d %d |", vm->pc, insn->code,
		insn->dst_reg, insn->src_reg, insn->off, insn->imm);
	for (r = 0; r <= 5; r++)
		fprintf(vm->opts.trace, " r%d=%s%llx", r,
			reg_undef(vm, r) ? "?" : "",
			(unsigned long long)vm->regs[r]);
	fputc('\n', vm->opts.trace);
}

static int vm_step(struct nocsr_vm *vm, const struct bpf_insn *insn,
		   int *next, bool *done)
{
	switch (BPF_CLASS(insn->code)) {
	case BPF_ALU:
	case BPF_ALU64:
		return vm_alu(vm, insn);
	case BPF_JMP:
	case BPF_JMP32:
		return vm_jmp(vm, insn, next, done);
	case BPF_LDX:
		return vm_ldx(vm, insn);
	case BPF_ST:
		return vm_st(vm, insn);
	case BPF_STX:
		return vm_stx(vm, insn);
	default:
		return vm_ld(vm, insn, next);
	}
}

/* Runs until a frame pushed with stop set exits. */
int vm_exec(struct nocsr_vm *vm)
{
	struct nocsr_vm_result *res = vm->res;
	/* AX only exists in what the verifier emits. */
	int max_reg = vm->opts.xlated ? VM_REG_AX : BPF_REG_10;

	for (;;) {
		const struct bpf_insn *insn;
		bool done = false;
		int next, err;

		if (res->steps >= vm->opts.max_steps)
			return vm_fail(vm, -E2BIG, "budget of %llu instructions spent",
				       (unsigned long long)vm->opts.max_steps);
		res->steps++;
		insn = &vm->insns[vm->pc];
		if (vm->opts.trace)
			vm_trace(vm, insn);
		if (insn->dst_reg > max_reg || insn->src_reg > max_reg)
			return vm_fail(vm, -EINVAL, "invalid register");
		next = vm->pc + 1;
		err = vm_step(vm, insn, &next, &done);
		if (err)
			return err;
		if (done)
			return 0;
		/* Jumps check their target; only a fall-through gets here. */
		if (next >= vm->cnt)
			return vm_fail(vm, -EINVAL, "execution falls off the end");
		vm->pc = next;
	}
}
