// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Unit tests of nocsr_vm: hand-written programs with known results.
 * Prints "ok NAME" or "FAIL NAME: ..." per case and a closing
 * "vm_test: N passed, M failed" line that test/utils/vm_unit.test checks.
 *
 *   build/bin/nocsr-vm-test [-v]
 */
#define _GNU_SOURCE	/* open_memstream, strdup */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utils/vm.h"
#include "utils/vm_insn.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static int passed, failed, verbose;
static const char *cur;
static bool cur_failed;

#define CHECK(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			printf("FAIL %s: line %d: ", cur, __LINE__);	\
			printf(__VA_ARGS__);				\
			putchar('\n');					\
			cur_failed = true;				\
		}							\
	} while (0)

#define CHECK_EQ(a, b)							\
	do {								\
		unsigned long long _a = (unsigned long long)(a);	\
		unsigned long long _b = (unsigned long long)(b);	\
		CHECK(_a == _b, "%s = 0x%llx, want 0x%llx", #a, _a, _b); \
	} while (0)

static int run(const struct bpf_insn *p, size_t n, const struct nocsr_vm_opts *o,
	       void *ctx, size_t ctx_len, struct nocsr_vm_result *res)
{
	int err = nocsr_vm__exec(p, n, ctx, ctx_len, o, res);

	if (verbose && err)
		printf("  # err %d at %d: %s\n", err, res->err_insn, res->msg);
	return err;
}

static void check_r0(const struct bpf_insn *p, size_t n, __u64 want, int line)
{
	struct nocsr_vm_result res;
	int err = run(p, n, NULL, NULL, 0, &res);

	CHECK(!err && res.r0 == want,
	      "program at line %d: err %d (%s), r0 0x%llx, want 0x%llx", line,
	      err, res.msg, (unsigned long long)res.r0, (unsigned long long)want);
}

/* A program ending in exit, its r0 compared to WANT. */
#define EXPECT_R0(want, ...)						\
	do {								\
		struct bpf_insn _p[] = { __VA_ARGS__, I_EXIT() };	\
		check_r0(_p, ARRAY_SIZE(_p), (want), __LINE__);		\
	} while (0)

static void check_err(const struct bpf_insn *p, size_t n, int want_err,
		      int want_insn, int line)
{
	struct nocsr_vm_result res;
	int err = run(p, n, NULL, NULL, 0, &res);

	CHECK(err == want_err && res.err_insn == want_insn && res.msg[0],
	      "program at line %d: err %d at %d (%s), want %d at %d", line,
	      err, res.err_insn, res.msg, want_err, want_insn);
}

#define EXPECT_ERR(want_err, want_insn, ...)				\
	do {								\
		struct bpf_insn _p[] = { __VA_ARGS__ };			\
		check_err(_p, ARRAY_SIZE(_p), (want_err), (want_insn),	\
			  __LINE__);					\
	} while (0)

static void test_alu(void)
{
	EXPECT_R0(7, I_MOV64_IMM(0, 3), I_ALU64_IMM(BPF_ADD, 0, 4));
	EXPECT_R0(-1ull, I_MOV64_IMM(0, 3), I_ALU64_IMM(BPF_SUB, 0, 4));
	EXPECT_R0(0xfffffffe, I_MOV64_IMM(0, 3), I_ALU32_IMM(BPF_SUB, 0, 5));
	EXPECT_R0(42, I_MOV64_IMM(0, 6), I_MOV64_IMM(1, 7),
		  I_ALU64_REG(BPF_MUL, 0, 1));
	EXPECT_R0(0x0f, I_MOV64_IMM(0, 0xff), I_ALU64_IMM(BPF_AND, 0, 0x0f));
	EXPECT_R0(0xf0, I_MOV64_IMM(0, 0x0f), I_ALU64_IMM(BPF_XOR, 0, 0xff));
	EXPECT_R0(0x1f, I_MOV64_IMM(0, 0x0f), I_ALU64_IMM(BPF_OR, 0, 0x10));
	EXPECT_R0(-5ull, I_MOV64_IMM(0, 5), I_ALU64_IMM(BPF_NEG, 0, 0));
	EXPECT_R0(0xfffffffb, I_MOV64_IMM(0, 5), I_ALU32_IMM(BPF_NEG, 0, 0));
	/* imm sign-extends in ALU64, not in ALU32 */
	EXPECT_R0(-1ull, I_MOV64_IMM(0, -1));
	EXPECT_R0(0xffffffffull, I_MOV32_IMM(0, -1));
	/* alu32 zero-extends its result */
	EXPECT_R0(0, I_MOV64_IMM(0, -1), I_ALU32_IMM(BPF_ADD, 0, 1));
	EXPECT_R0(0x80000000ull, I_LD_IMM64(0, 0xdeadbeef80000000ull),
		  I_MOV32_REG(0, 0));
	EXPECT_R0(0x123456789abcdef0ull, I_LD_IMM64(0, 0x123456789abcdef0ull));
}

static void test_div_mod(void)
{
	/* division by zero gives 0, modulo by zero keeps dst (64-bit) */
	EXPECT_R0(0, I_MOV64_IMM(0, 9), I_MOV64_IMM(1, 0),
		  I_ALU64_REG(BPF_DIV, 0, 1));
	EXPECT_R0(0x100000009ull, I_LD_IMM64(0, 0x100000009ull),
		  I_MOV64_IMM(1, 0), I_ALU64_REG(BPF_MOD, 0, 1));
	/* ...and truncates it to 32 bits in alu32 */
	EXPECT_R0(9, I_LD_IMM64(0, 0x100000009ull), I_MOV64_IMM(1, 0),
		  I_ALU32_REG(BPF_MOD, 0, 1));
	EXPECT_R0(0, I_LD_IMM64(0, 0x100000009ull), I_MOV64_IMM(1, 0),
		  I_ALU32_REG(BPF_DIV, 0, 1));
	/* a zero upper half is still a zero divisor in alu32 */
	EXPECT_R0(0, I_MOV64_IMM(0, 9), I_LD_IMM64(1, 0x100000000ull),
		  I_ALU32_REG(BPF_DIV, 0, 1));
	EXPECT_R0(3, I_MOV64_IMM(0, 10), I_ALU64_IMM(BPF_DIV, 0, 3));
	EXPECT_R0(1, I_MOV64_IMM(0, 10), I_ALU64_IMM(BPF_MOD, 0, 3));
	/* unsigned: -1 / 2 */
	EXPECT_R0(0x7fffffffffffffffull, I_MOV64_IMM(0, -1),
		  I_ALU64_IMM(BPF_DIV, 0, 2));
	EXPECT_R0(0x7fffffff, I_MOV64_IMM(0, -1), I_ALU32_IMM(BPF_DIV, 0, 2));
	/* signed (v4): truncating, remainder takes the dividend's sign */
	EXPECT_R0(-3ull, I_MOV64_IMM(0, -7), I_ALU64_IMM_OFF(BPF_DIV, 0, 2, 1));
	EXPECT_R0(-1ull, I_MOV64_IMM(0, -7), I_ALU64_IMM_OFF(BPF_MOD, 0, 2, 1));
	EXPECT_R0(1, I_MOV64_IMM(0, 7), I_ALU64_IMM_OFF(BPF_MOD, 0, -2, 1));
	EXPECT_R0(0xfffffffd, I_MOV32_IMM(0, -7),
		  I_ALU32_IMM_OFF(BPF_DIV, 0, 2, 1));
	/* INT_MIN / -1 wraps, INT_MIN % -1 is 0, no host trap */
	EXPECT_R0(0x8000000000000000ull, I_LD_IMM64(0, 0x8000000000000000ull),
		  I_ALU64_IMM_OFF(BPF_DIV, 0, -1, 1));
	EXPECT_R0(0, I_LD_IMM64(0, 0x8000000000000000ull),
		  I_ALU64_IMM_OFF(BPF_MOD, 0, -1, 1));
	EXPECT_R0(0x80000000ull, I_MOV32_IMM(0, 0x80000000),
		  I_ALU32_IMM_OFF(BPF_DIV, 0, -1, 1));
	EXPECT_R0(0, I_MOV32_IMM(0, 0x80000000),
		  I_ALU32_IMM_OFF(BPF_MOD, 0, -1, 1));
	/* signed by zero: same as unsigned */
	EXPECT_R0(0, I_MOV64_IMM(0, -7), I_MOV64_IMM(1, 0),
		  I_ALU64_REG_OFF(BPF_DIV, 0, 1, 1));
	EXPECT_R0(-7ull, I_MOV64_IMM(0, -7), I_MOV64_IMM(1, 0),
		  I_ALU64_REG_OFF(BPF_MOD, 0, 1, 1));
}

static void test_shifts(void)
{
	/* shift amounts are masked: 65 & 63 = 1, 33 & 31 = 1 */
	EXPECT_R0(2, I_MOV64_IMM(0, 1), I_MOV64_IMM(1, 65),
		  I_ALU64_REG(BPF_LSH, 0, 1));
	EXPECT_R0(2, I_MOV64_IMM(0, 1), I_MOV64_IMM(1, 33),
		  I_ALU32_REG(BPF_LSH, 0, 1));
	EXPECT_R0(0x7fffffffffffffffull, I_MOV64_IMM(0, -1),
		  I_ALU64_IMM(BPF_RSH, 0, 1));
	EXPECT_R0(0x7fffffff, I_MOV64_IMM(0, -1), I_ALU32_IMM(BPF_RSH, 0, 1));
	EXPECT_R0(-1ull, I_MOV64_IMM(0, -2), I_ALU64_IMM(BPF_ARSH, 0, 1));
	EXPECT_R0(0xffffffff, I_MOV64_IMM(0, -2), I_ALU32_IMM(BPF_ARSH, 0, 1));
	EXPECT_R0(0xc0000000, I_MOV32_IMM(0, 0x80000000),
		  I_ALU32_IMM(BPF_ARSH, 0, 1));
	/* mov64's imm sign-extends: 0xffffffff80000000 */
	EXPECT_R0(0xffffffffc0000000ull, I_MOV64_IMM(0, 0x80000000),
		  I_ALU64_IMM(BPF_ARSH, 0, 1));
	EXPECT_R0(0x8000000000000000ull, I_MOV64_IMM(0, 1),
		  I_ALU64_IMM(BPF_LSH, 0, 63));
	EXPECT_R0(1, I_MOV64_IMM(0, 1), I_MOV64_IMM(1, 64),
		  I_ALU64_REG(BPF_LSH, 0, 1));
}

static void test_sign_ext(void)
{
	EXPECT_R0(-128ull, I_MOV64_IMM(1, 0x180),
		  I_ALU64_REG_OFF(BPF_MOV, 0, 1, 8));
	EXPECT_R0(-32768ull, I_MOV64_IMM(1, 0x18000),
		  I_ALU64_REG_OFF(BPF_MOV, 0, 1, 16));
	EXPECT_R0(-1ull, I_LD_IMM64(1, 0x1ffffffffull),
		  I_ALU64_REG_OFF(BPF_MOV, 0, 1, 32));
	EXPECT_R0(0x7f, I_MOV64_IMM(1, 0x17f), I_ALU64_REG_OFF(BPF_MOV, 0, 1, 8));
	/* movsx32 sign-extends to 32 bits, then zero-extends */
	EXPECT_R0(0xffffff80, I_MOV64_IMM(1, 0x80),
		  I_ALU32_REG_OFF(BPF_MOV, 0, 1, 8));
	/* signed loads */
	EXPECT_R0(-2ull, I_ST(BPF_W, 10, -8, 0xfffe), I_LDXSX(BPF_H, 0, 10, -8));
	EXPECT_R0(-1ull, I_ST(BPF_W, 10, -8, 0xff), I_LDXSX(BPF_B, 0, 10, -8));
	EXPECT_R0(-1ull, I_ST(BPF_W, 10, -8, -1), I_LDXSX(BPF_W, 0, 10, -8));
	EXPECT_R0(0xffffffffull, I_ST(BPF_W, 10, -8, -1), I_LDX(BPF_W, 0, 10, -8));
	EXPECT_R0(0xff, I_ST(BPF_W, 10, -8, -1), I_LDX(BPF_B, 0, 10, -8));
	/* ST DW sign-extends its imm */
	EXPECT_R0(-1ull, I_ST(BPF_DW, 10, -8, -1), I_LDX(BPF_DW, 0, 10, -8));
}

static void test_endian(void)
{
	EXPECT_R0(0x3412, I_MOV64_IMM(0, 0xab1234),
		  I_ENDIAN(BPF_TO_BE, 0, 16));
	EXPECT_R0(0x78563412, I_LD_IMM64(0, 0xff12345678ull),
		  I_ENDIAN(BPF_TO_BE, 0, 32));
	EXPECT_R0(0xefcdab8967452301ull, I_LD_IMM64(0, 0x0123456789abcdefull),
		  I_ENDIAN(BPF_TO_BE, 0, 64));
	EXPECT_R0(0x1234, I_MOV64_IMM(0, 0xab1234), I_ENDIAN(BPF_TO_LE, 0, 16));
	EXPECT_R0(0x12345678, I_LD_IMM64(0, 0xff12345678ull),
		  I_ENDIAN(BPF_TO_LE, 0, 32));
	EXPECT_R0(0x3412, I_MOV64_IMM(0, 0xab1234), I_BSWAP(0, 16));
	EXPECT_R0(0xefcdab8967452301ull, I_LD_IMM64(0, 0x0123456789abcdefull),
		  I_BSWAP(0, 64));
}

struct jcase {
	__u8 op;
	__u64 a, b;
	bool t64, t32;
};

static void test_jumps(void)
{
	static const struct jcase cases[] = {
		{ BPF_JEQ, 5, 5, 1, 1 },
		{ BPF_JEQ, 0x100000005ull, 5, 0, 1 },
		{ BPF_JNE, 5, 6, 1, 1 },
		{ BPF_JGT, -1ull, 1, 1, 1 },
		{ BPF_JGT, 0x1ffffffffull, 0x200000000ull, 0, 1 },
		{ BPF_JGE, 5, 5, 1, 1 },
		{ BPF_JLT, 1, -1ull, 1, 1 },
		{ BPF_JLE, 6, 5, 0, 0 },
		{ BPF_JSET, 6, 1, 0, 0 },
		{ BPF_JSET, 0x100000000ull, 0x100000000ull, 1, 0 },
		{ BPF_JSGT, 1, -1ull, 1, 1 },
		{ BPF_JSGT, 0xffffffffull, 0, 1, 0 },
		{ BPF_JSGE, -1ull, -1ull, 1, 1 },
		{ BPF_JSLT, -2ull, -1ull, 1, 1 },
		{ BPF_JSLT, 0x80000000ull, 0, 0, 1 },
		{ BPF_JSLE, 3, 2, 0, 0 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct jcase *c = &cases[i];

		EXPECT_R0(c->t64, I_LD_IMM64(1, c->a), I_LD_IMM64(2, c->b),
			  I_MOV64_IMM(0, 1), I_JMP_REG(c->op, 1, 2, 1),
			  I_MOV64_IMM(0, 0));
		EXPECT_R0(c->t32, I_LD_IMM64(1, c->a), I_LD_IMM64(2, c->b),
			  I_MOV64_IMM(0, 1), I_JMP32_REG(c->op, 1, 2, 1),
			  I_MOV64_IMM(0, 0));
	}
	/* K forms: imm sign-extends for JMP, is taken as u32 for JMP32 */
	EXPECT_R0(1, I_MOV64_IMM(1, -1), I_MOV64_IMM(0, 1),
		  I_JMP_IMM(BPF_JEQ, 1, -1, 1), I_MOV64_IMM(0, 0));
	EXPECT_R0(1, I_MOV32_IMM(1, -1), I_MOV64_IMM(0, 1),
		  I_JMP32_IMM(BPF_JEQ, 1, -1, 1), I_MOV64_IMM(0, 0));
	/* goto, backward loop, gotol */
	EXPECT_R0(10, I_MOV64_IMM(0, 0), I_ALU64_IMM(BPF_ADD, 0, 1),
		  I_JMP_IMM(BPF_JLT, 0, 10, -2));
	EXPECT_R0(2, I_MOV64_IMM(0, 1), I_JA(1), I_MOV64_IMM(0, 9),
		  I_ALU64_IMM(BPF_ADD, 0, 1));
	EXPECT_R0(2, I_MOV64_IMM(0, 1), I_GOTOL(1), I_MOV64_IMM(0, 9),
		  I_ALU64_IMM(BPF_ADD, 0, 1));
	/* may_goto falls through until the budget runs out */
	{
		struct bpf_insn p[] = {
			I_MOV64_IMM(0, 0), I_MAY_GOTO(2),
			I_ALU64_IMM(BPF_ADD, 0, 1), I_JA(-3), I_EXIT(),
		};
		NOCSR_VM_OPTS(o, .max_steps = 1ull << 26);
		struct nocsr_vm_result res;

		CHECK_EQ(run(p, ARRAY_SIZE(p), &o, NULL, 0, &res), 0);
		CHECK_EQ(res.r0, 8u << 20);
	}
}

static void test_memory(void)
{
	__u8 ctx[16] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct nocsr_vm_result res, res2;
	struct bpf_insn p[] = {
		I_LDX(BPF_DW, 2, 1, 0),
		I_ST(BPF_B, 10, -1, 0x11),
		I_ST(BPF_B, 10, -2, 0x33),
		I_ST(BPF_H, 10, -4, 0x2222),
		I_STX(BPF_W, 10, 2, -8),
		I_LDX(BPF_DW, 0, 10, -8),
		I_STX(BPF_DW, 1, 0, 8),
		I_EXIT(),
	};
	int err;

	err = run(p, ARRAY_SIZE(p), NULL, ctx, sizeof(ctx), &res);
	CHECK_EQ(err, 0);
	CHECK_EQ(res.r0, 0x1133222204030201ull);
	CHECK_EQ(ctx[8], 0x01);
	CHECK_EQ(ctx[15], 0x11);
	CHECK(!res.r0_undef, "r0 built from stores is defined");
	/* the digest follows what was written into ctx */
	memset(ctx + 8, 0, 8);
	ctx[0] = 9;
	run(p, ARRAY_SIZE(p), NULL, ctx, sizeof(ctx), &res2);
	CHECK(res.mem_digest != res2.mem_digest, "digest sees ctx");
	/* reading stack never written is garbage, and marked so */
	EXPECT_R0(0, I_LDX(BPF_DW, 1, 10, -8), I_MOV64_IMM(0, 0));
	{
		struct bpf_insn q[] = { I_LDX(BPF_DW, 0, 10, -16), I_EXIT() };

		run(q, ARRAY_SIZE(q), NULL, NULL, 0, &res);
		CHECK(res.r0_undef, "uninit stack read marks r0");
	}
}

static void test_bounds(void)
{
	__u8 ctx[8];
	struct nocsr_vm_result res;
	struct bpf_insn ctx_oob[] = {
		I_LDX(BPF_W, 0, 1, 6), I_EXIT(),
	};

	EXPECT_ERR(-EFAULT, 1, I_MOV64_IMM(0, 0), I_LDX(BPF_DW, 0, 10, -520),
		   I_EXIT());
	EXPECT_ERR(-EFAULT, 0, I_STX(BPF_DW, 10, 1, -513), I_EXIT());
	EXPECT_ERR(-EFAULT, 0, I_LDX(BPF_B, 0, 10, 0), I_EXIT());
	EXPECT_ERR(-EFAULT, 0, I_STX(BPF_DW, 10, 1, -4), I_EXIT());
	/* a stray pointer far past the frame */
	EXPECT_ERR(-EFAULT, 2, I_MOV64_REG(1, 10),
		   I_ALU64_IMM(BPF_ADD, 1, 0x40000000), I_LDX(BPF_B, 0, 1, 0),
		   I_EXIT());
	EXPECT_ERR(-EFAULT, 1, I_MOV64_IMM(1, 0), I_LDX(BPF_B, 0, 1, 0),
		   I_EXIT());
	EXPECT_ERR(-EFAULT, 2, I_LD_IMM64(1, 0xdeadbeef), I_ST(BPF_B, 1, 0, 0),
		   I_EXIT());
	CHECK_EQ(run(ctx_oob, ARRAY_SIZE(ctx_oob), NULL, ctx, sizeof(ctx), &res),
		 -EFAULT);
	CHECK_EQ(res.err_insn, 0);
	/* the bottom slot of the stack is fine */
	EXPECT_R0(7, I_ST(BPF_DW, 10, -512, 7), I_LDX(BPF_DW, 0, 10, -512));
}

static int ro_setup(struct nocsr_vm *vm, void *priv)
{
	static __u8 rodata[8] = { 42 };
	__u64 addr;
	int err;

	err = nocsr_vm__add_region(vm, "rodata", rodata, sizeof(rodata), false,
				   &addr);
	*(__u64 *)priv = addr;
	return err;
}

static void test_regions(void)
{
	struct nocsr_vm_result res;
	__u64 addr = 0;
	NOCSR_VM_OPTS(o, .setup = ro_setup, .priv = &addr);
	struct bpf_insn first[] = { I_MOV64_IMM(0, 0), I_EXIT() };
	struct bpf_insn p[] = {
		I_LD_IMM64(1, 0), I_LDX(BPF_B, 0, 1, 0), I_ST(BPF_B, 1, 0, 1),
		I_EXIT(),
	};

	run(first, ARRAY_SIZE(first), &o, NULL, 0, &res);
	p[0].imm = (__s32)(__u32)addr;
	p[1].imm = (__s32)(addr >> 32);
	CHECK_EQ(run(p, ARRAY_SIZE(p), &o, NULL, 0, &res), -EACCES);
	CHECK_EQ(res.err_insn, 3);
	CHECK_EQ(res.r0, 42);
}

/* A packet region behind two converted ctx fields, like __sk_buff's. */
static __u8 test_pkt[8] = { 0x11, 0x22, 0x33, 0x44 };

static int pkt_setup(struct nocsr_vm *vm, void *priv)
{
	struct nocsr_vm_ctx_field f = { .off = 4, .size = 4 };
	__u64 addr;
	int err;

	(void)priv;
	err = nocsr_vm__add_region(vm, "pkt", test_pkt, sizeof(test_pkt), true,
				   &addr);
	if (!err) {
		f.val = addr;
		err = nocsr_vm__add_ctx_field(vm, &f);
	}
	if (!err) {
		f.off = 8;
		f.val = addr + sizeof(test_pkt);
		err = nocsr_vm__add_ctx_field(vm, &f);
	}
	if (!err) {
		f.off = 16;
		f.size = 8;
		f.val = 0;
		f.unknown = true;
		err = nocsr_vm__add_ctx_field(vm, &f);
	}
	/* overlapping fields are refused */
	if (!err && nocsr_vm__add_ctx_field(vm, &f) != -EINVAL)
		err = -EEXIST;
	return err;
}

static void test_ctx_fields(void)
{
	__u8 ctx[24] = { 0 };
	struct nocsr_vm_result res;
	NOCSR_VM_OPTS(o, .setup = pkt_setup);
	/* r0 = pkt[2] if data + 4 <= data_end; pkt[3] = 7 */
	struct bpf_insn p[] = {
		I_LDX(BPF_W, 2, 1, 4), I_LDX(BPF_W, 3, 1, 8),
		I_MOV64_REG(4, 2), I_ALU64_IMM(BPF_ADD, 4, 4),
		I_MOV64_IMM(0, 0),
		I_JMP_REG(BPF_JGT, 4, 3, 2),
		I_LDX(BPF_B, 0, 2, 2), I_ST(BPF_B, 2, 3, 7),
		I_EXIT(),
	};
	struct bpf_insn narrow[] = { I_LDX(BPF_B, 0, 1, 5), I_EXIT() };
	struct bpf_insn store[] = { I_ST(BPF_W, 1, 8, 0), I_EXIT() };
	struct bpf_insn unknown[] = {
		I_LDX(BPF_W, 0, 1, 0), I_LDX(BPF_DW, 0, 1, 16), I_EXIT(),
	};

	CHECK_EQ(run(p, ARRAY_SIZE(p), &o, ctx, sizeof(ctx), &res), 0);
	CHECK_EQ(res.r0, 0x33);
	CHECK_EQ(test_pkt[3], 7);
	CHECK_EQ(res.unknown_ctx_off, -1);
	CHECK_EQ(run(narrow, ARRAY_SIZE(narrow), &o, ctx, sizeof(ctx), &res),
		 -EACCES);
	CHECK_EQ(run(store, ARRAY_SIZE(store), &o, ctx, sizeof(ctx), &res),
		 -EACCES);
	CHECK_EQ(run(unknown, ARRAY_SIZE(unknown), &o, ctx, sizeof(ctx), &res),
		 0);
	CHECK_EQ(res.unknown_ctx_off, 16);
}

static void test_errors(void)
{
	struct nocsr_vm_result res;
	NOCSR_VM_OPTS(o, .max_steps = 1000);
	struct bpf_insn loop[] = { I_JA(-1), I_EXIT() };

	CHECK_EQ(run(loop, ARRAY_SIZE(loop), NULL, NULL, 0, &res), -E2BIG);
	CHECK_EQ(res.steps, NOCSR_VM_DEFAULT_STEPS);
	CHECK_EQ(run(loop, ARRAY_SIZE(loop), &o, NULL, 0, &res), -E2BIG);
	CHECK_EQ(res.steps, 1000);
	/* invalid opcodes, reserved fields, registers */
	EXPECT_ERR(-EINVAL, 1, I_MOV64_IMM(0, 0), NOCSR_INSN(0xff, 0, 0, 0, 0));
	EXPECT_ERR(-EINVAL, 0, NOCSR_INSN(BPF_ALU64 | 0xe0 | BPF_K, 0, 0, 0, 0),
		   I_EXIT());
	EXPECT_ERR(-EINVAL, 0, I_ALU64_IMM_OFF(BPF_ADD, 0, 1, 1), I_EXIT());
	EXPECT_ERR(-EINVAL, 0, I_ALU64_IMM_OFF(BPF_DIV, 0, 1, 2), I_EXIT());
	EXPECT_ERR(-EINVAL, 0, NOCSR_INSN(BPF_ALU64 | BPF_MOV | BPF_K, 0, 1, 0, 0),
		   I_EXIT());
	EXPECT_ERR(-EINVAL, 0, I_MOV64_IMM(11, 0), I_EXIT());
	EXPECT_ERR(-EINVAL, 0, I_MOV64_IMM(10, 0), I_EXIT());
	EXPECT_ERR(-EINVAL, 0, I_LDXSX(BPF_DW, 0, 10, -8), I_EXIT());
	EXPECT_ERR(-EINVAL, 0, I_ENDIAN(BPF_TO_BE, 0, 8), I_EXIT());
	EXPECT_ERR(-EINVAL, 0, I_ATOMIC(BPF_B, BPF_ADD, 10, 1, -8), I_EXIT());
	EXPECT_ERR(-EINVAL, 0, I_ATOMIC(BPF_DW, 0x20, 10, 1, -8), I_EXIT());
	/* control flow leaving the program */
	EXPECT_ERR(-EINVAL, 0, I_JA(5), I_EXIT());
	EXPECT_ERR(-EINVAL, 0, I_JA(-2), I_EXIT());
	EXPECT_ERR(-EINVAL, 1, I_MOV64_IMM(0, 0), I_MOV64_IMM(0, 0));
	/* jumping into the second half of ld_imm64 */
	EXPECT_ERR(-EINVAL, 2, I_JA(1), I_LD_IMM64(0, 1), I_EXIT());
	EXPECT_ERR(-EINVAL, 0, NOCSR_INSN(BPF_LD | BPF_DW | BPF_IMM, 0, 0, 0, 1));
	EXPECT_ERR(-EOPNOTSUPP, 0, NOCSR_INSN(BPF_LD | BPF_ABS | BPF_W, 0, 0, 0, 0),
		   I_EXIT());
	EXPECT_ERR(-ENOENT, 0, I_CALL(100000), I_EXIT());
	EXPECT_ERR(-ENOENT, 0, I_CALL_KFUNC(77), I_EXIT());
	EXPECT_ERR(-ENOENT, 0, I_LD_MAP_FD(1, 0), I_EXIT());
}

static void test_atomics(void)
{
	/* add/or/and/xor without fetch */
	EXPECT_R0(0x3c, I_ST(BPF_DW, 10, -8, 0x30), I_MOV64_IMM(1, 0x0c),
		  I_ATOMIC(BPF_DW, BPF_ADD, 10, 1, -8), I_LDX(BPF_DW, 0, 10, -8));
	EXPECT_R0(0x3c, I_ST(BPF_DW, 10, -8, 0x30), I_MOV64_IMM(1, 0x0c),
		  I_ATOMIC(BPF_DW, BPF_OR, 10, 1, -8), I_LDX(BPF_DW, 0, 10, -8));
	EXPECT_R0(0x10, I_ST(BPF_DW, 10, -8, 0x30), I_MOV64_IMM(1, 0x1c),
		  I_ATOMIC(BPF_DW, BPF_AND, 10, 1, -8), I_LDX(BPF_DW, 0, 10, -8));
	EXPECT_R0(0x2c, I_ST(BPF_DW, 10, -8, 0x30), I_MOV64_IMM(1, 0x1c),
		  I_ATOMIC(BPF_DW, BPF_XOR, 10, 1, -8), I_LDX(BPF_DW, 0, 10, -8));
	/* fetch returns the old value in src; 32-bit ops stay in 32 bits */
	EXPECT_R0(0x30, I_ST(BPF_DW, 10, -8, 0x30), I_MOV64_IMM(0, 1),
		  I_ATOMIC(BPF_DW, BPF_ADD | BPF_FETCH, 10, 0, -8));
	EXPECT_R0(0x00000000ffffffffull, I_ST(BPF_DW, 10, -8, -1),
		  I_MOV64_IMM(0, 1),
		  I_ATOMIC(BPF_W, BPF_OR | BPF_FETCH, 10, 0, -8));
	EXPECT_R0(0xffffffff00000000ull, I_ST(BPF_DW, 10, -8, -1),
		  I_MOV64_IMM(1, 1), I_ATOMIC(BPF_W, BPF_ADD, 10, 1, -8),
		  I_LDX(BPF_DW, 0, 10, -8));
	EXPECT_R0(0x0f, I_ST(BPF_DW, 10, -8, 0x0f), I_MOV64_IMM(0, 0x70),
		  I_ATOMIC(BPF_DW, BPF_AND | BPF_FETCH, 10, 0, -8));
	EXPECT_R0(0x7f, I_ST(BPF_DW, 10, -8, 0x0f), I_MOV64_IMM(1, 0x70),
		  I_ATOMIC(BPF_DW, BPF_XOR | BPF_FETCH, 10, 1, -8),
		  I_LDX(BPF_DW, 0, 10, -8));
	/* xchg */
	EXPECT_R0(0x95, I_ST(BPF_DW, 10, -8, 5), I_MOV64_IMM(1, 9),
		  I_ATOMIC(BPF_DW, BPF_XCHG, 10, 1, -8), I_LDX(BPF_DW, 0, 10, -8),
		  I_ALU64_IMM(BPF_LSH, 0, 4), I_ALU64_REG(BPF_OR, 0, 1));
	/* cmpxchg: success stores, failure does not; r0 = old either way */
	EXPECT_R0(0x59, I_ST(BPF_DW, 10, -8, 5), I_MOV64_IMM(0, 5),
		  I_MOV64_IMM(1, 9), I_ATOMIC(BPF_DW, BPF_CMPXCHG, 10, 1, -8),
		  I_LDX(BPF_DW, 2, 10, -8), I_ALU64_IMM(BPF_LSH, 0, 4),
		  I_ALU64_REG(BPF_OR, 0, 2));
	EXPECT_R0(0x55, I_ST(BPF_DW, 10, -8, 5), I_MOV64_IMM(0, 6),
		  I_MOV64_IMM(1, 9), I_ATOMIC(BPF_DW, BPF_CMPXCHG, 10, 1, -8),
		  I_LDX(BPF_DW, 2, 10, -8), I_ALU64_IMM(BPF_LSH, 0, 4),
		  I_ALU64_REG(BPF_OR, 0, 2));
	/* 32-bit cmpxchg compares the low half of r0 */
	EXPECT_R0(9, I_ST(BPF_DW, 10, -8, 5), I_LD_IMM64(0, 0x700000005ull),
		  I_MOV64_IMM(1, 9), I_ATOMIC(BPF_W, BPF_CMPXCHG, 10, 1, -8),
		  I_LDX(BPF_W, 0, 10, -8));
	/* load-acquire / store-release */
	EXPECT_R0(0x44, I_MOV64_IMM(1, 0x44),
		  I_ATOMIC(BPF_B, 0x110, 10, 1, -1),
		  I_ATOMIC(BPF_B, 0x100, 0, 10, -1));
}

static void test_subprogs(void)
{
	struct nocsr_vm_result res;
	/* r6 survives the call; the callee has its own r10 and stack */
	EXPECT_R0(0x2a0007, I_MOV64_IMM(6, 7), I_ST(BPF_DW, 10, -8, 0x2a),
		  I_MOV64_IMM(1, 0x2a), I_CALL_REL(3),
		  I_ALU64_IMM(BPF_LSH, 0, 16), I_ALU64_REG(BPF_OR, 0, 6),
		  I_EXIT(),
		  /* callee: r0 = r1, clobbers r6 and its own stack */
		  I_MOV64_IMM(6, 99), I_ST(BPF_DW, 10, -8, 1),
		  I_MOV64_REG(0, 1));
	/* a callee writes into its caller's frame through a pointer */
	EXPECT_R0(55, I_MOV64_REG(1, 10), I_ALU64_IMM(BPF_ADD, 1, -8),
		  I_CALL_REL(2), I_LDX(BPF_DW, 0, 10, -8), I_EXIT(),
		  I_ST(BPF_DW, 1, 0, 55), I_MOV64_IMM(0, 0));
	/* recursion: the 9th frame is too deep */
	{
		struct bpf_insn p[] = { I_CALL_REL(-1), I_EXIT() };

		CHECK_EQ(run(p, ARRAY_SIZE(p), NULL, NULL, 0, &res), -ELOOP);
		CHECK_EQ(res.err_insn, 0);
		CHECK_EQ(res.steps, 8);
	}
	/* 7 frames below main are fine: f(6) .. f(0) */
	EXPECT_R0(6, I_MOV64_IMM(1, 6), I_CALL_REL(1), I_EXIT(),
		  /* f(n) = n ? f(n - 1) + 1 : 0 */
		  I_MOV64_IMM(0, 0), I_JMP_IMM(BPF_JEQ, 1, 0, 5),
		  I_MOV64_REG(6, 1), I_ALU64_IMM(BPF_ADD, 1, -1), I_CALL_REL(-5),
		  I_ALU64_IMM(BPF_ADD, 0, 1), I_EXIT(), I_EXIT());
}

static const char *kfunc_names(__s32 btf_id, __s16 off, void *priv)
{
	(void)off;
	(void)priv;
	switch (btf_id) {
	case 100:
		return "bpf_cast_to_kern_ctx";
	case 101:
		return "bpf_rdonly_cast";
	case 102:
		return "bpf_no_such_kfunc";
	default:
		return NULL;
	}
}

/* r1 = 42, call, r0 = rX: r0 tells whether rX survived the call. */
static __u64 survive(struct bpf_insn call, int reg,
		     enum nocsr_vm_clobber mode, __u64 seed, bool *undef)
{
	struct bpf_insn p[] = {
		I_MOV64_IMM(1, 42), I_MOV64_IMM(2, 43), I_MOV64_IMM(3, 44),
		I_MOV64_IMM(4, 45), I_MOV64_IMM(5, 46), call,
		I_MOV64_REG(0, reg), I_EXIT(),
	};
	NOCSR_VM_OPTS(o, .clobber = mode, .seed = seed,
		      .kfunc_name = kfunc_names);
	struct nocsr_vm_result res;

	run(p, ARRAY_SIZE(p), &o, NULL, 0, &res);
	CHECK_EQ(res.err, 0);
	if (undef)
		*undef = res.r0_undef;
	return res.r0;
}

static void test_clobber(void)
{
	struct bpf_insn cpu = I_CALL(8), rnd = I_CALL(7);
	struct bpf_insn cast = I_CALL_KFUNC(100), rdonly = I_CALL_KFUNC(101);
	bool u1, u2;

	/* old kernel: every call scrambles r1..r5, per seed */
	CHECK(survive(cpu, 1, NOCSR_VM_CLOBBER_OLD, 1, &u1) !=
	      survive(cpu, 1, NOCSR_VM_CLOBBER_OLD, 2, &u2),
	      "old mode: r1 after call 8 depends on the seed");
	CHECK(u1 && u2, "old mode: r1 after call 8 is marked garbage");
	CHECK(survive(cpu, 5, NOCSR_VM_CLOBBER_OLD, 1, NULL) !=
	      survive(cpu, 5, NOCSR_VM_CLOBBER_OLD, 2, NULL), "old mode: r5");
	/* same seed, same garbage: runs are reproducible */
	CHECK_EQ(survive(cpu, 1, NOCSR_VM_CLOBBER_OLD, 3, NULL),
		 survive(cpu, 1, NOCSR_VM_CLOBBER_OLD, 3, NULL));
	/* new kernel: call 8 is fastcall, clobbers r0 only */
	CHECK_EQ(survive(cpu, 1, NOCSR_VM_CLOBBER_NEW, 1, &u1), 42);
	CHECK_EQ(survive(cpu, 1, NOCSR_VM_CLOBBER_NEW, 2, NULL), 42);
	CHECK_EQ(survive(cpu, 5, NOCSR_VM_CLOBBER_NEW, 2, NULL), 46);
	CHECK(!u1, "new mode: r1 after call 8 is defined");
	/* ...but an ordinary helper still clobbers r1..r5 */
	CHECK(survive(rnd, 1, NOCSR_VM_CLOBBER_NEW, 1, &u1) !=
	      survive(rnd, 1, NOCSR_VM_CLOBBER_NEW, 2, NULL) && u1,
	      "new mode: r1 after call 7");
	/* fastcall kfuncs clobber r0 and their arguments only */
	CHECK_EQ(survive(cast, 0, NOCSR_VM_CLOBBER_NEW, 1, NULL), 42);
	CHECK(survive(cast, 1, NOCSR_VM_CLOBBER_NEW, 1, &u1) !=
	      survive(cast, 1, NOCSR_VM_CLOBBER_NEW, 2, NULL) && u1,
	      "new mode: cast_to_kern_ctx clobbers r1");
	CHECK_EQ(survive(cast, 2, NOCSR_VM_CLOBBER_NEW, 1, NULL), 43);
	CHECK_EQ(survive(rdonly, 3, NOCSR_VM_CLOBBER_NEW, 1, NULL), 44);
	CHECK(survive(rdonly, 2, NOCSR_VM_CLOBBER_NEW, 1, NULL) !=
	      survive(rdonly, 2, NOCSR_VM_CLOBBER_NEW, 2, NULL),
	      "new mode: rdonly_cast clobbers r2");
	CHECK(survive(cast, 2, NOCSR_VM_CLOBBER_OLD, 1, NULL) !=
	      survive(cast, 2, NOCSR_VM_CLOBBER_OLD, 2, NULL),
	      "old mode: cast_to_kern_ctx clobbers r2");
	/* the interpreter's view: nothing clobbered */
	CHECK_EQ(survive(rnd, 3, NOCSR_VM_CLOBBER_NONE, 1, &u1), 44);
	CHECK(!u1, "none mode: r3 defined");
}

static bool only_prandom(const struct nocsr_vm_call *c, void *priv)
{
	(void)priv;
	return !c->is_kfunc && c->id == 7;
}

static void test_fastcall_pattern(void)
{
	/* the compiled form: spill, call, fill keeps r1 in any mode */
	struct bpf_insn p[] = {
		I_MOV64_IMM(1, 42), I_STX(BPF_DW, 10, 1, -8), I_CALL(8),
		I_LDX(BPF_DW, 1, 10, -8), I_MOV64_REG(0, 1), I_EXIT(),
	};
	struct bpf_insn q[] = {
		I_MOV64_IMM(1, 42), I_CALL(7), I_MOV64_REG(0, 1), I_EXIT(),
	};
	NOCSR_VM_OPTS(o, .clobber = NOCSR_VM_CLOBBER_OLD, .seed = 5);
	NOCSR_VM_OPTS(n, .clobber = NOCSR_VM_CLOBBER_NEW, .seed = 6,
		      .is_fastcall = only_prandom);
	struct nocsr_vm_result res;

	run(p, ARRAY_SIZE(p), &o, NULL, 0, &res);
	CHECK_EQ(res.r0, 42);
	CHECK(!res.r0_undef && !res.undef_uses, "pattern is clean");
	CHECK_EQ(res.calls, 1);
	CHECK_EQ(res.fastcalls, 0);
	/* a caller-supplied predicate replaces the default */
	run(q, ARRAY_SIZE(q), &n, NULL, 0, &res);
	CHECK_EQ(res.r0, 42);
	CHECK_EQ(res.fastcalls, 1);
	run(p, ARRAY_SIZE(p), &n, NULL, 0, &res);
	CHECK_EQ(res.fastcalls, 0);
}

static void test_undef_tracking(void)
{
	struct nocsr_vm_result res;
	/* branch on a register clobbered by the call */
	struct bpf_insn p[] = {
		I_MOV64_IMM(1, 1), I_CALL(8), I_MOV64_IMM(0, 0),
		I_JMP_IMM(BPF_JEQ, 1, 1, 0), I_EXIT(),
	};
	/* garbage stored into ctx stays visible after the run */
	struct bpf_insn q[] = {
		I_MOV64_REG(6, 1), I_CALL(8), I_STX(BPF_W, 6, 2, 0),
		I_MOV64_IMM(0, 0), I_EXIT(),
	};
	__u8 ctx[8] = { 0 };

	run(p, ARRAY_SIZE(p), NULL, NULL, 0, &res);
	CHECK_EQ(res.undef_uses, 1);
	CHECK_EQ(res.first_undef_use, 3);
	CHECK(!res.r0_undef, "r0 set after the call");
	run(q, ARRAY_SIZE(q), NULL, ctx, sizeof(ctx), &res);
	CHECK_EQ(res.mem_undef_bytes, 4);
	/* garbage through a spill and a fill keeps its mark */
	{
		struct bpf_insn s[] = {
			I_CALL(8), I_STX(BPF_DW, 10, 3, -8),
			I_LDX(BPF_DW, 0, 10, -8), I_EXIT(),
		};

		run(s, ARRAY_SIZE(s), NULL, NULL, 0, &res);
		CHECK(res.r0_undef, "garbage survives spill/fill");
	}
}

static int map_setup(struct nocsr_vm *vm, void *priv)
{
	struct nocsr_vm_map *arr, *hash;
	__u32 k = 1;
	__u64 v = 100;
	int err;

	(void)priv;
	err = nocsr_vm__map_create(vm, "arr", BPF_MAP_TYPE_ARRAY, 4, 8, 4, &arr);
	if (!err)
		err = nocsr_vm__map_create(vm, "hash", BPF_MAP_TYPE_HASH, 4, 8,
					   2, &hash);
	if (!err)
		err = nocsr_vm_map__update(arr, &k, &v, BPF_ANY);
	return err;
}

static void test_maps(void)
{
	NOCSR_VM_OPTS(o, .setup = map_setup);
	struct nocsr_vm_result res, res2;
	/* arr[1] += 5 through lookup; returns new value */
	struct bpf_insn arr[] = {
		I_ST(BPF_W, 10, -4, 1), I_LD_MAP_FD(1, 0), I_MOV64_REG(2, 10),
		I_ALU64_IMM(BPF_ADD, 2, -4), I_CALL(1),
		I_JMP_IMM(BPF_JEQ, 0, 0, 4), I_MOV64_IMM(1, 5),
		I_ATOMIC(BPF_DW, BPF_ADD, 0, 1, 0), I_LDX(BPF_DW, 0, 0, 0),
		I_EXIT(), I_MOV64_IMM(0, -1), I_EXIT(),
	};
	/* hash: update k=7 v=9, lookup it, delete, lookup again (NULL) */
	struct bpf_insn hash[] = {
		I_ST(BPF_W, 10, -4, 7), I_ST(BPF_DW, 10, -16, 9),
		I_LD_MAP_FD(1, 1), I_MOV64_REG(2, 10), I_ALU64_IMM(BPF_ADD, 2, -4),
		I_MOV64_REG(3, 10), I_ALU64_IMM(BPF_ADD, 3, -16),
		I_MOV64_IMM(4, BPF_NOEXIST), I_CALL(2),
		I_MOV64_REG(6, 0),				/* 0 */
		I_LD_MAP_FD(1, 1), I_MOV64_REG(2, 10), I_ALU64_IMM(BPF_ADD, 2, -4),
		I_CALL(1), I_LDX(BPF_DW, 7, 0, 0),		/* 9 */
		I_LD_MAP_FD(1, 1), I_MOV64_REG(2, 10), I_ALU64_IMM(BPF_ADD, 2, -4),
		I_CALL(3), I_ALU64_IMM(BPF_LSH, 0, 8), I_ALU64_REG(BPF_OR, 6, 0),
		I_LD_MAP_FD(1, 1), I_MOV64_REG(2, 10), I_ALU64_IMM(BPF_ADD, 2, -4),
		I_CALL(1), I_ALU64_IMM(BPF_LSH, 7, 16), I_ALU64_REG(BPF_OR, 0, 7),
		I_ALU64_REG(BPF_OR, 0, 6), I_EXIT(),
	};
	/* .data-style direct value access: arr[0] at offset 4 */
	struct bpf_insn direct[] = {
		I_LD_MAP_VALUE(1, 0, 4), I_ST(BPF_W, 1, 0, 77),
		I_LDX(BPF_W, 0, 1, 0), I_EXIT(),
	};
	struct bpf_insn bad_map[] = {
		I_MOV64_REG(1, 10), I_CALL(1), I_EXIT(),
	};

	CHECK_EQ(run(arr, ARRAY_SIZE(arr), &o, NULL, 0, &res), 0);
	CHECK_EQ(res.r0, 105);
	CHECK_EQ(run(hash, ARRAY_SIZE(hash), &o, NULL, 0, &res2), 0);
	CHECK_EQ(res2.r0, 0x90000);
	CHECK(res.mem_digest != res2.mem_digest, "map digests differ");
	CHECK_EQ(run(direct, ARRAY_SIZE(direct), &o, NULL, 0, &res), 0);
	CHECK_EQ(res.r0, 77);
	CHECK_EQ(run(bad_map, ARRAY_SIZE(bad_map), &o, NULL, 0, &res), -EINVAL);
	CHECK_EQ(res.err_insn, 1);
	/* the verifier's inline lookups: arr[1] at map + offset + 8 ... */
	{
		struct bpf_insn p[] = {
			I_LD_MAP_FD(1, 0),
			I_ALU64_IMM(BPF_ADD, 1, NOCSR_VM_ARRAY_VALUE_OFF),
			I_LDX(BPF_DW, 0, 1, 8), I_EXIT(),
		};
		struct bpf_insn q[] = {
			I_LD_MAP_FD(1, 0), I_LDX(BPF_DW, 0, 1, 0), I_EXIT(),
		};

		CHECK_EQ(run(p, ARRAY_SIZE(p), &o, NULL, 0, &res), 0);
		CHECK_EQ(res.r0, 100);
		/* ... while the map header itself is not memory */
		CHECK_EQ(run(q, ARRAY_SIZE(q), &o, NULL, 0, &res), -EFAULT);
	}
	/* ... and hash elements sit NOCSR_VM_HTAB_VALUE_OFF before values */
	{
		struct bpf_insn p[] = {
			I_ST(BPF_W, 10, -4, 7), I_ST(BPF_DW, 10, -16, 9),
			I_LD_MAP_FD(1, 1), I_MOV64_REG(2, 10),
			I_ALU64_IMM(BPF_ADD, 2, -4), I_MOV64_REG(3, 10),
			I_ALU64_IMM(BPF_ADD, 3, -16), I_MOV64_IMM(4, 0), I_CALL(2),
			I_LD_MAP_FD(1, 1), I_MOV64_REG(2, 10),
			I_ALU64_IMM(BPF_ADD, 2, -4),
			I_CALL(NOCSR_VM_FUNC_HTAB_LOOKUP),
			I_ALU64_IMM(BPF_ADD, 0, NOCSR_VM_HTAB_VALUE_OFF),
			I_LDX(BPF_DW, 0, 0, 0), I_EXIT(),
		};

		CHECK_EQ(run(p, ARRAY_SIZE(p), &o, NULL, 0, &res), 0);
		CHECK_EQ(res.r0, 9);
		CHECK(!res.undef_uses, "htab lookup takes two args");
	}
}

static void test_map_api(void)
{
	struct nocsr_vm_map *h;
	struct nocsr_vm *vm;
	struct bpf_insn p[] = { I_MOV64_IMM(0, 0), I_EXIT() };
	__u32 k1 = 1, k2 = 2, k3 = 3;
	__u64 v = 5, addr;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	CHECK_EQ(nocsr_vm__new(&vm, p, ARRAY_SIZE(p), NULL), 0);
	CHECK_EQ(nocsr_vm__map_create(vm, "h", BPF_MAP_TYPE_HASH, 4, 8, 2, &h), 0);
	CHECK_EQ(nocsr_vm_map__update(h, &k2, &v, BPF_ANY), 0);
	CHECK_EQ(nocsr_vm_map__update(h, &k1, &v, BPF_NOEXIST), 0);
	CHECK_EQ(nocsr_vm_map__update(h, &k1, &v, BPF_NOEXIST), -EEXIST);
	CHECK_EQ(nocsr_vm_map__update(h, &k3, &v, BPF_EXIST), -ENOENT);
	CHECK_EQ(nocsr_vm_map__update(h, &k3, &v, BPF_ANY), -E2BIG);
	CHECK_EQ(nocsr_vm_map__lookup(h, &k1, &addr), 0);
	CHECK_EQ(*(__u64 *)nocsr_vm__mem(vm, addr, 8, false), 5);
	CHECK(nocsr_vm__mem(vm, addr, 32, false) == NULL, "value bounds");
	CHECK(nocsr_vm__map_by_name(vm, "h") == h, "by name");
	CHECK(nocsr_vm__map_at(vm, nocsr_vm_map__addr(h)) == h, "by addr");
	CHECK_EQ(nocsr_vm_map__delete(h, &k3), -ENOENT);
	CHECK_EQ(nocsr_vm_map__delete(h, &k2), 0);
	CHECK_EQ(nocsr_vm__map_create(vm, "x", BPF_MAP_TYPE_ARRAY, 8, 8, 1, NULL),
		 -EINVAL);
	CHECK_EQ(nocsr_vm__map_create(vm, "x", BPF_MAP_TYPE_RINGBUF, 0, 0, 1,
				      NULL), -EINVAL);
	/* the dump lists hash entries by key */
	f = open_memstream(&buf, &len);
	nocsr_vm__dump_mem(vm, f);
	fclose(f);
	CHECK(buf && strstr(buf, "map h: hash, 1 entries\n key:\n  0000: 01 00 00 00\n"),
	      "dump: %s", buf);
	free(buf);
	nocsr_vm__free(vm);
}

static int region_setup(struct nocsr_vm *vm, void *priv)
{
	static char kmem[16] = "kernel str";

	return nocsr_vm__add_region(vm, "kmem", kmem, sizeof(kmem), false,
				    (__u64 *)priv);
}

static void test_helpers(void)
{
	__u64 kaddr = 0;
	NOCSR_VM_OPTS(o, .cpu = 3, .prandom_seed = 11, .setup = region_setup,
		      .priv = &kaddr);
	struct nocsr_vm_result res, res2;
	struct bpf_insn cpu[] = { I_CALL(8), I_EXIT() };
	struct bpf_insn rnd[] = {
		I_CALL(7), I_MOV64_REG(6, 0), I_CALL(7), I_ALU64_IMM(BPF_LSH, 0, 32),
		I_ALU64_REG(BPF_OR, 0, 6), I_EXIT(),
	};
	struct bpf_insn kt[] = {
		I_CALL(5), I_MOV64_REG(6, 0), I_CALL(5), I_ALU64_REG(BPF_SUB, 0, 6),
		I_EXIT(),
	};
	/* probe_read_kernel(r10 - 16, 8, kmem) then one from NULL */
	struct bpf_insn pr[] = {
		I_MOV64_REG(1, 10), I_ALU64_IMM(BPF_ADD, 1, -16), I_MOV64_IMM(2, 8),
		I_LD_IMM64(3, 0), I_CALL(113), I_LDX(BPF_DW, 6, 10, -16),
		I_MOV64_REG(1, 10), I_ALU64_IMM(BPF_ADD, 1, -16), I_MOV64_IMM(2, 8),
		I_MOV64_IMM(3, 0), I_CALL(113), I_LDX(BPF_DW, 1, 10, -16),
		I_ALU64_REG(BPF_OR, 0, 1), I_ALU64_REG(BPF_ADD, 0, 6), I_EXIT(),
	};

	CHECK_EQ(run(cpu, ARRAY_SIZE(cpu), &o, NULL, 0, &res), 0);
	CHECK_EQ(res.r0, 3);
	run(rnd, ARRAY_SIZE(rnd), &o, NULL, 0, &res);
	run(rnd, ARRAY_SIZE(rnd), &o, NULL, 0, &res2);
	CHECK_EQ(res.r0, res2.r0);
	CHECK((__u32)res.r0 != res.r0 >> 32, "two prandom values differ");
	o.seed = 99;	/* garbage seed does not move the prandom stream */
	run(rnd, ARRAY_SIZE(rnd), &o, NULL, 0, &res2);
	CHECK_EQ(res.r0, res2.r0);
	o.prandom_seed = 12;
	run(rnd, ARRAY_SIZE(rnd), &o, NULL, 0, &res2);
	CHECK(res.r0 != res2.r0, "prandom follows its seed");
	run(kt, ARRAY_SIZE(kt), &o, NULL, 0, &res);
	CHECK(res.r0 > 0 && res.r0 < 1000000, "ktime monotonic: %llu",
	      (unsigned long long)res.r0);
	/* resolve kmem's address by a first run, then patch it in */
	run(cpu, ARRAY_SIZE(cpu), &o, NULL, 0, &res);
	pr[3].imm = (__s32)(__u32)kaddr;
	pr[4].imm = (__s32)(kaddr >> 32);
	CHECK_EQ(run(pr, ARRAY_SIZE(pr), &o, NULL, 0, &res), 0);
	CHECK_EQ(res.r0, (__u64)-EFAULT + 0x73206c656e72656bull);
}

static int printk_setup(struct nocsr_vm *vm, void *priv)
{
	static char fmt[] = "x=%d h=%lx s=%s%%\n";
	static char str[] = "hi";
	static char fmt4[] = "%d%d%d%d";
	__u64 *addr = priv;
	int err;

	err = nocsr_vm__add_region(vm, "fmt", fmt, sizeof(fmt), false, &addr[0]);
	if (!err)
		err = nocsr_vm__add_region(vm, "str", str, sizeof(str), false,
					   &addr[1]);
	if (!err)
		err = nocsr_vm__add_region(vm, "fmt4", fmt4, sizeof(fmt4), false,
					   &addr[2]);
	return err;
}

static void test_printk(void)
{
	__u64 addr[3] = { 0 };
	NOCSR_VM_OPTS(o, .setup = printk_setup, .priv = addr);
	struct nocsr_vm_result res;
	struct bpf_insn p[] = {
		I_LD_IMM64(1, 0), I_MOV64_IMM(2, 19), I_MOV64_IMM(3, -5),
		I_MOV64_IMM(4, -5), I_LD_IMM64(5, 0), I_CALL(6), I_EXIT(),
	};
	struct nocsr_vm *vm;

	run(p, ARRAY_SIZE(p), &o, NULL, 0, &res);
	p[0].imm = (__s32)(__u32)addr[0];
	p[1].imm = (__s32)(addr[0] >> 32);
	p[5].imm = (__s32)(__u32)addr[1];
	p[6].imm = (__s32)(addr[1] >> 32);
	/* this one needs the VM's output afterwards: no one-shot */
	CHECK_EQ(nocsr_vm__new(&vm, p, ARRAY_SIZE(p), &o), 0);
	CHECK_EQ(printk_setup(vm, addr), 0);
	CHECK_EQ(nocsr_vm__run(vm, NULL, 0, &res), 0);
	CHECK(!strcmp(nocsr_vm__output(vm, NULL),
		      "x=-5 h=fffffffffffffffb s=hi%\n"),
	      "printk: '%s'", nocsr_vm__output(vm, NULL));
	CHECK_EQ(res.r0, strlen("x=-5 h=fffffffffffffffb s=hi%\n"));
	nocsr_vm__free(vm);
	/* a size that cuts the NUL off, then a fourth conversion: -EINVAL */
	p[2].imm = 18;
	CHECK_EQ(run(p, ARRAY_SIZE(p), &o, NULL, 0, &res), 0);
	CHECK_EQ(res.r0, (__u64)-EINVAL);
	p[0].imm = (__s32)(__u32)addr[2];
	p[1].imm = (__s32)(addr[2] >> 32);
	p[2].imm = 9;
	CHECK_EQ(run(p, ARRAY_SIZE(p), &o, NULL, 0, &res), 0);
	CHECK_EQ(res.r0, (__u64)-EINVAL);
}

static void test_kfuncs(void)
{
	NOCSR_VM_OPTS(o, .kfunc_name = kfunc_names);
	struct nocsr_vm_result res;
	struct bpf_insn p[] = { I_CALL_KFUNC(100), I_EXIT() };
	struct bpf_insn q[] = { I_CALL_KFUNC(102), I_EXIT() };
	__u8 ctx[4];

	CHECK_EQ(run(p, ARRAY_SIZE(p), &o, ctx, sizeof(ctx), &res), 0);
	CHECK_EQ(res.r0 >> 48, 0xffff);
	CHECK_EQ(run(q, ARRAY_SIZE(q), &o, NULL, 0, &res), -ENOENT);
}

static void test_loop(void)
{
	struct nocsr_vm_result res;
	/* bpf_loop(5, cb, &ctx, 0); cb adds its index to *ctx */
	struct bpf_insn p[] = {
		I_ST(BPF_DW, 10, -8, 0), I_MOV64_IMM(1, 5), I_LD_FUNC(2, 9),
		I_MOV64_REG(3, 10), I_ALU64_IMM(BPF_ADD, 3, -8), I_MOV64_IMM(4, 0),
		I_CALL(181), I_LDX(BPF_DW, 1, 10, -8), I_ALU64_IMM(BPF_LSH, 0, 8),
		I_ALU64_REG(BPF_OR, 0, 1), I_EXIT(),
		/* cb(i, ctx) */
		I_LDX(BPF_DW, 3, 2, 0), I_ALU64_REG(BPF_ADD, 3, 1),
		I_STX(BPF_DW, 2, 3, 0), I_MOV64_IMM(0, 0), I_EXIT(),
	};

	CHECK_EQ(run(p, ARRAY_SIZE(p), NULL, NULL, 0, &res), 0);
	CHECK_EQ(res.r0, 0x50a);
}

static void test_xlated(void)
{
	NOCSR_VM_OPTS(o, .xlated = true, .seed = 1);
	struct nocsr_vm_result res;
	/* AX, and the timed may_goto refill: AX in, AX out, nothing clobbered */
	struct bpf_insn p[] = {
		I_MOV64_IMM(1, 7), I_ST(BPF_DW, 10, -16, 0), I_ST(BPF_DW, 10, -8, 0),
		I_MOV64_IMM(11, -16), I_CALL(NOCSR_VM_FUNC_TIMED_MAY_GOTO),
		I_STX(BPF_DW, 10, 11, -16), I_LDX(BPF_DW, 0, 10, -16),
		I_LDX(BPF_DW, 2, 10, -8), I_ALU64_IMM(BPF_LSH, 2, 32),
		I_ALU64_REG(BPF_OR, 0, 2), I_ALU64_IMM(BPF_LSH, 1, 20),
		I_ALU64_REG(BPF_OR, 0, 1), I_EXIT(),
	};

	CHECK_EQ(run(p, ARRAY_SIZE(p), &o, NULL, 0, &res), 0);
	CHECK_EQ(res.r0, 0x10070ffffull);
	CHECK_EQ(res.calls, 0);
	/* the same program is not acceptable as compiler output */
	CHECK_EQ(run(p, ARRAY_SIZE(p), NULL, NULL, 0, &res), -EINVAL);
	CHECK_EQ(res.err_insn, 3);
}

static __u64 stress_rng(__u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Opcodes worth trying: every class, with the interesting modes. */
static const __u8 stress_codes[] = {
	0x07, 0x0f, 0x17, 0x1f, 0x27, 0x2f, 0x37, 0x3f, 0x47, 0x4f, 0x57,
	0x5f, 0x67, 0x6f, 0x77, 0x7f, 0x87, 0x97, 0x9f, 0xa7, 0xaf, 0xb7,
	0xbf, 0xc7, 0xcf, 0xd7, 0xdc, 0xd4, 0x04, 0x0c, 0x34, 0x3c, 0x94,
	0x9c, 0xb4, 0xbc, 0x05, 0x06, 0x15, 0x1d, 0x25, 0x2d, 0x35, 0x45,
	0x55, 0x65, 0x75, 0xa5, 0xb5, 0xc5, 0xd5, 0x16, 0x1e, 0x56, 0x85,
	0x95, 0xe5, 0x18, 0x61, 0x69, 0x71, 0x79, 0x81, 0x89, 0x91, 0x62,
	0x6a, 0x72, 0x7a, 0x63, 0x6b, 0x73, 0x7b, 0xc3, 0xdb, 0xd3, 0x20,
	0x00, 0xff,
};

static struct bpf_insn stress_insn(__u64 *s)
{
	__u64 r = stress_rng(s);
	struct bpf_insn insn = {
		.code = stress_codes[r % sizeof(stress_codes)],
		.dst_reg = (r >> 8) % 12,
		.src_reg = (r >> 12) % 12,
	};
	static const __s32 imms[] = { 0, 1, -1, 8, 16, 32, 64, 0x1, 0x41,
				      0xe1, 0xf1, 0x100, 0x110, -512, 0x7fffffff };
	static const __s16 offs[] = { 0, 1, -1, -8, -16, -512, -520, 8, 32,
				      -2, 2, 0x7fff };

	insn.off = offs[(r >> 16) % ARRAY_SIZE(offs)];
	insn.imm = imms[(r >> 24) % ARRAY_SIZE(imms)];
	if ((r >> 32) % 4 == 0) {
		insn.dst_reg = 10;
		insn.src_reg = (r >> 40) % 2 ? 10 : 1;
	}
	/* Mostly well-formed, so that runs get past their first insn. */
	if ((r >> 44) % 8) {
		__u8 cls = BPF_CLASS(insn.code);

		insn.dst_reg %= 10;
		insn.src_reg %= 11;
		if (cls == BPF_ALU || cls == BPF_ALU64 || cls == BPF_JMP ||
		    cls == BPF_JMP32) {
			if (BPF_SRC(insn.code) == BPF_K)
				insn.src_reg = 0;
			else
				insn.imm = 0;
			if (cls <= BPF_ALU64 || BPF_OP(insn.code) != BPF_JA)
				insn.off = cls >= BPF_JMP ? insn.off % 4 : 0;
		}
		if (insn.code == (BPF_JMP | BPF_CALL))
			insn.imm = (r >> 48) % 2 ? 8 : 7;
	}
	return insn;
}

/* Random programs must end in a result or a clean error, never a crash. */
static void test_stress(void)
{
	__u8 ctx[64];
	struct bpf_insn p[24];
	struct nocsr_vm_result res;
	__u64 seed = 0x9e3779b97f4a7c15ull;
	unsigned int i, j, n, ok = 0, errs = 0;
	int err;

	for (i = 0; i < 20000; i++) {
		NOCSR_VM_OPTS(o, .max_steps = 2000, .seed = i,
			      .clobber = (enum nocsr_vm_clobber)(i % 3),
			      .xlated = i % 2, .kfunc_name = kfunc_names);

		n = 2 + stress_rng(&seed) % (ARRAY_SIZE(p) - 1);
		for (j = 0; j < n; j++)
			p[j] = stress_insn(&seed);
		p[n - 1] = I_EXIT();
		memset(ctx, 0x5a, sizeof(ctx));
		err = run(p, n, &o, ctx, sizeof(ctx), &res);
		if (!err) {
			ok++;
			continue;
		}
		errs++;
		CHECK(err < 0 && res.err == err && res.msg[0] &&
		      res.err_insn >= 0 && res.err_insn < (int)n,
		      "program %u: err %d at %d (%s)", i, err, res.err_insn,
		      res.msg);
	}
	CHECK(ok > 300 && errs > 1000, "%u ran, %u failed cleanly", ok, errs);
	if (verbose)
		printf("  # stress: %u ran, %u failed cleanly\n", ok, errs);
}

#define TEST(fn)							\
	do {								\
		cur = &#fn[5];						\
		cur_failed = false;					\
		fn();							\
		if (cur_failed)						\
			failed++;					\
		else							\
			passed++;					\
		if (!cur_failed)					\
			printf("ok %s\n", cur);				\
	} while (0)

int main(int argc, char **argv)
{
	verbose = argc > 1 && !strcmp(argv[1], "-v");
	TEST(test_alu);
	TEST(test_div_mod);
	TEST(test_shifts);
	TEST(test_sign_ext);
	TEST(test_endian);
	TEST(test_jumps);
	TEST(test_memory);
	TEST(test_bounds);
	TEST(test_regions);
	TEST(test_ctx_fields);
	TEST(test_errors);
	TEST(test_atomics);
	TEST(test_subprogs);
	TEST(test_clobber);
	TEST(test_fastcall_pattern);
	TEST(test_undef_tracking);
	TEST(test_maps);
	TEST(test_map_api);
	TEST(test_helpers);
	TEST(test_printk);
	TEST(test_kfuncs);
	TEST(test_loop);
	TEST(test_xlated);
	TEST(test_stress);
	printf("vm_test: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
