// The attribute on every wrong subject clang accepts syntactically: a
// warning (or, with an argument, an error) and never a crash, with the
// machine verifier on.  A marked function defined in the module is a
// bpf-to-bpf call and is left alone; a marked function-pointer typedef is
// accepted silently but does not mark calls through variables of that
// type (clang 22 does the same).
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -Xclang -verify -c %s -o %t.o
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -Rpass-missed=nocsr -Wno-ignored-attributes -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: %bpfcc -O2 -mllvm -verify-machineinstrs -Xclang -verify -DWITH_ERROR -fsyntax-only %s
#include "nocsr_test.h"

typedef int marked_int __attribute__((bpf_fastcall)); // expected-warning {{'bpf_fastcall' attribute only applies to functions and function pointers}}
enum e { E1 } __attribute__((bpf_fastcall)); // expected-warning {{'bpf_fastcall' attribute only applies to functions and function pointers}}
struct s { int x; } __attribute__((bpf_fastcall)); // expected-warning {{'bpf_fastcall' attribute only applies to functions and function pointers}}
union u { int x __attribute__((bpf_fastcall)); }; // expected-warning {{'bpf_fastcall' attribute only applies to functions and function pointers}}
typedef __u32 (*marked_fn)(void) __attribute__((bpf_fastcall));
static const marked_fn cpu = (marked_fn)8;

static __attribute__((noinline, bpf_fastcall)) __u64 local(__u64 x)
{
	return x * 3;
}

int param(int p __attribute__((bpf_fastcall))) // expected-warning {{'bpf_fastcall' attribute only applies to functions and function pointers}}
{
	int l __attribute__((bpf_fastcall)) = p; // expected-warning {{'bpf_fastcall' attribute only applies to functions and function pointers}}
	return l;
}

#ifdef WITH_ERROR
void no_args(void) __attribute__((bpf_fastcall("x"))); // expected-error {{'bpf_fastcall' attribute takes no arguments}}
#endif

SEC("raw_tp") int subjects(__u64 *ctx)
{
	__u64 a = ctx[0];

	return local(a) + cpu() * a;
}

// CHECK: remark: call to local not paired: the callee is a BPF subprogram
// CHECK: remark: call to bpf_get_smp_processor_id#8 not paired: not marked bpf_fastcall
