# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Thin wrapper around CMake and lit: the two set-up commands of README.md.
BUILD ?= build
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

.PHONY: all deps build build14 demo check test bench clean

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

# Benchmarks (bench/results.md, bench/results.svg); never part of check.
bench: build
	@bench/run.sh $(BUILD) $(REPEAT) $(ROUNDS)

clean:
	rm -rf $(BUILD)
