// Sources that include nocsr/bpf_fastcall.h get __bpf_fastcall as the
// attribute whenever the plugin is loaded for a BPF target: through
// __has_attribute on clang 17+, through a definition the plugin adds on
// clang 14-16.  A -D__bpf_fastcall on the command line still wins, and
// plain clang gets the empty macro.
// RUN: %bpfcc -O2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=PLUGIN
// RUN: %bpfcc -D__bpf_fastcall= -O2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=EMPTY
// RUN: %cc19 -O2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=EMPTY
#include "nocsr/bpf_fastcall.h"

#define STR_(x) #x
#define STR(x) STR_(x)
const char spelled[] = STR(__bpf_fastcall);
// PLUGIN: @spelled = {{.*}}c"__attribute__((bpf_fastcall))\00"
// EMPTY: @spelled = {{.*}} zeroinitializer
