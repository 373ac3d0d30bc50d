// The attribute reaches the IR as "no_caller_saved_registers" on the
// declaration and on each call site, also through a (void *)8 pointer and
// a function-pointer variable, at -O0 and -O2.
// RUN: %bpfcc -O0 -S -emit-llvm %s -o - | FileCheck %s
// RUN: %bpfcc -O2 -S -emit-llvm %s -o - | FileCheck %s
#include "nocsr_test.h"

extern void ext(void) __bpf_fastcall;
void (*ptr)(void) __bpf_fastcall;

SEC("raw_tp")
int f(void *ctx)
{
	ext();
	ptr();
	return bpf_get_smp_processor_id();
}
// CHECK: call void @ext() #[[A:[0-9]+]]
// CHECK: call void %{{[0-9]+}}() #[[A]]
// CHECK: call i32 inttoptr (i64 8 to {{ptr|i32 \(\)\*}})() #[[A]]
// CHECK: declare {{.*}}void @ext() {{.*}}#[[D:[0-9]+]]
// CHECK-DAG: attributes #[[A]] = {{{.*}}"no_caller_saved_registers"
// CHECK-DAG: attributes #[[D]] = {{{.*}}"no_caller_saved_registers"
