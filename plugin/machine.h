// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
//
// What the two machine steps share: BPF opcodes and registers looked up by
// name (the BPF target headers are not installed), the question "is this
// machine call a fastcall site", and the diagnostics they emit.
#ifndef NOCSR_PLUGIN_MACHINE_H
#define NOCSR_PLUGIN_MACHINE_H

#include "ir.h"
#include "nocsr/contract.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineInstr.h"

namespace nocsr {

struct BpfNames {
  unsigned R[NOCSR_CALLER_SAVED]; // r0..r5
  unsigned FP;                    // r10
  unsigned JAL, STD, LDD;
  unsigned MOV, MOV32;            // MOV_ri, MOV_ri_32: rX = imm
  // Index of R among r0..r5, or -1.
  int callerSaved(llvm::MCRegister Reg) const;
};

const BpfNames &bpfNames(const llvm::MachineFunction &MF);

// Fills S and returns true when MI is a call the IR can describe.
bool describeCall(const llvm::MachineInstr &MI, nocsr_site &S);

// One spill/fill pair: caller-saved register index and r10 offset.
struct Pair {
  unsigned Reg;
  int Off;
};

// -Rpass=nocsr / -Rpass-missed=nocsr remarks and the hard errors.
void remarkPaired(const llvm::MachineInstr &Call, const nocsr_site &S,
                  llvm::ArrayRef<Pair> Pairs);
void remarkMissed(const llvm::MachineInstr &Call, const nocsr_site &S,
                  llvm::StringRef Why);
void errorStackTooDeep(llvm::MachineFunction &MF, int Base, unsigned MaxPairs);
void errorUninitialised(const llvm::MachineInstr &Call, const nocsr_site &S,
                        unsigned Regs);

bool runPreRA(llvm::MachineFunction &MF);
bool runPostRA(llvm::MachineFunction &MF);

} // namespace nocsr

#endif
