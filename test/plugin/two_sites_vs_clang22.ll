; REQUIRES: clang-22
; The layout difference with LLVM 22: in one function a call with 3 live
; values, then one with 2.  LLVM 22 gives the 2-pair call r10-8/r10-16
; while the 3-pair call reaches r10-24, so the verifier does not match the
; 2-pair call (check_pairs.py reports it).  The plugin starts both at
; r10-24.
; RUN: clang-22 --target=bpf -O2 -c %s -o %t.22.o
; RUN: %objdump %t.22.o | not python3 %S/Inputs/check_pairs.py | FileCheck %s --check-prefix=CLANG22
; RUN: %llc_plugin -mtriple=bpfel -filetype=obj %s -o %t.o
; RUN: %objdump %t.o | python3 %S/Inputs/check_pairs.py | FileCheck %s

define i64 @two(i64 %a, i64 %b, i64 %c) {
  %r1 = call i32 inttoptr (i64 8 to ptr)() #0
  %z1 = zext i32 %r1 to i64
  %x = add i64 %z1, %a
  %m = mul i64 %x, %b
  %r2 = call i32 inttoptr (i64 8 to ptr)() #0
  %z2 = zext i32 %r2 to i64
  %y = xor i64 %m, %z2
  %s = add i64 %y, %c
  ret i64 %s
}
; CLANG22: BAD two: pair at {{[0-9]+}}/{{[0-9]+}} does not match (lowest_off -24)
; CHECK: two: call 0x8 at {{[0-9]+}}: 3 pairs
; CHECK-NEXT: two: call 0x8 at {{[0-9]+}}: 2 pairs
; CHECK-NOT: BAD

attributes #0 = { "bpf_fastcall" }
