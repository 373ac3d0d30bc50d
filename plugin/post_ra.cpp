// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
//
// Post-PEI step: wrap each fastcall call in the spill/fill pairs the kernel
// matches (include/nocsr/contract.h, design.md section 1).
//
// After pre_ra.cpp the allocator may keep values in r0..r5 across a marked
// call.  Every such register that is live after the call (any alias: a live
// w1 means r1) and not defined by it gets a pair.  All calls of a function
// share one block of slots just below every other frame object: with K the
// largest pair count of any call, pair j (j = 0 next to the call) of every
// call sits at nocsr_pair_offset(base, K, j), so each call's innermost pair
// is at the subprogram's lowest 8-byte r10 store, as the verifier requires.
// A frame that would grow past 512 bytes is a hard error: dropping a pair
// would change what the program computes.
//
// Runs in the FuncletLayout slot (pipeline.cpp), at every -O:
//   clang-19 --target=bpf -fplugin=build/plugin/libnocsr.so -O2 -c x.c
//   llc-19 -load build/plugin/libnocsr.so -mtriple=bpfel x.ll
#include "machine.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/CodeGen/LivePhysRegs.h"
#include "llvm/CodeGen/MachineFrameInfo.h"
#include "llvm/CodeGen/MachineInstrBuilder.h"
#include "llvm/CodeGen/TargetInstrInfo.h"
#include "llvm/CodeGen/TargetRegisterInfo.h"
#include "llvm/CodeGen/TargetSubtargetInfo.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>

using namespace llvm;

namespace nocsr {

namespace {

struct Site {
  MachineInstr *Call;
  nocsr_site S;
  unsigned Regs; // bit i: r<i> is live across the call
};

} // namespace

static unsigned liveAcross(const MachineInstr &Call, const LivePhysRegs &Live,
                           const BpfNames &B, const TargetRegisterInfo &TRI) {
  unsigned Regs = 0;
  for (unsigned I = 0; I < NOCSR_CALLER_SAVED; ++I) {
    bool IsLive = false;
    for (MCRegAliasIterator A(B.R[I], &TRI, true); A.isValid(); ++A)
      IsLive |= Live.contains(*A);
    if (IsLive && !Call.modifiesRegister(B.R[I], &TRI))
      Regs |= 1u << I;
  }
  return Regs;
}

// Fastcall sites and the remarkable others, in program order.
static SmallVector<Site, 8> collectSites(MachineFunction &MF,
                                         const BpfNames &B) {
  const TargetRegisterInfo &TRI = *MF.getSubtarget().getRegisterInfo();
  SmallVector<Site, 8> Sites;
  for (MachineBasicBlock &MBB : MF) {
    LivePhysRegs Live(TRI);
    Live.addLiveOuts(MBB);
    size_t First = Sites.size();
    for (MachineInstr &MI : reverse(MBB)) {
      if (MI.isDebugInstr())
        continue;
      nocsr_site S;
      if (MI.isCall() && describeCall(MI, S) &&
          (nocsr_site__is_fastcall(&S) || nocsr_site__is_missed(&S)))
        Sites.push_back({&MI, S,
                         nocsr_site__is_fastcall(&S)
                             ? liveAcross(MI, Live, B, TRI)
                             : 0});
      Live.stepBackward(MI);
    }
    std::reverse(Sites.begin() + First, Sites.end());
  }
  return Sites;
}

// Registers among r0..r5 that hold a value on every path to each call, as
// the verifier sees it: code defines them, a call leaves the ones it
// clobbers uninitialised (r0 aside), IMPLICIT_DEF and other meta
// instructions emit nothing.  A pair must never read an uninitialised
// register: the verifier rejects the spill ("R2 !read_ok").
static DenseMap<const MachineInstr *, unsigned>
initialisedAtCalls(MachineFunction &MF, const BpfNames &B) {
  const TargetRegisterInfo &TRI = *MF.getSubtarget().getRegisterInfo();
  auto Step = [&](const MachineInstr &MI, unsigned Init) {
    if (MI.isMetaInstruction())
      return Init;
    for (unsigned I = 0; I < NOCSR_CALLER_SAVED; ++I) {
      if (!MI.modifiesRegister(B.R[I], &TRI))
        continue;
      if (MI.isCall() && I > 0)
        Init &= ~(1u << I);
      else
        Init |= 1u << I;
    }
    return Init;
  };

  unsigned EntryInit = 0;
  for (const auto &LI : MF.front().liveins()) {
    int I = B.callerSaved(LI.PhysReg);
    if (I >= 0)
      EntryInit |= 1u << I;
  }
  DenseMap<const MachineBasicBlock *, unsigned> Out; // missing: all set
  auto In = [&](const MachineBasicBlock &MBB) {
    unsigned Init = &MBB == &MF.front() ? EntryInit : NOCSR_ALL_CALLER_SAVED;
    for (const MachineBasicBlock *Pred : MBB.predecessors()) {
      auto It = Out.find(Pred);
      if (It != Out.end())
        Init &= It->second;
    }
    return Init;
  };

  ReversePostOrderTraversal<MachineFunction *> RPOT(&MF);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const MachineBasicBlock *MBB : RPOT) {
      unsigned Init = In(*MBB);
      for (const MachineInstr &MI : *MBB)
        Init = Step(MI, Init);
      auto [It, New] = Out.try_emplace(MBB, Init);
      Changed |= New || It->second != Init;
      It->second = Init;
    }
  }

  DenseMap<const MachineInstr *, unsigned> AtCall;
  for (const MachineBasicBlock *MBB : RPOT) {
    unsigned Init = In(*MBB);
    for (const MachineInstr &MI : *MBB) {
      if (MI.isCall())
        AtCall[&MI] = Init;
      Init = Step(MI, Init);
    }
  }
  return AtCall;
}

// Lowest offset of any frame object, rounded down to 8 bytes.
static int frameBase(const MachineFrameInfo &MFI) {
  int64_t Low = 0;
  for (int FI = MFI.getObjectIndexBegin(); FI != MFI.getObjectIndexEnd(); ++FI)
    if (!MFI.isDeadObjectIndex(FI))
      Low = std::min(Low, MFI.getObjectOffset(FI));
  return -static_cast<int>(alignTo(-Low, NOCSR_REG_SIZE));
}

static void insertPairs(Site &St, ArrayRef<Pair> Pairs, ArrayRef<int> Slots,
                        const BpfNames &B) {
  MachineInstr &Call = *St.Call;
  MachineBasicBlock &MBB = *Call.getParent();
  MachineFunction &MF = *MBB.getParent();
  const TargetInstrInfo &TII = *MF.getSubtarget().getInstrInfo();
  const DebugLoc &DL = Call.getDebugLoc();
  auto MMO = [&](unsigned J, MachineMemOperand::Flags F) {
    return MF.getMachineMemOperand(
        MachinePointerInfo::getFixedStack(MF, Slots[J]), F, NOCSR_REG_SIZE,
        Align(NOCSR_REG_SIZE));
  };

  // Spills outer to inner, so pair 0 ends up next to the call.
  for (unsigned J = Pairs.size(); J-- > 0;)
    BuildMI(MBB, Call, DL, TII.get(B.STD))
        .addReg(B.R[Pairs[J].Reg], RegState::Kill)
        .addReg(B.FP)
        .addImm(Pairs[J].Off)
        .addMemOperand(MMO(J, MachineMemOperand::MOStore));
  // Fills inner to outer, each inserted before the same point.
  MachineBasicBlock::iterator After = std::next(Call.getIterator());
  for (unsigned J = 0; J < Pairs.size(); ++J)
    BuildMI(MBB, After, DL, TII.get(B.LDD), B.R[Pairs[J].Reg])
        .addReg(B.FP)
        .addImm(Pairs[J].Off)
        .addMemOperand(MMO(J, MachineMemOperand::MOLoad));
}

bool runPostRA(MachineFunction &MF) {
  const BpfNames &B = bpfNames(MF);
  SmallVector<Site, 8> Sites = collectSites(MF, B);

  unsigned K = 0;
  for (const Site &St : Sites) {
    K = std::max<unsigned>(K, __builtin_popcount(St.Regs));
    if (!St.Regs)
      remarkMissed(*St.Call, St.S,
                   St.S.skip ? St.S.skip
                             : "no caller-saved register is live across it");
  }
  if (K == 0)
    return false;

  DenseMap<const MachineInstr *, unsigned> Init = initialisedAtCalls(MF, B);
  bool Uninitialised = false;
  for (const Site &St : Sites)
    if (unsigned Regs = St.Regs & ~Init.lookup(St.Call)) {
      errorUninitialised(*St.Call, St.S, Regs);
      Uninitialised = true;
    }
  if (Uninitialised)
    return false;

  MachineFrameInfo &MFI = MF.getFrameInfo();
  int Base = frameBase(MFI);
  int Low = nocsr_reserved_low(Base, K);
  if (Low < -NOCSR_MAX_STACK) {
    errorStackTooDeep(MF, Base, K);
    return false;
  }

  SmallVector<int, NOCSR_MAX_PAIRS> Slots;
  for (unsigned J = 0; J < K; ++J)
    Slots.push_back(MFI.CreateFixedSpillStackObject(
        NOCSR_REG_SIZE, nocsr_pair_offset(Base, K, J)));
  MFI.setStackSize(std::max<uint64_t>(MFI.getStackSize(), -Low));

  for (Site &St : Sites) {
    if (!St.Regs)
      continue;
    // Pair 0, next to the call, holds the highest register, as LLVM 20 does.
    SmallVector<Pair, NOCSR_MAX_PAIRS> Pairs;
    for (unsigned I = NOCSR_CALLER_SAVED; I-- > 0;)
      if (St.Regs & (1u << I))
        Pairs.push_back({I, nocsr_pair_offset(Base, K, Pairs.size())});
    insertPairs(St, Pairs, Slots, B);
    remarkPaired(*St.Call, St.S, Pairs);
  }
  return true;
}

} // namespace nocsr
