# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Sources of libnocsr_mirror, shared by the main build and test/fuzz.
set(NOCSR_MIRROR_SOURCES
  disasm.c print.c elf.c btf_scan.c kfunc.c patterns.c contract.c ctx.c rewrite.c
  layout.c zext.c file.c)
