// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * BPF decoder and printer in the kernel's print_bpf_insn() text format.
 * Written from the format description in the design notes (§8), not from
 * the kernel's disasm.c.
 */
#include <stdarg.h>
#include <string.h>

#include "disasm.h"
#include "nocsr/contract.h"
#include "nocsr/helpers.h"

static const char *const alu_op[16] = {
	"+=", "-=", "*=", "/=", "|=", "&=", "<<=", ">>=",
	"neg", "%=", "^=", "=", "s>>=", "endian", NULL, NULL,
};
static const char *const jmp_op[16] = {
	"goto", "==", ">", ">=", "&", "!=", "s>", "s>=",
	"call", "exit", "<", "<=", "s<", "s<=", NULL, NULL,
};
static const char *const size_name[4] = { "u32", "u16", "u8", "u64" };
static const char *const size_sx_name[4] = { "s32", "s16", "s8", "s64" };
static const char *const atomic_name[16] = {
	[BPF_ADD >> 4] = "add", [BPF_AND >> 4] = "and",
	[BPF_OR >> 4] = "or", [BPF_XOR >> 4] = "xor",
};

#define SZ(code)	size_name[BPF_SIZE(code) >> 3]
#define ATOMIC_FETCH	0x01
#define ATOMIC_XCHG	(0xe0 | ATOMIC_FETCH)
#define ATOMIC_CMPXCHG	(0xf0 | ATOMIC_FETCH)
#define LOAD_ACQ	0x100
#define STORE_REL	0x110

/*
 * snprintf() for the conversions the printer uses (%s %c %d %+d %u %x %02x
 * %llx): a listing formats every slot, and glibc's general machinery cost
 * more than the whole analysis of a small program.
 */
struct out {
	char *p, *end;		/* end: where the terminating NUL must go */
	size_t over;		/* characters past end */
};

static inline void out_c(struct out *o, char c)
{
	if (o->p < o->end)
		*o->p++ = c;
	else
		o->over++;
}

static inline void out_num(struct out *o, unsigned long long v,
			   unsigned int base, int width)
{
	char d[24];
	int k = 0;

	do {
		d[k++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (k < width)
		d[k++] = '0';
	while (k)
		out_c(o, d[--k]);
}

__attribute__((format(printf, 3, 4)))
static int fmt(char *b, size_t n, const char *f, ...)
{
	struct out o = { b, n ? b + n - 1 : b, 0 };
	const char *s;
	va_list ap;
	int v;

	va_start(ap, f);
	for (;;) {
		bool plus = false, ll = false;
		int width = 0;

		while (*f && *f != '%')
			out_c(&o, *f++);
		if (!*f++)
			break;
		if (*f == '+') {
			plus = true;
			f++;
		}
		if (*f == '0') {
			width = f[1] - '0';
			f += 2;
		}
		if (*f == 'l') {
			ll = true;
			f += 2;
		}
		switch (*f++) {
		case 's':
			/* as glibc: opcode tables have holes for bad encodings */
			s = va_arg(ap, const char *);
			for (s = s ? s : "(null)"; *s; s++)
				out_c(&o, *s);
			break;
		case 'c':
			out_c(&o, (char)va_arg(ap, int));
			break;
		case 'd':
			v = va_arg(ap, int);
			if (v < 0 || plus)
				out_c(&o, v < 0 ? '-' : '+');
			out_num(&o, v < 0 ? -(unsigned long long)v : (unsigned long long)v,
				10, 0);
			break;
		case 'u':
			out_num(&o, va_arg(ap, unsigned int), 10, 0);
			break;
		case 'x':
			out_num(&o, ll ? va_arg(ap, unsigned long long) :
				va_arg(ap, unsigned int), 16, width);
			break;
		}
	}
	va_end(ap);
	if (n)
		*o.p = 0;
	return (int)((size_t)(o.p - b) + o.over);
}

unsigned int nocsr_insn_slots(const struct bpf_insn *insn, size_t n)
{
	if (n < 1)
		return 0;
	if (nocsr_insn_is_ldimm64(insn))
		return n >= 2 ? 2 : 0;
	return 1;
}

bool nocsr_insn_jump_delta(const struct bpf_insn *i, int32_t *delta)
{
	uint8_t cls = BPF_CLASS(i->code), op = BPF_OP(i->code);

	if (cls != BPF_JMP && cls != BPF_JMP32)
		return false;
	if (op == BPF_CALL || op == BPF_EXIT)
		return false;
	if (cls == BPF_JMP32 && op == BPF_JA)
		*delta = i->imm;	/* gotol */
	else
		*delta = i->off;
	return true;
}

bool nocsr_insn_is_cond_jump(const struct bpf_insn *i)
{
	uint8_t cls = BPF_CLASS(i->code), op = BPF_OP(i->code);

	if (cls != BPF_JMP && cls != BPF_JMP32)
		return false;
	return op != BPF_JA && op != BPF_CALL && op != BPF_EXIT &&
	       op != BPF_JCOND;
}

static bool bad(const char **why, const char *msg)
{
	if (why)
		*why = msg;
	return false;
}

bool nocsr_insn_valid(const struct bpf_insn *i, size_t n, const char **why)
{
	uint8_t cls = BPF_CLASS(i->code), op = BPF_OP(i->code);
	uint8_t mode = BPF_MODE(i->code);

	if (i->dst_reg > 10 || i->src_reg > 10)
		return bad(why, "register number out of range");
	switch (cls) {
	case BPF_ALU:
	case BPF_ALU64:
		if (op == 0xe0 || op == 0xf0)
			return bad(why, "unknown ALU opcode");
		if (op == BPF_END && BPF_SRC(i->code) && cls == BPF_ALU64)
			return bad(why, "unknown ALU opcode");
		if (op == BPF_END && i->imm != 16 && i->imm != 32 && i->imm != 64)
			return bad(why, "bad endianness width");
		return true;
	case BPF_LDX:
		if (mode != BPF_MEM && mode != BPF_MEMSX)
			return bad(why, "unknown LDX mode");
		if (mode == BPF_MEMSX && BPF_SIZE(i->code) == BPF_DW)
			return bad(why, "unknown LDX mode");
		return true;
	case BPF_ST:
		if (mode == BPF_MEM || i->code == NOCSR_NOSPEC)
			return true;
		return bad(why, "unknown ST mode");
	case BPF_STX:
		if (mode == BPF_MEM)
			return true;
		if (mode != BPF_ATOMIC)
			return bad(why, "unknown STX mode");
		if (BPF_SIZE(i->code) != BPF_W && BPF_SIZE(i->code) != BPF_DW &&
		    i->imm != LOAD_ACQ && i->imm != STORE_REL)
			return bad(why, "bad atomic size");
		switch (i->imm) {
		case BPF_ADD: case BPF_AND: case BPF_OR: case BPF_XOR:
		case BPF_ADD | ATOMIC_FETCH: case BPF_AND | ATOMIC_FETCH:
		case BPF_OR | ATOMIC_FETCH: case BPF_XOR | ATOMIC_FETCH:
		case ATOMIC_XCHG: case ATOMIC_CMPXCHG:
		case LOAD_ACQ: case STORE_REL:
			return true;
		}
		return bad(why, "unknown atomic operation");
	case BPF_LD:
		if (i->code == (BPF_LD | BPF_IMM | BPF_DW)) {
			if (n < 2)
				return bad(why, "ld_imm64 truncated");
			if (i[1].code || i[1].dst_reg || i[1].src_reg || i[1].off)
				return bad(why, "ld_imm64 second half is not zero");
			if (i->src_reg > 6)
				return bad(why, "unknown ld_imm64 pseudo source");
			return true;
		}
		if (mode == BPF_ABS || mode == BPF_IND) {
			if (BPF_SIZE(i->code) == BPF_DW)
				return bad(why, "unknown LD size");
			return true;
		}
		return bad(why, "unknown LD opcode");
	case BPF_JMP:
	case BPF_JMP32:
		if (op == 0xf0)
			return bad(why, "unknown jump opcode");
		if (op == BPF_CALL) {
			if (cls != BPF_JMP || BPF_SRC(i->code))
				return bad(why, "unknown call opcode");
			if (i->src_reg > NOCSR_PSEUDO_KFUNC_CALL)
				return bad(why, "unknown call kind");
			return true;
		}
		if (op == BPF_EXIT && cls != BPF_JMP)
			return bad(why, "unknown jump opcode");
		if (op == BPF_JCOND && (cls != BPF_JMP || i->src_reg != BPF_MAY_GOTO))
			return bad(why, "unknown conditional pseudo jump");
		return true;
	}
	return bad(why, "unknown instruction class");
}

static const char *call_text(const struct bpf_insn *i,
			     const struct nocsr_disasm_cbs *cbs,
			     char *buf, size_t len)
{
	const struct nocsr_helper *h;
	const char *s = NULL;

	if (cbs && cbs->call_name)
		s = cbs->call_name(cbs->ctx, i, buf, len);
	if (s)
		return s;
	if (i->src_reg == NOCSR_PSEUDO_CALL) {
		fmt(buf, len, "pc%+d", i->imm);
		return buf;
	}
	if (i->src_reg == 0 && (h = nocsr_helper_find(i->imm))) {
		fmt(buf, len, "bpf_%s#%d", h->name, i->imm);
		return buf;
	}
	fmt(buf, len, "%s#%d", i->src_reg ? "kernel-function" : "unknown",
		 i->imm);
	return buf;
}

static const char *imm_text(const struct bpf_insn *i, uint64_t v,
			    const struct nocsr_disasm_cbs *cbs,
			    char *buf, size_t len)
{
	const char *s = NULL;

	if (cbs && cbs->imm)
		s = cbs->imm(cbs->ctx, i, v, buf, len);
	return s;
}

/* "%+d" of a load/store offset, or the caller's text for it. */
static const char *off_text(const struct bpf_insn *i,
			    const struct nocsr_disasm_cbs *cbs,
			    char *buf, size_t len)
{
	const char *s = cbs && cbs->off ? cbs->off(cbs->ctx, i, buf, len) : NULL;

	if (s)
		return s;
	fmt(buf, len, "%+d", i->off);
	return buf;
}

static int print_alu(char *b, size_t n, const struct bpf_insn *i,
		     const struct nocsr_disasm_cbs *cbs)
{
	uint8_t cls = BPF_CLASS(i->code), op = BPF_OP(i->code);
	char r = cls == BPF_ALU ? 'w' : 'r';
	const char *ops = alu_op[op >> 4];
	char tmp[64];
	const char *s;

	if (op == BPF_END) {
		if (cls == BPF_ALU64)
			return fmt(b, n, "(%02x) r%d = bswap%d r%d", i->code,
					i->dst_reg, i->imm, i->dst_reg);
		return fmt(b, n, "(%02x) r%d = %s%d r%d", i->code,
				i->dst_reg, BPF_SRC(i->code) == BPF_TO_BE ?
				"be" : "le", i->imm, i->dst_reg);
	}
	if (op == BPF_NEG)
		return fmt(b, n, "(%02x) %c%d = -%c%d", i->code, r,
				i->dst_reg, r, i->dst_reg);
	if ((op == BPF_DIV || op == BPF_MOD) && i->off == 1)
		ops = op == BPF_DIV ? "s/=" : "s%=";
	if (BPF_SRC(i->code) == BPF_X) {
		if (op == BPF_MOV && cls == BPF_ALU64 &&
		    i->off == NOCSR_ADDR_SPACE_CAST)
			return fmt(b, n,
					"(%02x) r%d = addr_space_cast(r%d, %u, %u)",
					i->code, i->dst_reg, i->src_reg,
					(uint32_t)i->imm >> 16, i->imm & 0xffff);
		if (op == BPF_MOV && cls == BPF_ALU64 &&
		    i->off == NOCSR_ADDR_PERCPU && !(cbs && cbs->percpu_as_mov))
			return fmt(b, n,
					"(%02x) r%d = &(void __percpu *)(r%d)",
					i->code, i->dst_reg, i->src_reg);
		if (op == BPF_MOV && (i->off == 8 || i->off == 16 || i->off == 32))
			return fmt(b, n, "(%02x) %c%d = (s%d)%c%d", i->code,
					r, i->dst_reg, i->off, r, i->src_reg);
		return fmt(b, n, "(%02x) %c%d %s %c%d", i->code, r,
				i->dst_reg, ops, r, i->src_reg);
	}
	s = imm_text(i, (uint64_t)(int64_t)i->imm, cbs, tmp, sizeof(tmp));
	if (s)
		return fmt(b, n, "(%02x) %c%d %s %s", i->code, r,
				i->dst_reg, ops, s);
	return fmt(b, n, "(%02x) %c%d %s %d", i->code, r, i->dst_reg,
			ops, i->imm);
}

static int print_stx(char *b, size_t n, const struct bpf_insn *i,
		     const struct nocsr_disasm_cbs *cbs)
{
	uint8_t mode = BPF_MODE(i->code);
	const char *dw = BPF_SIZE(i->code) == BPF_DW ? "64" : "";
	char tmp[96];

	if (mode == BPF_MEM)
		return fmt(b, n, "(%02x) *(%s *)(r%d %s) = r%d", i->code,
				SZ(i->code), i->dst_reg,
				off_text(i, cbs, tmp, sizeof(tmp)), i->src_reg);
	switch (i->imm) {
	case BPF_ADD: case BPF_AND: case BPF_OR: case BPF_XOR:
		return fmt(b, n, "(%02x) lock *(%s *)(r%d %+d) %s r%d",
				i->code, SZ(i->code), i->dst_reg, i->off,
				alu_op[i->imm >> 4], i->src_reg);
	case BPF_ADD | ATOMIC_FETCH: case BPF_AND | ATOMIC_FETCH:
	case BPF_OR | ATOMIC_FETCH: case BPF_XOR | ATOMIC_FETCH:
		return fmt(b, n,
				"(%02x) r%d = atomic%s_fetch_%s((%s *)(r%d %+d), r%d)",
				i->code, i->src_reg, dw, atomic_name[i->imm >> 4],
				SZ(i->code), i->dst_reg, i->off, i->src_reg);
	case ATOMIC_CMPXCHG:
		return fmt(b, n,
				"(%02x) r0 = atomic%s_cmpxchg((%s *)(r%d %+d), r0, r%d)",
				i->code, dw, SZ(i->code), i->dst_reg, i->off,
				i->src_reg);
	case ATOMIC_XCHG:
		return fmt(b, n,
				"(%02x) r%d = atomic%s_xchg((%s *)(r%d %+d), r%d)",
				i->code, i->src_reg, dw, SZ(i->code), i->dst_reg,
				i->off, i->src_reg);
	case LOAD_ACQ:
		return fmt(b, n, "(%02x) r%d = load_acquire((%s *)(r%d %+d))",
				i->code, i->dst_reg, SZ(i->code), i->src_reg,
				i->off);
	case STORE_REL:
		return fmt(b, n, "(%02x) store_release((%s *)(r%d %+d), r%d)",
				i->code, SZ(i->code), i->dst_reg, i->off,
				i->src_reg);
	}
	return fmt(b, n, "(%02x) BUG_%02x", i->code, i->imm);
}

static int print_jmp(char *b, size_t n, const struct bpf_insn *i,
		     const struct nocsr_disasm_cbs *cbs)
{
	uint8_t cls = BPF_CLASS(i->code), op = BPF_OP(i->code);
	char r = cls == BPF_JMP32 ? 'w' : 'r';
	char tmp[128];
	const char *s;

	if (op == BPF_CALL)
		return fmt(b, n, "(%02x) call %s", i->code,
				call_text(i, cbs, tmp, sizeof(tmp)));
	if (op == BPF_EXIT)
		return fmt(b, n, "(%02x) exit", i->code);
	if (op == BPF_JA) {
		if (cls == BPF_JMP32)
			return fmt(b, n, "(%02x) gotol pc%+d", i->code, i->imm);
		return fmt(b, n, "(%02x) goto pc%+d", i->code, i->off);
	}
	if (op == BPF_JCOND)
		return fmt(b, n, "(%02x) may_goto pc%+d", i->code, i->off);
	if (BPF_SRC(i->code) == BPF_X)
		return fmt(b, n, "(%02x) if %c%d %s %c%d goto pc%+d",
				i->code, r, i->dst_reg, jmp_op[op >> 4], r,
				i->src_reg, i->off);
	s = imm_text(i, (uint64_t)(int64_t)i->imm, cbs, tmp, sizeof(tmp));
	if (s)
		return fmt(b, n, "(%02x) if %c%d %s %s goto pc%+d", i->code,
				r, i->dst_reg, jmp_op[op >> 4], s, i->off);
	return fmt(b, n, "(%02x) if %c%d %s 0x%x goto pc%+d", i->code, r,
			i->dst_reg, jmp_op[op >> 4], (uint32_t)i->imm, i->off);
}

int nocsr_insn_snprintf(char *b, size_t n, const struct bpf_insn *i,
			const struct nocsr_disasm_cbs *cbs)
{
	uint8_t cls = BPF_CLASS(i->code), mode = BPF_MODE(i->code);
	char tmp[128];
	const char *s;
	uint64_t v;

	switch (cls) {
	case BPF_ALU:
	case BPF_ALU64:
		return print_alu(b, n, i, cbs);
	case BPF_STX:
		return print_stx(b, n, i, cbs);
	case BPF_ST:
		if (i->code == NOCSR_NOSPEC)
			return fmt(b, n, "(%02x) nospec", i->code);
		return fmt(b, n, "(%02x) *(%s *)(r%d %s) = %d", i->code,
				SZ(i->code), i->dst_reg,
				off_text(i, cbs, tmp, sizeof(tmp)), i->imm);
	case BPF_LDX:
		return fmt(b, n, "(%02x) r%d = *(%s *)(r%d %s)", i->code,
				i->dst_reg, mode == BPF_MEMSX ?
				size_sx_name[BPF_SIZE(i->code) >> 3] :
				SZ(i->code), i->src_reg,
				off_text(i, cbs, tmp, sizeof(tmp)));
	case BPF_LD:
		if (mode == BPF_ABS)
			return fmt(b, n, "(%02x) r0 = *(%s *)skb[%d]",
					i->code, SZ(i->code), i->imm);
		if (mode == BPF_IND)
			return fmt(b, n, "(%02x) r0 = *(%s *)skb[r%d + %d]",
					i->code, SZ(i->code), i->src_reg, i->imm);
		if (nocsr_insn_is_ldimm64(i)) {
			v = ((uint64_t)(uint32_t)i[1].imm << 32) | (uint32_t)i->imm;
			s = imm_text(i, v, cbs, tmp, sizeof(tmp));
			if (s)
				return fmt(b, n, "(%02x) r%d = %s", i->code,
						i->dst_reg, s);
			return fmt(b, n, "(%02x) r%d = 0x%llx", i->code,
					i->dst_reg, (unsigned long long)v);
		}
		break;
	case BPF_JMP:
	case BPF_JMP32:
		return print_jmp(b, n, i, cbs);
	}
	return fmt(b, n, "(%02x) BUG_%02x", i->code, i->code);
}
