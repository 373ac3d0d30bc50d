// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
//
// The one place that knows how nocsr gets into the codegen pipeline of
// LLVM 19 (and 14: the same two passes, the same PassInfo API).
//
// LLVM <= 20 offers a plugin no way to add machine passes (LLVM 21 adds
// RegisterTargetPassConfigCallback).  TargetPassConfig creates standard
// passes through their PassInfo constructor, so at load time we initialise
// the CodeGen passes and swap the constructor of two that are no-ops for
// BPF and present at every -O level:
//   LocalStackSlotAllocation  (before register allocation) -> pre_ra.cpp
//   FuncletLayout             (after PEI and BPF's pre-emit passes,
//                              where LLVM 20 inserts its pairs) -> post_ra.cpp
// For any other target the replacement runs the original pass.  The swap is
// process-global and not an API: `-stop-after=localstackalloc` and friends
// no longer match, and the plugin must be built against the exact LLVM the
// host tool uses.
//
//   clang-19 --target=bpf -fplugin=build/plugin/libnocsr.so -O2 -c x.c
//   llc-19 -load build/plugin/libnocsr.so -mtriple=bpfel -filetype=obj x.ll
#include "machine.h"

#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/Passes.h"
#include "llvm/InitializePasses.h"
#include "llvm/PassInfo.h"
#include "llvm/PassRegistry.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>

using namespace llvm;

namespace {

struct Slot {
  const void *ID;
  const char *Name;
  bool (*Run)(MachineFunction &MF);
  PassInfo::NormalCtor_t Orig;
};

Slot Slots[] = {
    {&LocalStackSlotAllocationID, "nocsr: keep r0-r5 across fastcalls",
     nocsr::runPreRA, nullptr},
    {&FuncletLayoutID, "nocsr: fastcall spill/fill pairs", nocsr::runPostRA,
     nullptr},
};

// Reaches the protected runOnMachineFunction of the pass we stand in for.
struct RunInner : MachineFunctionPass {
  static bool run(MachineFunctionPass &P, MachineFunction &MF) {
    return (P.*&RunInner::runOnMachineFunction)(MF);
  }
};

template <unsigned N> class SlotPass : public MachineFunctionPass {
public:
  static char ID;

  SlotPass()
      : MachineFunctionPass(ID),
        Inner(static_cast<MachineFunctionPass *>(Slots[N].Orig())) {}

  StringRef getPassName() const override { return Slots[N].Name; }

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    static_cast<const Pass &>(*Inner).getAnalysisUsage(AU);
  }

  bool runOnMachineFunction(MachineFunction &MF) override {
    Triple::ArchType A = MF.getTarget().getTargetTriple().getArch();
    if (A == Triple::bpfel || A == Triple::bpfeb) // isBPF() is LLVM 15+
      return Slots[N].Run(MF);
    return RunInner::run(*Inner, MF);
  }

private:
  std::unique_ptr<MachineFunctionPass> Inner;
};

template <unsigned N> char SlotPass<N>::ID = 0;

template <unsigned N> Pass *createSlotPass() { return new SlotPass<N>(); }

template <unsigned... N>
void hijack(PassRegistry &PR, std::integer_sequence<unsigned, N...>) {
  PassInfo::NormalCtor_t Ctors[] = {createSlotPass<N>...};
  for (unsigned I = 0; I < std::size(Slots); ++I) {
    auto *PI = const_cast<PassInfo *>(PR.getPassInfo(Slots[I].ID));
    Slots[I].Orig = PI->getNormalCtor();
    PI->setNormalCtor(Ctors[I]);
  }
}

struct Hijack {
  Hijack() {
    PassRegistry &PR = *PassRegistry::getPassRegistry();
    initializeCodeGen(PR);
    hijack(PR, std::make_integer_sequence<unsigned, std::size(Slots)>());
  }
} TheHijack;

} // namespace
