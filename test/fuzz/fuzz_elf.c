// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* libFuzzer: any bytes as an object file, through the loader and the mirror. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nocsr_obj *obj;

	if (nocsr_obj__open_mem(data, size, "fuzz.o", &obj))
		return 0;
	fuzz_mirror_obj(obj, NOCSR_ARCH_X86_64, NOCSR_KERNEL_CNT - 1);
	nocsr_obj__close(obj);
	return 0;
}
