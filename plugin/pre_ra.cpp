// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
//
// Pre-RA step: tell the register allocator what a fastcall call clobbers.
//
// LLVM 14-19 give every BPF JAL implicit defs of r0..r5.  For a marked call
// this drops the ones the contract says it keeps (r1..r5 beyond its
// arguments, r0 when it returns void), which is what LLVM 20's fastcall
// register mask does: values may now stay in r0..r5 across the call, and
// post_ra.cpp later wraps the call in the spill/fill pairs that make this
// true on a kernel that does not rewrite the call.
//
// In such a function, undefined values (IMPLICIT_DEF, e.g. a phi input
// LLVM knows is never used) become a real `= 0`: a register that holds one
// on some path may be live across a fastcall, and the verifier rejects a
// spill of a register that is uninitialised ("R3 !read_ok").  post_ra.cpp
// checks that no such register is left.
//
// Runs in the LocalStackSlotAllocation slot (pipeline.cpp), at every -O:
//   clang-19 --target=bpf -fplugin=build/plugin/libnocsr.so -O2 -c x.c
//   llc-19 -load build/plugin/libnocsr.so -mtriple=bpfel x.ll
#include "machine.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/CodeGen/MachineBasicBlock.h"
#include "llvm/CodeGen/MachineInstrBuilder.h"
#include "llvm/CodeGen/MachineRegisterInfo.h"
#include "llvm/CodeGen/TargetInstrInfo.h"
#include "llvm/CodeGen/TargetRegisterInfo.h"
#include "llvm/CodeGen/TargetSubtargetInfo.h"
#include "llvm/Config/llvm-config.h"

using namespace llvm;

namespace nocsr {

static void keepCallerSaved(MachineInstr &MI, const nocsr_site &S,
                            const BpfNames &B) {
  for (unsigned I = MI.getNumOperands(); I-- > MI.getNumExplicitOperands();) {
    const MachineOperand &MO = MI.getOperand(I);
    if (!MO.isReg() || !MO.isDef())
      continue;
    int R = B.callerSaved(MO.getReg());
    if (R < 0 || (S.clobbers & (1u << R)))
      continue;
#if LLVM_VERSION_MAJOR >= 15
    MI.removeOperand(I);
#else
    MI.RemoveOperand(I);
#endif
  }
}

static void defineUndefs(MachineFunction &MF, const BpfNames &B) {
  const TargetSubtargetInfo &STI = MF.getSubtarget();
  const TargetInstrInfo &TII = *STI.getInstrInfo();
  const TargetRegisterInfo &TRI = *STI.getRegisterInfo();
  MachineRegisterInfo &MRI = MF.getRegInfo();
  for (MachineBasicBlock &MBB : MF)
    for (MachineInstr &MI : make_early_inc_range(MBB)) {
      Register R = MI.isImplicitDef() ? MI.getOperand(0).getReg() : Register();
      if (!R.isVirtual())
        continue;
      bool Is32 = TRI.getRegSizeInBits(*MRI.getRegClass(R)) == 32;
      BuildMI(MBB, MI, MI.getDebugLoc(), TII.get(Is32 ? B.MOV32 : B.MOV), R)
          .addImm(0);
      MI.eraseFromParent();
    }
}

bool runPreRA(MachineFunction &MF) {
  const BpfNames &B = bpfNames(MF);
  bool Sites = false;
  for (MachineBasicBlock &MBB : MF)
    for (MachineInstr &MI : MBB) {
      nocsr_site S;
      if (MI.isCall() && describeCall(MI, S) && nocsr_site__is_fastcall(&S)) {
        keepCallerSaved(MI, S, B);
        Sites = true;
      }
    }
  if (Sites)
    defineUndefs(MF, B);
  return Sites;
}

} // namespace nocsr
