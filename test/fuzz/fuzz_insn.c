// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libFuzzer: any bytes as instruction slots, through the decoder, the
 * validator and the printer (with and without symbol callbacks, into a
 * buffer of every small size the first byte picks).
 */
#include <stdio.h>
#include <string.h>

#include "disasm.h"
#include "fuzz_common.h"

static const char *name_cb(void *ctx, const struct bpf_insn *insn, char *buf,
			   size_t len)
{
	(void)ctx;
	if (insn->imm & 1)
		return NULL;
	snprintf(buf, len, "sym%d", insn->imm);
	return buf;
}

static const char *imm_cb(void *ctx, const struct bpf_insn *insn,
			  uint64_t value, char *buf, size_t len)
{
	(void)ctx;
	if (value & 1)
		return NULL;
	snprintf(buf, len, "map[id:%u]", insn->src_reg);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nocsr_disasm_cbs cbs = { .call_name = name_cb, .imm = imm_cb };
	struct bpf_insn *insns;
	size_t n, i, small;
	char buf[256];
	volatile size_t sink = 0;

	if (size < 1)
		return 0;
	small = data[0] % 32;
	cbs.percpu_as_mov = data[0] & 0x80;
	n = (size - 1) / sizeof(*insns);
	insns = malloc(n ? n * sizeof(*insns) : 1);
	if (!insns)
		return 0;
	memcpy(insns, data + 1, n * sizeof(*insns));
	for (i = 0; i < n; i++) {
		const char *why = NULL;
		int32_t d;

		sink += nocsr_insn_slots(&insns[i], n - i);
		sink += nocsr_insn_valid(&insns[i], n - i, &why);
		sink += why ? strlen(why) : 0;
		sink += nocsr_insn_jump_delta(&insns[i], &d) ? (size_t)d : 0;
		sink += nocsr_insn_is_cond_jump(&insns[i]);
		/* the printer reads both slots of an ld_imm64 */
		if (nocsr_insn_is_ldimm64(&insns[i]) && i + 1 >= n)
			break;
		sink += (size_t)nocsr_insn_snprintf(buf, sizeof(buf), &insns[i], NULL);
		sink += (size_t)nocsr_insn_snprintf(buf, small, &insns[i], &cbs);
	}
	free(insns);
	(void)sink;
	return 0;
}
