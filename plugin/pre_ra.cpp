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
// Runs in the LocalStackSlotAllocation slot (pipeline.cpp), at every -O:
//   clang-19 --target=bpf -fplugin=build/plugin/libnocsr.so -O2 -c x.c
//   llc-19 -load build/plugin/libnocsr.so -mtriple=bpfel x.ll
#include "machine.h"

#include "llvm/CodeGen/MachineBasicBlock.h"

using namespace llvm;

namespace nocsr {

static bool keepCallerSaved(MachineInstr &MI, const nocsr_site &S,
                            const BpfNames &B) {
  bool Changed = false;
  for (unsigned I = MI.getNumOperands(); I-- > MI.getNumExplicitOperands();) {
    const MachineOperand &MO = MI.getOperand(I);
    if (!MO.isReg() || !MO.isDef())
      continue;
    int R = B.callerSaved(MO.getReg());
    if (R >= 0 && !(S.clobbers & (1u << R))) {
      MI.removeOperand(I);
      Changed = true;
    }
  }
  return Changed;
}

bool runPreRA(MachineFunction &MF) {
  const BpfNames &B = bpfNames(MF);
  bool Changed = false;
  for (MachineBasicBlock &MBB : MF)
    for (MachineInstr &MI : MBB) {
      nocsr_site S;
      if (MI.isCall() && describeCall(MI, S) && nocsr_site__is_fastcall(&S))
        Changed |= keepCallerSaved(MI, S, B);
    }
  return Changed;
}

} // namespace nocsr
