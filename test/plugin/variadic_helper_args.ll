; A marked variadic helper (trace_printk, 2 fixed arguments) clobbers the
; registers of the arguments actually passed: with 3 arguments r4 and r5
; survive it, with 4 only r5.
; RUN: %llc_plugin -mtriple=bpfel -verify-machineinstrs -filetype=obj %s -o %t.o
; RUN: %objdump %t.o | FileCheck %s

define i64 @three(ptr %a, i64 %b, i64 %c, i64 %d, i64 %e) {
  %r = call i64 (ptr, i64, ...) inttoptr (i64 6 to ptr)(ptr %a, i64 %b, i64 %c) #0
  %s = add i64 %d, %e
  %t = add i64 %s, %r
  ret i64 %t
}
; CHECK-LABEL: <three>:
; CHECK-NEXT: *(u64 *)(r10 - 0x8) = r4
; CHECK-NEXT: *(u64 *)(r10 - 0x10) = r5
; CHECK-NEXT: call 0x6
; CHECK-NEXT: r5 = *(u64 *)(r10 - 0x10)
; CHECK-NEXT: r4 = *(u64 *)(r10 - 0x8)

define i64 @four(ptr %a, i64 %b, i64 %c, i64 %d, i64 %e) {
  %r = call i64 (ptr, i64, ...) inttoptr (i64 6 to ptr)(ptr %a, i64 %b, i64 %c, i64 %d) #0
  %t = add i64 %e, %r
  ret i64 %t
}
; CHECK-LABEL: <four>:
; CHECK-NEXT: *(u64 *)(r10 - 0x8) = r5
; CHECK-NEXT: call 0x6
; CHECK-NEXT: r5 = *(u64 *)(r10 - 0x8)

attributes #0 = { "no_caller_saved_registers" }
