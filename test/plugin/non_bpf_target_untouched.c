// On another target the attribute is unknown, as with clang 20+, and the
// two hijacked pass slots run the original passes: code is unchanged.
// RUN: %bpfcc --target=x86_64-linux-gnu -O2 -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: %cc19 --target=x86_64-linux-gnu -O2 -c %s -o %t.plain.o
// RUN: %objdump %t.o | tail -n +3 > %t.dis
// RUN: %objdump %t.plain.o | tail -n +3 | diff - %t.dis
// RUN: %bpfcc --target=x86_64-linux-gnu -O2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=IR
// WARN: warning: unknown attribute 'bpf_fastcall' ignored
// IR-NOT: no_caller_saved_registers
extern unsigned int cpu(void) __attribute__((bpf_fastcall));

unsigned long f(unsigned long a, unsigned long b)
{
	return cpu() * a + b;
}
