; llc with the plugin on x86_64 runs the original LocalStackSlotAllocation
; and FuncletLayout in the hijacked slots: the output is unchanged, marker
; attribute or not.
; RUN: %llc_plugin -mtriple=x86_64-linux-gnu -verify-machineinstrs %s -o %t.s
; RUN: %llc -mtriple=x86_64-linux-gnu %s -o - | diff - %t.s
; RUN: FileCheck %s < %t.s

declare i32 @cpu() #0

define i64 @f(i64 %a, i64 %b) {
  %r = call i32 @cpu() #0
  %z = zext i32 %r to i64
  %m = mul i64 %z, %a
  %s = add i64 %m, %b
  ret i64 %s
}
; CHECK: callq cpu

attributes #0 = { "bpf_fastcall" }
