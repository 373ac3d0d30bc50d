// Misuse is diagnosed as clang 22 does: a non-function subject is a
// warning, arguments are an error.  Function pointers, [[clang::]] and the
// GNU spelling are accepted, and assigning between marked and unmarked
// pointers is fine.  Before clang 17, C takes [[]] only when asked.
// RUN: %bpfcc %if !c-std-attrs %{-fdouble-square-bracket-attributes%} -fsyntax-only -Xclang -verify %s

int var __attribute__((bpf_fastcall)); // expected-warning {{'bpf_fastcall' attribute only applies to functions and function pointers}}
void func(void) __attribute__((bpf_fastcall));
void func_arg(void) __attribute__((bpf_fastcall(1))); // expected-error {{'bpf_fastcall' attribute takes no arguments}}
[[clang::bpf_fastcall]] void func_c23(void);
void (*ptr1)(void) __attribute__((bpf_fastcall));
void (*ptr2)(void);
static unsigned int (*const helper8)(void) __attribute__((bpf_fastcall)) = (void *)8;
struct s { int field __attribute__((bpf_fastcall)); }; // expected-warning {{'bpf_fastcall' attribute only applies to functions and function pointers}}

void assign(void)
{
	ptr2 = ptr1;
	ptr1 = ptr2;
}
