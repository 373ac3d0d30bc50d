// The plugin loaded into compilations for other targets, with the machine
// verifier on: code is unchanged on x86_64, arm64 and riscv64 (the
// attribute is unknown there), and big-endian BPF gets its pairs like
// little-endian BPF.  llc with the marker on a non-BPF call leaves it alone.
// RUN: %bpfcc --target=aarch64-linux-gnu -O2 -mllvm -verify-machineinstrs -c %s -o %t.a64.o 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: %cc19 --target=aarch64-linux-gnu -O2 -c %s -o %t.a64.plain.o 2>/dev/null
// RUN: %objdump %t.a64.o | tail -n +3 > %t.a64.dis
// RUN: %objdump %t.a64.plain.o | tail -n +3 | diff - %t.a64.dis
// RUN: %bpfcc --target=riscv64-linux-gnu -O2 -mllvm -verify-machineinstrs -c %s -o %t.rv.o 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: %cc19 --target=riscv64-linux-gnu -O2 -c %s -o %t.rv.plain.o 2>/dev/null
// RUN: %objdump %t.rv.o | tail -n +3 > %t.rv.dis
// RUN: %objdump %t.rv.plain.o | tail -n +3 | diff - %t.rv.dis
// RUN: %bpfcc --target=x86_64-linux-gnu -O2 -mllvm -verify-machineinstrs -S -emit-llvm %s -o %t.ll 2>/dev/null
// RUN: sed 's/tail call i32 @cpu() #2/tail call i32 @cpu() "no_caller_saved_registers"/' %t.ll > %t.marked.ll
// RUN: grep -q 'call i32 @cpu() "no_caller_saved_registers"' %t.marked.ll
// RUN: %llc_plugin -O2 -verify-machineinstrs -filetype=obj %t.marked.ll -o %t.x86.o
// RUN: %llc -O2 -filetype=obj %t.marked.ll -o %t.x86.plain.o
// RUN: %objdump %t.x86.o | tail -n +3 > %t.x86.dis
// RUN: %objdump %t.x86.plain.o | tail -n +3 | diff - %t.x86.dis
// RUN: %bpfcc --target=bpfeb -O2 -mllvm -verify-machineinstrs -c %s -o %t.eb.o
// RUN: %objdump %t.eb.o | FileCheck %s --check-prefix=BPFEB
// WARN: warning: unknown attribute 'bpf_fastcall' ignored
// BPFEB: *(u64 *)(r10 - 0x8) = r1
// BPFEB-NEXT: *(u64 *)(r10 - 0x10) = r2
// BPFEB-NEXT: call 0x8
// BPFEB-NEXT: r2 = *(u64 *)(r10 - 0x10)
// BPFEB-NEXT: r1 = *(u64 *)(r10 - 0x8)
#ifdef __bpf__
static __attribute__((bpf_fastcall)) unsigned int (*const cpu)(void) = (void *)8;
#else
extern unsigned int cpu(void) __attribute__((bpf_fastcall));
#endif

unsigned long f(unsigned long a, unsigned long b)
{
	return cpu() * a + b;
}
