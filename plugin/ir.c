// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Which calls are fastcall sites, decided on the IR with the LLVM C API.
 *
 * A machine call (JAL) only names its target: a helper number or a global.
 * Everything else comes from the IR calls to that target in the same
 * function: the marker attribute, the argument count (variadic helpers pass
 * more than their prototype) and whether a value comes back.  The helper and
 * kfunc tables of include/nocsr widen the clobbers to what the kernel
 * assumes, so a declaration that disagrees with the kernel costs a pair
 * instead of a miscompile.
 */
#include <stdio.h>
#include <string.h>

#include "nocsr/contract.h"
#include "nocsr/helpers.h"
#include "ir.h"

bool nocsr_mark_known;

/*
 * clang 20+ writes "bpf_fastcall"; our attribute plugin makes clang 14-19
 * write the x86 "no_caller_saved_registers", which their BPF backend ignores.
 */
static const char *const marker_attrs[] = {
	"bpf_fastcall",
	"no_caller_saved_registers",
};

#define NEWEST_KERNEL	(NOCSR_KERNEL_CNT - 1)
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static bool call_is_marked(LLVMValueRef call)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(marker_attrs); i++)
		if (LLVMGetCallSiteStringAttribute(call, LLVMAttributeFunctionIndex,
						   marker_attrs[i],
						   strlen(marker_attrs[i])))
			return true;
	return false;
}

static bool fn_is_marked(LLVMValueRef fn)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(marker_attrs); i++)
		if (LLVMGetStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
						  marker_attrs[i],
						  strlen(marker_attrs[i])))
			return true;
	return false;
}

/* clang folds `(void *)N` helper pointers to inttoptr at every -O level. */
static bool helper_id_of(LLVMValueRef target, int64_t *id)
{
	LLVMValueRef op;

	if (!LLVMIsAConstantExpr(target) ||
	    LLVMGetConstOpcode(target) != LLVMIntToPtr)
		return false;
	op = LLVMGetOperand(target, 0);
	if (!LLVMIsAConstantInt(op))
		return false;
	*id = LLVMConstIntGetSExtValue(op);
	return true;
}

/* What the IR calls to one target in one function add up to. */
struct ir_calls {
	unsigned int nargs;	/* the most any of them passes */
	bool found;
	bool any_value;		/* one of them returns something */
	bool marked;
};

static bool goes_to(LLVMValueRef call, LLVMValueRef callee, int64_t id)
{
	LLVMValueRef target = LLVMGetCalledValue(call);
	int64_t got;

	if (callee)
		return target == callee;
	return helper_id_of(target, &got) && got == id;
}

static void scan_calls(LLVMValueRef fn, LLVMValueRef callee, int64_t id,
		       struct ir_calls *c)
{
	LLVMBasicBlockRef bb;
	LLVMValueRef insn;

	memset(c, 0, sizeof(*c));
	for (bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
		for (insn = LLVMGetFirstInstruction(bb); insn;
		     insn = LLVMGetNextInstruction(insn)) {
			LLVMTypeRef ret;

			if (!LLVMIsACallInst(insn) || !goes_to(insn, callee, id))
				continue;
			c->found = true;
			if (LLVMGetNumArgOperands(insn) > c->nargs)
				c->nargs = LLVMGetNumArgOperands(insn);
			ret = LLVMGetReturnType(LLVMGetCalledFunctionType(insn));
			if (LLVMGetTypeKind(ret) != LLVMVoidTypeKind)
				c->any_value = true;
			if (call_is_marked(insn))
				c->marked = true;
		}
	}
}

static void site_finish(struct nocsr_site *s, unsigned int nargs, bool is_void,
			unsigned int arg_regs, bool marked, bool subprog)
{
	s->clobbers = nocsr_clobber_mask(nargs, is_void) | arg_regs;
	if (marked)
		s->mark = NOCSR_MARK_ATTR;
	else if (nocsr_mark_known && s->kernel_fastcall)
		s->mark = NOCSR_MARK_KNOWN;
	else
		s->mark = NOCSR_MARK_NONE;

	s->skip = NULL;
	if (s->mark == NOCSR_MARK_NONE) {
		if (s->kernel_fastcall)
			s->skip = "not marked bpf_fastcall (declare it __bpf_fastcall or pass -fplugin-arg-nocsr-mark-known)";
	} else if (subprog) {
		s->skip = "the callee is a BPF subprogram, and the kernel never rewrites bpf-to-bpf calls";
	} else if (nargs > 5) {
		s->skip = "it takes more than 5 arguments";
	}
}

void nocsr_site__helper(struct nocsr_site *s, LLVMValueRef fn, int64_t id,
			unsigned int arg_regs)
{
	const struct nocsr_helper *h = NULL;
	struct ir_calls c;
	unsigned int nargs;
	bool is_void;

	if (id >= 0 && id <= INT32_MAX)
		h = nocsr_helper_find((int32_t)id);
	scan_calls(fn, NULL, id, &c);
	/* With no IR call to learn from, assume the worst: 5 args and a value. */
	nargs = c.found ? c.nargs : 5;
	is_void = c.found && !c.any_value;
	if (h) {
		snprintf(s->name, sizeof(s->name), "bpf_%s#%lld", h->name,
			 (long long)id);
		if (!c.found)
			nargs = h->nargs;
		if (h->nargs > nargs)
			nargs = h->nargs;
		is_void = (is_void || !c.found) && h->is_void;
	} else {
		snprintf(s->name, sizeof(s->name), "helper#%lld", (long long)id);
	}
	/*
	 * The program type matters for helper 8; only an entry function's
	 * section names it (a .text subprogram may serve any type).
	 */
	s->raw_proto = id == NOCSR_FUNC_get_smp_processor_id &&
		       nocsr_sec_raw_smp_processor_id(LLVMGetSection(fn));
	s->kernel_fastcall = id >= 0 && id <= INT32_MAX && !s->raw_proto &&
			     nocsr_helper_is_fastcall((int32_t)id, NEWEST_KERNEL);
	site_finish(s, nargs, is_void, arg_regs, c.marked, false);
}

void nocsr_site__callee(struct nocsr_site *s, LLVMValueRef fn,
			LLVMValueRef callee, unsigned int arg_regs)
{
	LLVMTypeRef ty = LLVMGlobalGetValueType(callee);
	bool decl = LLVMIsDeclaration(callee);
	const struct nocsr_kfunc *k = NULL;
	const char *name;
	struct ir_calls c;
	unsigned int nargs;
	bool is_void;
	size_t len;

	name = LLVMGetValueName2(callee, &len);
	snprintf(s->name, sizeof(s->name), "%.*s", (int)len, name);
	if (decl)
		k = nocsr_kfunc_find(s->name);

	scan_calls(fn, callee, 0, &c);
	nargs = LLVMCountParamTypes(ty);
	if (c.nargs > nargs)
		nargs = c.nargs;
	is_void = LLVMGetTypeKind(LLVMGetReturnType(ty)) == LLVMVoidTypeKind &&
		  !c.any_value;
	if (k) {
		if (k->nargs > nargs)
			nargs = k->nargs;
		is_void = is_void && k->is_void;
	}
	s->raw_proto = false;
	s->kernel_fastcall = k && nocsr_kfunc_is_fastcall(s->name, NEWEST_KERNEL);
	site_finish(s, nargs, is_void, arg_regs, c.marked || fn_is_marked(callee),
		    !decl);
}
