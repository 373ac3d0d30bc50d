#!/usr/bin/env bash
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# make demo: compile the seed with the plugin, show what clang emitted, what
# each arch's verifier will run, and what this machine's kernel really runs.
set -euo pipefail

build=$(realpath "${1:-build}")
src=$(cd "$(dirname "$0")/.." && pwd)
out="$build/examples"
obj="$out/seed.bpf.o"
mkdir -p "$out"
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)

step() { printf '\n== %s\n' "$*"; }

step "1. clang-19 -fplugin=$build/plugin/libnocsr.so --target=bpf -O2 -g -c examples/seed.bpf.c"
clang-19 -fplugin="$build/plugin/libnocsr.so" --target=bpf -O2 -g \
	-I"$src/include" -I"/usr/include/$multiarch" \
	-c "$src/examples/seed.bpf.c" -o "$obj"
echo "wrote $obj"

step "2. llvm-objdump-19 -d --no-show-raw-insn (the spill/fill pair around call 0x8)"
llvm-objdump-19 -d --no-show-raw-insn "$obj"

for arch in x86_64 arm64 riscv64; do
	step "3. nocsr xlated --arch $arch (what the verifier will run)"
	"$build/bin/nocsr" xlated "$obj" --arch "$arch"
done

step "4. the running kernel ($(uname -r)) against the mirror's x86_64 prediction"
set +e
"$build/bin/nocsr" kernel "$obj"
rc=$?
set -e
case $rc in
0) echo "demo: the kernel's xlated program matches the mirror's prediction" ;;
2) echo "demo: skipped the kernel comparison: this kernel does not let us load BPF here" ;;
*) echo "demo: the kernel's xlated program DIFFERS from the mirror's prediction"; exit 1 ;;
esac
