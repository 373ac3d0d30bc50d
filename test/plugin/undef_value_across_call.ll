; %x is undefined on the path that skips %def.  Left as IMPLICIT_DEF, the
; register holding it would be uninitialised there and its spill rejected
; by the verifier ("R3 !read_ok"); the plugin materialises it as 0, so the
; pair is valid on both paths.
; RUN: %llc_plugin -O2 -mtriple=bpfel -verify-machineinstrs -filetype=obj %s -o %t.o
; RUN: %objdump %t.o | FileCheck %s
; RUN: %llc_plugin -O0 -mtriple=bpfel -verify-machineinstrs -filetype=obj %s -o %t0.o
; RUN: %objdump %t0.o | python3 %S/Inputs/check_pairs.py | FileCheck %s --check-prefix=O0

define i64 @u(i64 %c, ptr %p) {
entry:
  %t = trunc i64 %c to i1
  br i1 %t, label %def, label %join
def:
  %x0 = load i64, ptr %p
  br label %join
join:
  %x = phi i64 [ %x0, %def ], [ undef, %entry ]
  %r = call i32 inttoptr (i64 8 to ptr)() #0
  %z = zext i32 %r to i64
  %s = add i64 %z, %x
  ret i64 %s
}
; CHECK-LABEL: <u>:
; CHECK: r[[X:[0-5]]] = 0x0
; CHECK-NEXT: if r1 == 0x0 goto
; CHECK-NEXT: r[[X]] = *(u64 *)(r2 + 0x0)
; CHECK: *(u64 *)(r10 - 0x8) = r[[X]]
; CHECK-NEXT: call 0x8
; CHECK-NEXT: r[[X]] = *(u64 *)(r10 - 0x8)
; O0: u: call 0x8 at {{[0-9]+}}: 1 pairs
; O0-NOT: BAD

attributes #0 = { "no_caller_saved_registers" }
