// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
//
// The clang side: the bpf_fastcall attribute clang 20 added, for clang 19
// and 14.
//
// __attribute__((bpf_fastcall)) and [[clang::bpf_fastcall]] are accepted on
// functions and function-pointer variables, for BPF targets only (elsewhere
// clang reports an unknown attribute, as clang 20+ does).  The attribute is
// carried by an implicit AnyX86NoCallerSavedRegistersAttr: clang's CodeGen
// then writes the IR attribute "no_caller_saved_registers" on the
// declaration and on every call site, including calls through
// `static __u32 (*const f)(void) __bpf_fastcall = (void *)8;`.  The BPF
// backend of LLVM 19 ignores it; the machine steps key on it.
//
// Also the plugin's only argument: -fplugin-arg-nocsr-mark-known.  Built as
// libnocsr_clang.so and loaded by libnocsr.so inside clang (load.c).
//
//   clang-19 --target=bpf -fplugin=build/plugin/libnocsr.so -O2 -c x.c
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Attr.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"
#include "llvm/Config/llvm-config.h"

using namespace clang;

namespace {

// Triple::isBPF() is LLVM 15+.
bool isBpf(const llvm::Triple &T) {
  return T.getArch() == llvm::Triple::bpfel ||
         T.getArch() == llvm::Triple::bpfeb;
}

// nocsr_mark_known in libnocsr.so, handed over by nocsr_clang__init.
bool *MarkKnown;

struct BpfFastcallAttrInfo : public ParsedAttrInfo {
  static constexpr Spelling Spellings[] = {
      {ParsedAttr::AS_GNU, "bpf_fastcall"},
#if LLVM_VERSION_MAJOR >= 18
      {ParsedAttr::AS_C23, "clang::bpf_fastcall"},
#else
      {ParsedAttr::AS_C2x, "clang::bpf_fastcall"},
#endif
      {ParsedAttr::AS_CXX11, "clang::bpf_fastcall"},
  };

  BpfFastcallAttrInfo() {
    ParsedAttrInfo::Spellings = Spellings;
    IsTargetSpecific = 1;
  }

  bool existsInTarget(const TargetInfo &Target) const override {
    return isBpf(Target.getTriple());
  }

  bool diagAppertainsToDecl(Sema &S, const ParsedAttr &Attr,
                            const Decl *D) const override {
    if (isa<FunctionDecl>(D) || D->getFunctionType(/*BlocksToo=*/false))
      return true;
    auto Diag = S.Diag(Attr.getLoc(), diag::warn_attribute_wrong_decl_type_str);
    Diag << Attr;
#if LLVM_VERSION_MAJOR >= 17 // the message gained a keyword-spelling select
    Diag << Attr.isRegularKeywordAttribute();
#endif
    Diag << "functions and function pointers";
    return false;
  }

  AttrHandling handleDeclAttribute(Sema &S, Decl *D,
                                   const ParsedAttr &Attr) const override {
    if (Attr.getNumArgs()) {
      S.Diag(Attr.getLoc(), diag::err_attribute_wrong_number_arguments)
          << Attr << 0;
      return AttributeNotApplied;
    }
    D->addAttr(AnyX86NoCallerSavedRegistersAttr::CreateImplicit(
        S.Context, Attr.getRange()));
    return AttributeApplied;
  }
};

ParsedAttrInfoRegistry::Add<BpfFastcallAttrInfo>
    AttrReg("bpf_fastcall", "BPF fastcall calls (nocsr)");

// Runs before the main action only to read -fplugin-arg-nocsr-*.
class ArgsAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer>
  CreateASTConsumer([[maybe_unused]] CompilerInstance &CI,
                    StringRef) override {
#if LLVM_VERSION_MAJOR < 17
    // __has_attribute does not see plugin attributes before clang 17, so
    // bpf_fastcall.h's and libbpf's guard would define __bpf_fastcall
    // empty: define it first.  Too late for -E, which makes no consumer.
    if (isBpf(CI.getTarget().getTriple())) {
      Preprocessor &PP = CI.getPreprocessor();
      PP.setPredefines(PP.getPredefines() +
                       "#ifndef __bpf_fastcall\n"
                       "#define __bpf_fastcall __attribute__((bpf_fastcall))\n"
                       "#endif\n");
    }
#endif
    return std::make_unique<ASTConsumer>();
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    for (const std::string &A : Args) {
      if (A == "mark-known" && MarkKnown) {
        *MarkKnown = true;
        continue;
      }
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                 "nocsr: unknown plugin argument '%0' "
                                 "(known: mark-known)"))
          << A;
      return false;
    }
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }
};

FrontendPluginRegistry::Add<ArgsAction> ActionReg("nocsr",
                                                  "nocsr plugin arguments");

} // namespace

extern "C" __attribute__((visibility("default"))) void
nocsr_clang__init(bool *mark_known) {
  MarkKnown = mark_known;
}
