; A marked void callee with no arguments keeps all of r0..r5: six pairs,
; r0 outermost at r10-8 and r5 innermost at r10-48 (the kernel's 3-bit
; counter allows exactly 6).  A non-void callee clobbers r0.
; RUN: %llc_plugin -mtriple=bpfel -verify-machineinstrs -filetype=obj %s -o %t.o
; RUN: %objdump %t.o | FileCheck %s

declare void @fc_void() #0
declare i64 @fc_value() #0
@out = global [6 x i64] zeroinitializer

define void @six(ptr %p) {
  %pb = getelementptr i64, ptr %p, i64 1
  %pc = getelementptr i64, ptr %p, i64 2
  %pd = getelementptr i64, ptr %p, i64 3
  %pe = getelementptr i64, ptr %p, i64 4
  %pf = getelementptr i64, ptr %p, i64 5
  %a = load volatile i64, ptr %p
  %b = load volatile i64, ptr %pb
  %c = load volatile i64, ptr %pc
  %d = load volatile i64, ptr %pd
  %e = load volatile i64, ptr %pe
  %f = load volatile i64, ptr %pf
  call void @fc_void()
  store volatile i64 %a, ptr @out
  store volatile i64 %b, ptr getelementptr (i64, ptr @out, i64 1)
  store volatile i64 %c, ptr getelementptr (i64, ptr @out, i64 2)
  store volatile i64 %d, ptr getelementptr (i64, ptr @out, i64 3)
  store volatile i64 %e, ptr getelementptr (i64, ptr @out, i64 4)
  store volatile i64 %f, ptr getelementptr (i64, ptr @out, i64 5)
  ret void
}
; CHECK-LABEL: <six>:
; CHECK: *(u64 *)(r10 - 0x8) = r0
; CHECK-NEXT: *(u64 *)(r10 - 0x10) = r1
; CHECK-NEXT: *(u64 *)(r10 - 0x18) = r2
; CHECK-NEXT: *(u64 *)(r10 - 0x20) = r3
; CHECK-NEXT: *(u64 *)(r10 - 0x28) = r4
; CHECK-NEXT: *(u64 *)(r10 - 0x30) = r5
; CHECK-NEXT: call -0x1
; CHECK-NEXT: r5 = *(u64 *)(r10 - 0x30)
; CHECK-NEXT: r4 = *(u64 *)(r10 - 0x28)
; CHECK-NEXT: r3 = *(u64 *)(r10 - 0x20)
; CHECK-NEXT: r2 = *(u64 *)(r10 - 0x18)
; CHECK-NEXT: r1 = *(u64 *)(r10 - 0x10)
; CHECK-NEXT: r0 = *(u64 *)(r10 - 0x8)

define i64 @value(i64 %a) {
  %v = call i64 @fc_value()
  %s = add i64 %v, %a
  ret i64 %s
}
; CHECK-LABEL: <value>:
; CHECK-NEXT: *(u64 *)(r10 - 0x8) = r1
; CHECK-NEXT: call -0x1
; CHECK-NEXT: r1 = *(u64 *)(r10 - 0x8)

attributes #0 = { "bpf_fastcall" }
