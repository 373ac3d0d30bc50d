; At -O0 the fast register allocator keeps %a in r1 across the fastcall
; (the call no longer clobbers it) instead of spilling it, and the post-PEI
; step wraps the call in the pair.
; RUN: %llc_plugin -O0 -mtriple=bpfel -verify-machineinstrs -filetype=obj %s -o %t.o
; RUN: %objdump %t.o | FileCheck %s
; RUN: %objdump %t.o | python3 %S/Inputs/check_pairs.py | FileCheck %s --check-prefix=LAYOUT

define i64 @o0(i64 %a) {
  %r = call i32 inttoptr (i64 8 to ptr)() #0
  %z = zext i32 %r to i64
  %s = add i64 %z, %a
  ret i64 %s
}
; CHECK-LABEL: <o0>:
; CHECK: *(u64 *)(r10 - 0x{{[0-9a-f]+}}) = r1
; CHECK-NEXT: call 0x8
; CHECK-NEXT: r1 = *(u64 *)(r10 - 0x
; LAYOUT: o0: call 0x8 at {{[0-9]+}}: 1 pairs
; LAYOUT-NOT: BAD

attributes #0 = { "no_caller_saved_registers" }
