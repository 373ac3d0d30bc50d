; llc with the plugin: the call-site attribute clang 19 writes with the
; plugin ("no_caller_saved_registers") and LLVM 20's "bpf_fastcall" on a
; declaration both mark the call.  An unmarked call is left alone.
; RUN: %llc_plugin -mtriple=bpfel -verify-machineinstrs -filetype=obj %s -o %t.o
; RUN: %objdump %t.o | FileCheck %s
; RUN: %llc_plugin -mtriple=bpfel -filetype=obj %s -o /dev/null -pass-remarks=nocsr 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: %llc -mtriple=bpfel -filetype=obj %s -o %t.plain.o
; RUN: %objdump %t.plain.o | FileCheck %s --check-prefix=PLAIN

declare void @fc(ptr) #0
declare void @plain()

define i64 @site(i64 %a, i64 %b) {
  %r = tail call i32 inttoptr (i64 8 to ptr)() #1
  %z = zext i32 %r to i64
  %m = mul i64 %z, %a
  %s = add i64 %m, %b
  ret i64 %s
}
; CHECK-LABEL: <site>:
; CHECK-NEXT: *(u64 *)(r10 - 0x8) = r1
; CHECK-NEXT: *(u64 *)(r10 - 0x10) = r2
; CHECK-NEXT: call 0x8
; CHECK-NEXT: r2 = *(u64 *)(r10 - 0x10)
; CHECK-NEXT: r1 = *(u64 *)(r10 - 0x8)

define i64 @decl(ptr %p, i64 %a, i64 %b) {
  tail call void @fc(ptr %p)
  tail call void @plain()
  %s = add i64 %a, %b
  ret i64 %s
}
; The fastcall keeps r3 (r1 is its argument); a+b must survive the plain
; call too, so a is in r6 from the start.
; CHECK-LABEL: <decl>:
; CHECK-NEXT: r6 = r2
; CHECK-NEXT: *(u64 *)(r10 - 0x8) = r3
; CHECK-NEXT: call -0x1
; CHECK-NEXT: r3 = *(u64 *)(r10 - 0x8)
; REMARK: remark: <unknown>:0:0: fastcall bpf_get_smp_processor_id#8: 2 pairs: r2 at r10-16, r1 at r10-8
; REMARK: remark: <unknown>:0:0: fastcall fc: 1 pair: r3 at r10-8 (not fastcall in the kernel: the pairs stay)
; PLAIN-LABEL: <site>:
; PLAIN-NOT: r10
; PLAIN: exit

attributes #0 = { "bpf_fastcall" }
attributes #1 = { "no_caller_saved_registers" }
