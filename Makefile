# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Thin wrapper around CMake and lit: the two set-up commands of README.md.
BUILD ?= build
JOBS ?= $(shell nproc)
LIT ?= /usr/lib/llvm-19/build/utils/lit/lit.py
LIT_JOBS ?= $(JOBS)
LLVM_DIR ?= /usr/lib/llvm-19/lib/cmake/llvm
CMAKE_FLAGS ?=
REPEAT ?= 1000000
ROUNDS ?= 5
N ?= 0
SEED ?= 1

.PHONY: all deps build demo check test bench conformance clean

all: build

deps:
	@tools/deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DLLVM_DIR=$(LLVM_DIR) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	@tools/demo.sh $(BUILD)

# Every suite, closing with the plain "N passed, N failed" line CI reads.
check: build
	@tools/check.sh $(BUILD)

test: check

# Corpus plus N generated programs (SEED) through plugin, kernel, mirror and
# nocsr-run; table on stdout and in $(BUILD)/conformance.md.
conformance: build
	@python3 tools/conformance.py --src . --build $(BUILD) -n $(N) --seed $(SEED) -j$(JOBS)

# Benchmarks (bench/results.md, bench/results.svg); never part of check.
bench: build
	@bench/run.sh $(BUILD) $(REPEAT) $(ROUNDS)

clean:
	rm -rf $(BUILD)
