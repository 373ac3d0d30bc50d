// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
//
// Machine-level glue shared by pre_ra.cpp and post_ra.cpp: BPF names, the
// bridge from a machine call to ir.c's decision, and the diagnostics.
//
// Remarks (clang): -Rpass=nocsr, -Rpass-missed=nocsr
//          (llc):   -pass-remarks=nocsr, -pass-remarks-missed=nocsr
#include "machine.h"

#include "llvm/CodeGen/MachineOptimizationRemarkEmitter.h"
#include "llvm/CodeGen/TargetInstrInfo.h"
#include "llvm/CodeGen/TargetRegisterInfo.h"
#include "llvm/CodeGen/TargetSubtargetInfo.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

// For llc and .ll input; clang users have -fplugin-arg-nocsr-mark-known.
static cl::opt<bool, true> MarkKnown(
    "nocsr-mark-known",
    cl::desc("nocsr: treat calls the kernel knows as fastcall as marked"),
    cl::location(nocsr_mark_known));

namespace nocsr {

static const char PassName[] = "nocsr";

static BpfNames lookupNames(const MachineFunction &MF) {
  const TargetSubtargetInfo &STI = MF.getSubtarget();
  const TargetInstrInfo &TII = *STI.getInstrInfo();
  const TargetRegisterInfo &TRI = *STI.getRegisterInfo();
  BpfNames N{};
  auto Op = [&](StringRef Name) {
    for (unsigned I = 0, E = TII.getNumOpcodes(); I != E; ++I)
      if (TII.getName(I) == Name)
        return I;
    report_fatal_error("nocsr: no BPF opcode " + Name);
  };
  auto Reg = [&](StringRef Name) {
    for (unsigned I = 1, E = TRI.getNumRegs(); I != E; ++I)
      if (TRI.getName(I) == Name)
        return I;
    report_fatal_error("nocsr: no BPF register " + Name);
  };
  for (unsigned I = 0; I < NOCSR_CALLER_SAVED; ++I)
    N.R[I] = Reg("R" + std::to_string(I));
  N.FP = Reg("R10");
  N.JAL = Op("JAL");
  N.STD = Op("STD");
  N.LDD = Op("LDD");
  N.MOV = Op("MOV_ri");
  N.MOV32 = Op("MOV_ri_32");
  return N;
}

const BpfNames &bpfNames(const MachineFunction &MF) {
  static const BpfNames Names = lookupNames(MF);
  return Names;
}

int BpfNames::callerSaved(MCRegister Reg) const {
  for (unsigned I = 0; I < NOCSR_CALLER_SAVED; ++I)
    if (R[I] == Reg)
      return I;
  return -1;
}

bool describeCall(const MachineInstr &MI, nocsr_site &S) {
  const BpfNames &B = bpfNames(*MI.getMF());
  if (MI.getOpcode() != B.JAL)
    return false;

  unsigned ArgRegs = 0;
  for (const MachineOperand &MO : MI.implicit_operands()) {
    int I = MO.isReg() && MO.isUse() ? B.callerSaved(MO.getReg()) : -1;
    if (I > 0)
      ArgRegs |= 1u << I;
  }

  LLVMValueRef Fn = wrap(&MI.getMF()->getFunction());
  const MachineOperand &Target = MI.getOperand(0);
  if (Target.isImm()) {
    nocsr_site__helper(&S, Fn, Target.getImm(), ArgRegs);
    return true;
  }
  if (Target.isGlobal())
    if (const auto *Callee = dyn_cast<Function>(Target.getGlobal())) {
      nocsr_site__callee(&S, Fn, wrap(Callee), ArgRegs);
      return true;
    }
  return false;
}

static const DiagnosticHandler &handler(const MachineInstr &MI) {
  return *MI.getMF()->getFunction().getContext().getDiagHandlerPtr();
}

void remarkPaired(const MachineInstr &Call, const nocsr_site &S,
                  ArrayRef<Pair> Pairs) {
  if (!handler(Call).isPassedOptRemarkEnabled(PassName))
    return;
  MachineOptimizationRemark R(PassName, "Paired", Call.getDebugLoc(),
                              Call.getParent());
  R << "fastcall " << S.name << ": " << std::to_string(Pairs.size())
    << (Pairs.size() == 1 ? " pair:" : " pairs:");
  for (const Pair &P : Pairs)
    R << (&P == Pairs.begin() ? " r" : ", r") << std::to_string(P.Reg)
      << " at r10" << std::to_string(P.Off);
  if (S.mark == NOCSR_MARK_KNOWN)
    R << " (marked by mark-known)";
  if (S.raw_proto)
    R << " (not fastcall in " << Call.getMF()->getFunction().getSection()
      << " programs: the pairs stay)";
  else if (!S.kernel_fastcall)
    R << " (not fastcall in the kernel: the pairs stay)";
  Call.getMF()->getFunction().getContext().diagnose(R);
}

void remarkMissed(const MachineInstr &Call, const nocsr_site &S,
                  StringRef Why) {
  if (!handler(Call).isMissedOptRemarkEnabled(PassName))
    return;
  MachineOptimizationRemarkMissed R(PassName, "Unpaired", Call.getDebugLoc(),
                                    Call.getParent());
  R << "call to " << S.name << " not paired: " << Why;
  Call.getMF()->getFunction().getContext().diagnose(R);
}

void errorUninitialised(const MachineInstr &Call, const nocsr_site &S,
                        unsigned Regs) {
  const Function &F = Call.getMF()->getFunction();
  std::string Names;
  for (unsigned I = 0; I < NOCSR_CALLER_SAVED; ++I)
    if (Regs & (1u << I))
      Names += (Names.empty() ? "r" : ", r") + std::to_string(I);
  DiagnosticInfoUnsupported D(
      F,
      "nocsr: in '" + F.getName() + "', " + Names +
          " is live across the fastcall to " + S.name +
          " but not initialised on every path to it; its spill would read "
          "an uninitialised register",
      Call.getDebugLoc());
  F.getContext().diagnose(D);
}

void errorStackTooDeep(MachineFunction &MF, int Base, unsigned MaxPairs) {
  const Function &F = MF.getFunction();
  DiagnosticInfoUnsupported D(
      F,
      "nocsr: '" + F.getName() + "' needs " + Twine(MaxPairs) +
          " fastcall slots below its frame (r10" + Twine(Base) +
          "), reaching r10" + Twine(nocsr_reserved_low(Base, MaxPairs)) +
          ", past the " + Twine(NOCSR_MAX_STACK) + "-byte BPF stack",
      DebugLoc());
  F.getContext().diagnose(D);
}

} // namespace nocsr
