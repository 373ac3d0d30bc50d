#!/usr/bin/env bash
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# make bench: build bench/progs three ways, measure with the running kernel,
# and write bench/results.md and bench/results.svg (see bench/report.py).
#
#   bench/run.sh BUILD [REPEAT] [ROUNDS]
set -euo pipefail

build=$(realpath "${1:-build}")
repeat=${2:-1000000}
rounds=${3:-5}
src=$(cd "$(dirname "$0")/.." && pwd)
out="$build/bench"
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
flags=(--target=bpf -O2 -g -I"$src/include" -I"/usr/include/$multiarch")
plugin="$build/plugin/libnocsr.so"
harness="$build/bin/bench-harness"
mkdir -p "$out"/{plain,plugin,clang22}
: > "$out/raw.txt"

builds=(plain plugin)
have22=no
if command -v clang-22 >/dev/null; then
	builds+=(clang22)
	have22=yes
fi

compile() {	# variant source object
	case $1 in
	plain) clang-19 "${flags[@]}" -c "$2" -o "$3" ;;
	plugin) clang-19 -fplugin="$plugin" "${flags[@]}" -c "$2" -o "$3" ;;
	clang22) clang-22 "${flags[@]}" -c "$2" -o "$3" ;;
	esac
}

progs=("$src"/bench/progs/*.bpf.c)
for b in "${builds[@]}"; do
	for p in "${progs[@]}"; do
		compile "$b" "$p" "$out/$b/$(basename "${p%.c}").o"
	done
done

# Compile time: the whole set, plain and plugin alternating, per round.
for r in $(seq "$rounds"); do
	for b in plain plugin; do
		t0=$(date +%s%N)
		for p in "${progs[@]}"; do
			compile "$b" "$p" /dev/null
		done
		echo "compile $b $(( $(date +%s%N) - t0 ))" >> "$out/raw.txt"
	done
done

# Code, stack and emitted/remaining pairs per build; run time interleaved.
for b in "${builds[@]}"; do
	for o in "$out/$b"/*.o; do
		"$harness" "$o" | sed "s/^/code $b /" >> "$out/raw.txt"
		llvm-objdump-19 -d --no-show-raw-insn -r "$o" > "${o%.o}.objdump"
		pin=/sys/fs/bpf/nocsr_bench_$$
		bpftool prog load "$o" "$pin"
		bpftool prog dump xlated pinned "$pin" > "${o%.o}.xlated"
		rm -f "$pin"
	done
done
for r in $(seq "$rounds"); do
	for o in "$out/plain"/*.o; do
		for b in "${builds[@]}"; do
			"$harness" "$out/$b/$(basename "$o")" --repeat "$repeat" |
				sed "s/^/run $b /" >> "$out/raw.txt"
		done
	done
done

# Mirror speed: nocsr xlated on every object vs the kernel's load of it.
for o in "$out/plugin"/*.o; do
	t0=$(date +%s%N)
	for i in $(seq 20); do "$build/bin/nocsr" xlated "$o" > /dev/null; done
	echo "mirror $(basename "$o" .bpf.o) $(( ($(date +%s%N) - t0) / 20 ))" >> "$out/raw.txt"
done

python3 "$src/bench/report.py" --raw "$out/raw.txt" --objdir "$out" \
	--repeat "$repeat" --rounds "$rounds" --clang22 "$have22" \
	--md "$src/bench/results.md" --svg "$src/bench/results.svg"
echo "bench: wrote bench/results.md and bench/results.svg"
