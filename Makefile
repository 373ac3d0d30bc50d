# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Thin wrapper around CMake and lit: the two set-up commands of README.md.
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)
LIT ?= /usr/lib/llvm-19/build/utils/lit/lit.py
LIT_JOBS ?= $(JOBS)
LLVM_DIR ?= /usr/lib/llvm-19/lib/cmake/llvm
# Debian's clang 14: when it and its dev packages are installed, the plugin
# is built for it too, into $(BUILD)/llvm-14, and make check runs the plugin
# suite against it (tools/check.sh).
LLVM14 ?= /usr/lib/llvm-14
HAVE_LLVM14 := $(and $(wildcard $(LLVM14)/bin/clang),$(wildcard $(LLVM14)/lib/cmake/clang/ClangConfig.cmake))
CMAKE_FLAGS ?=
REPEAT ?= 1000000
ROUNDS ?= 5
SECONDS ?= 60
N ?= 0
SEED ?= 1

.PHONY: all deps build build14 demo check check-asan test bench conformance fuzz clean

all: build

deps:
	@tools/deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DLLVM_DIR=$(LLVM_DIR) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)
	@$(if $(HAVE_LLVM14),$(MAKE) --no-print-directory build14)

$(BUILD)/llvm-14/CMakeCache.txt:
	cmake -S . -B $(BUILD)/llvm-14 -DLLVM_DIR=$(LLVM14)/lib/cmake/llvm $(CMAKE_FLAGS)

# Only the plugin: the C tools are the same whatever LLVM they sit next to.
build14: $(BUILD)/llvm-14/CMakeCache.txt
	cmake --build $(BUILD)/llvm-14 -j$(JOBS) --target nocsr nocsr_clang

demo: build
	@tools/demo.sh $(BUILD)

# Every suite, closing with the plain "N passed, N failed" line CI reads.
check: build
	@LLVM14=$(LLVM14) tools/check.sh $(BUILD)

test: check

# The suite again on an ASan+UBSan build (the plugin: UBSan only; see
# docs/design.md), in its own build directory.  The two corpus tests, which
# recompile the whole plugin corpus five times over, are left out
# (reported as skipped) to keep CI within its budget; so is the clang 14
# rerun of the plugin suite, whose plugin this build does not make.
ASAN_FILTER_OUT ?= plugin/corpus_(e2e|layout)\.test
check-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DLLVM_DIR=$(LLVM_DIR) -DNOCSR_SANITIZE=ON \
		-DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99 \
	 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	 NOCSR_NO_LLVM14=1 LIT_FILTER_OUT='$(ASAN_FILTER_OUT)' tools/check.sh $(ASAN_BUILD)

# Corpus plus N generated programs (SEED) through plugin, kernel, mirror and
# nocsr-run; table on stdout and in $(BUILD)/conformance.md.
conformance: build
	@python3 tools/conformance.py --src . --build $(BUILD) -n $(N) --seed $(SEED) -j$(JOBS)

# Benchmarks (bench/results.md, bench/results.svg); never part of check.
bench: build
	@bench/run.sh $(BUILD) $(REPEAT) $(ROUNDS)

# Each libFuzzer target for SECONDS (test/fuzz/run.sh); findings fail the run.
fuzz: build
	@test/fuzz/run.sh $(BUILD) $(SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
