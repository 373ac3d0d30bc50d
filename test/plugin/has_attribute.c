// With the plugin, clang 19 reports __has_attribute(bpf_fastcall) and
// nocsr/bpf_fastcall.h defines __bpf_fastcall to the attribute; without
// it the macro is empty.  Unlike clang 22, clang 19 answers 1 for a plugin
// attribute on every target (it does not ask existsInTarget); the
// attribute is then ignored with a warning (non_bpf_target_untouched.c).
// Before clang 17 __has_attribute does not see plugin attributes: there
// the plugin defines __bpf_fastcall itself, too late for -E
// (bpf_fastcall_macro.c).
// RUN: %if plugin-has-attribute %{ %bpfcc -E -P %s | FileCheck %s --check-prefix=PLUGIN %}
// RUN: %cc19 -E -P %s | FileCheck %s --check-prefix=PLAIN
// RUN: %if plugin-has-attribute %{ %bpfcc --target=x86_64-linux-gnu -E -P %s | FileCheck %s --check-prefix=PLUGIN %}
#include "nocsr/bpf_fastcall.h"
has=__has_attribute(bpf_fastcall) macro=[__bpf_fastcall]
// PLUGIN: has=1 macro=[__attribute__((bpf_fastcall))]
// PLAIN: has=0 macro=[]
