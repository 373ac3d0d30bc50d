// Bad input: one clear line on stderr, exit status 2, never a crash.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc19 -O2 -c %s -o %t/good.o
// RUN: %cc19 -O2 -DBAD_OPCODE -c %s -o %t/opcode.o
// RUN: %cc19 -O2 -DBAD_JUMP -c %s -o %t/jump.o
// RUN: %cc19 -O2 -DBAD_REG -c %s -o %t/reg.o
// RUN: %cc19 -O2 -DNO_PROG -c %s -o %t/noprog.o
// RUN: %cc19 -O2 -DBAD_HELPER -c %s -o %t/helper.o
// RUN: echo "not an object" > %t/text.o
// RUN: clang-19 -c -x c /dev/null -o %t/host.o
// RUN: head -c 300 %t/good.o > %t/trunc.o
// RUN: python3 -c "import sys; d=bytearray(open(sys.argv[1],'rb').read()); d[40:48]=(1<<40).to_bytes(8,'little'); open(sys.argv[2],'wb').write(d)" %t/good.o %t/shoff.o
//
// RUN: not %nocsr xlated %t/text.o 2>&1 | FileCheck %s --check-prefix=TEXT
// RUN: not %nocsr xlated %t/host.o 2>&1 | FileCheck %s --check-prefix=HOST
// RUN: not %nocsr xlated %t/trunc.o 2>&1 | FileCheck %s --check-prefix=TRUNC
// RUN: not %nocsr xlated %t/shoff.o 2>&1 | FileCheck %s --check-prefix=SHOFF
// RUN: not %nocsr xlated %t/opcode.o 2>&1 | FileCheck %s --check-prefix=OPCODE
// RUN: not %nocsr check %t/jump.o 2>&1 | FileCheck %s --check-prefix=JUMP
// RUN: not %nocsr stats %t/reg.o 2>&1 | FileCheck %s --check-prefix=REG
// RUN: not %nocsr xlated %t/noprog.o 2>&1 | FileCheck %s --check-prefix=NOPROG
// RUN: not %nocsr check %t/helper.o 2>&1 | FileCheck %s --check-prefix=HELPER
// RUN: not %nocsr xlated %t/missing.o 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not %nocsr xlated %t/good.o --arch sparc 2>&1 | FileCheck %s --check-prefix=ARCH
// RUN: not %nocsr xlated %t/good.o --kernel 5.10 2>&1 | FileCheck %s --check-prefix=KVER
// RUN: not %nocsr xlated %t/good.o --prog nope 2>&1 | FileCheck %s --check-prefix=PROG
// RUN: not %nocsr xlated 2>&1 | FileCheck %s --check-prefix=NOOBJ
// RUN: not %nocsr frobnicate %t/good.o 2>&1 | FileCheck %s --check-prefix=VERB
// RUN: not %nocsr xlated %t/good.o --bogus 2>&1 | FileCheck %s --check-prefix=OPT
// Each verb takes only its own options:
// RUN: not %nocsr xlated %t/good.o --csv 2>&1 | FileCheck %s --check-prefix=CSV
// RUN: not %nocsr check %t/good.o -o %t/x.o 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: not %nocsr stats %t/good.o --check 2>&1 | FileCheck %s --check-prefix=CHK
// RUN: not %nocsr xlated %t/good.o --arch 2>&1 | FileCheck %s --check-prefix=NOVAL
//
// The exit status is 2 exactly, not just "non-zero":
// RUN: sh -c '%nocsr xlated %t/text.o 2>/dev/null; test $? -eq 2'
// RUN: sh -c '%nocsr check %t/jump.o 2>/dev/null; test $? -eq 2'
// RUN: sh -c '%nocsr check %t/shoff.o 2>/dev/null; test $? -eq 2'
// RUN: sh -c '%nocsr stats %t/good.o %t/trunc.o > /dev/null 2>&1; test $? -eq 2'
// RUN: sh -c '%nocsr check %t/good.o --kernel 1.0 2>/dev/null; test $? -eq 2' 
// RUN: %nocsr xlated %t/good.o > /dev/null
#include "nocsr_test.h"

#ifndef NO_PROG
SEC("raw_tp") __attribute__((naked)) int prog(void)
{
	asm volatile (
#ifdef BAD_OPCODE
	".8byte 0x00000000000000ff;"	/* class 7 (ALU64), op 0xf0 */
#endif
#ifdef BAD_JUMP
	".8byte 0x0000000000640005;"	/* goto +100 */
#endif
#ifdef BAD_REG
	".8byte 0x00000000000000bf | (12 << 8);"
#endif
#ifdef BAD_HELPER
	"call 100000;"
#endif
	"r0 = 0;"
	"exit;" ::: "memory");
}
#else
int not_a_program(int x) { return x + 1; }
#endif

// TEXT: nocsr{{.*}}text.o: not an ELF file
// HOST: host.o: not a BPF object
// TRUNC: trunc.o: truncated or corrupt ELF
// SHOFF: shoff.o: truncated or corrupt ELF
// OPCODE: opcode.o: program prog: insn 0 (code 0xff): unknown ALU opcode
// JUMP: jump.o: program prog: insn 0: jump out of range
// REG: reg.o: program prog: insn 0 (code 0xbf): register number out of range
// NOPROG: noprog.o: no BPF program
// HELPER: helper.o: program prog: insn 0: unknown helper (the kernel rejects the program)
// MISSING: missing.o: No such file or directory
// ARCH: nocsr: unknown --arch 'sparc' (x86_64, arm64, riscv64)
// KVER: nocsr: unknown --kernel '5.10' (6.12, 6.13, 6.15, 6.18, 7.3)
// PROG: nocsr: {{.*}}good.o: no program named 'nope'
// NOOBJ: nocsr: no object file given
// VERB: nocsr: unknown verb 'frobnicate'
// OPT: nocsr: unknown option '--bogus'
// CSV: nocsr: unknown option '--csv' (try --help)
// OUT: nocsr: unknown option '-o' (try --help)
// CHK: nocsr: unknown option '--check' (try --help)
// NOVAL: nocsr: --arch needs a value
