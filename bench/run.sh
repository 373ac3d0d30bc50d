#!/usr/bin/env bash
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# make bench: build bench/progs three ways, measure them with the running
# kernel, time the compiler and the mirror, and write bench/results.md and
# bench/results.svg (see bench/report.py).
#
#   bench/run.sh BUILD [REPEAT] [ROUNDS] [OUTDIR]
#
# REPEAT: BPF_PROG_TEST_RUN repeat count (default 1000000); ROUNDS: rounds
# of the interleaved run-time and compile-time loops (default 5).  OUTDIR
# (default bench/) receives results.md and results.svg.  Environment:
# BENCH_SIZES (synthetic program sizes, default "1000 10000 100000 1000000"),
# BENCH_KERNEL_MAX (largest synthetic size the kernel is asked to load,
# default 100000), BENCH_SPEED_ITERS (default 20), BENCH_CPU (default 0),
# BENCH_PROGS (names of bench/progs to use, default all), BENCH_CORPUS
# ("all": bench/progs and test/corpus/plugin, the default; "progs": only
# the programs in use), BENCH_WORK (objects, listings and raw figures,
# default BUILD/bench).
set -euo pipefail

build=$(realpath "${1:-build}")
repeat=${2:-1000000}
rounds=${3:-5}
src=$(cd "$(dirname "$0")/.." && pwd)
dest=$(realpath "${4:-$src/bench}")
sizes=${BENCH_SIZES:-1000 10000 100000 1000000}
kernel_max=${BENCH_KERNEL_MAX:-100000}
iters=${BENCH_SPEED_ITERS:-20}
cpu=${BENCH_CPU:-0}
out=${BENCH_WORK:-$build/bench}
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
flags=(--target=bpf -O2 -g -I"$src/include" -I"$src/test/include"
       -I"/usr/include/$multiarch")
plugin="$build/plugin/libnocsr.so"
harness="$build/bin/bench-harness"
nocsr="$build/bin/nocsr"
pin=/sys/fs/bpf/nocsr_bench_$$
raw="$out/raw.txt"

for f in "$plugin" "$harness" "$nocsr"; do
	[ -x "$f" ] || [ -f "$f" ] || { echo "bench: $f missing; run make build" >&2; exit 2; }
done
rm -rf "$out"
mkdir -p "$out"/{plain,plugin,clang22,synthetic}
trap 'rm -f "$pin"' EXIT
export BENCH_CPU=$cpu

builds=(plain plugin)
if command -v clang-22 >/dev/null; then
	builds+=(clang22)
	echo "clang22 $(clang-22 --version | head -1)" > "$raw"
else
	echo "bench: clang-22 is not installed: build (c) is left out" >&2
	echo "clang22 none" > "$raw"
fi
echo "config repeat $repeat rounds $rounds cpu $cpu iters $iters" >> "$raw"
loadavg=$(cut -d' ' -f1-3 /proc/loadavg)

compile() {	# build source object
	case $1 in
	plain) clang-19 "${flags[@]}" -c "$2" -o "$3" ;;
	plugin) clang-19 -fplugin="$plugin" "${flags[@]}" -c "$2" -o "$3" ;;
	clang22) clang-22 "${flags[@]}" -c "$2" -o "$3" ;;
	clang22nofc) clang-22 -D__bpf_fastcall= "${flags[@]}" -c "$2" -o "$3" ;;
	esac
}

now() { date +%s%N; }

if [ -n "${BENCH_PROGS:-}" ]; then
	progs=()
	for n in $BENCH_PROGS; do
		progs+=("$src/bench/progs/$n.bpf.c")
	done
else
	progs=("$src"/bench/progs/*.bpf.c)
fi
names=()
for p in "${progs[@]}"; do
	[ -f "$p" ] || { echo "bench: no program $p" >&2; exit 2; }
	names+=("$(basename "$p" .bpf.c)")
done
echo "bench: building ${#progs[@]} programs as ${builds[*]}" >&2
for b in "${builds[@]}"; do
	for n in "${names[@]}"; do
		compile "$b" "$src/bench/progs/$n.bpf.c" "$out/$b/$n.o"
	done
done

# 1. Code after the kernel's rewrite, plus the listings report.py counts
#    emitted and remaining pairs in.  clang-22 without any fastcall marking
#    tells its general code generation apart from its fastcall handling.
echo "bench: 1/4 xlated code and stack depth" >&2
codebuilds=("${builds[@]}")
if [ -n "${builds[2]:-}" ]; then
	codebuilds+=(clang22nofc)
	mkdir -p "$out/clang22nofc"
	for n in "${names[@]}"; do
		compile clang22nofc "$src/bench/progs/$n.bpf.c" "$out/clang22nofc/$n.o"
	done
fi
for b in "${codebuilds[@]}"; do
	for n in "${names[@]}"; do
		o="$out/$b/$n.o"
		"$harness" code "$o" | sed "s/^/code $b /" >> "$raw"
		llvm-objdump-19 -dr --no-show-raw-insn "$o" > "$out/$b/$n.objdump"
		bpftool prog load "$o" "$pin"
		bpftool prog dump xlated pinned "$pin" > "$out/$b/$n.xlated"
		rm -f "$pin"
	done
done

# 2. Run time: one harness process, every round runs every program in
#    every build before the next round starts.
echo "bench: 2/4 run time (repeat $repeat, $rounds rounds)" >&2
objs=()
for n in "${names[@]}"; do
	for b in "${builds[@]}"; do
		objs+=("$out/$b/$n.o")
	done
done
"$harness" run "$repeat" "$rounds" "${objs[@]}" |
	while read -r round obj prog ns; do
		b=$(basename "$(dirname "$obj")")
		echo "run $b $prog $round $ns"
	done >> "$raw"

# 3. Compile time of the whole corpus, the two builds alternating which
#    goes first so drift in machine load hits both alike.
corpus=("${progs[@]}")
[ "${BENCH_CORPUS:-all}" = all ] && corpus+=("$src"/test/corpus/plugin/*.c)
echo "bench: 3/4 compile time (${#corpus[@]} files, $rounds rounds)" >&2
echo "corpus ${#corpus[@]} ${BENCH_CORPUS:-all}" >> "$raw"
for r in $(seq "$rounds"); do
	order=(plain plugin)
	[ $((r % 2)) = 0 ] && order=(plugin plain)
	for b in "${order[@]}"; do
		cc=(clang-19 "${flags[@]}")
		[ "$b" = plugin ] && cc+=(-fplugin="$plugin")
		# user + sys of every clang process, then wall seconds
		printf '%s\0' "${corpus[@]}" |
			/usr/bin/time -f "compile $b %U %S %e" -a -o "$raw" \
			xargs -0 -n1 "${cc[@]}" -c -o /dev/null
	done
done

# What loading the plugin costs a clang process: an empty file.
: > "$out/empty.c"
for b in plain plugin; do
	cc=(clang-19 "${flags[@]}")
	[ "$b" = plugin ] && cc+=(-fplugin="$plugin")
	echo "compile_empty $b $("$harness" exec 9 "${cc[@]}" -c "$out/empty.c" -o /dev/null)" >> "$raw"
done

# 4. Mirror speed: in-process against libbpf's load of the same object,
#    then as commands (nocsr xlated vs bpftool prog load), then synthetic
#    programs of growing size.
echo "bench: 4/4 mirror speed" >&2
for n in "${names[@]}"; do
	echo "speed $n $("$harness" speed "$iters" "$out/plugin/$n.o")" >> "$raw"
done
t0=$(now)
for n in "${names[@]}"; do
	"$nocsr" xlated "$out/plugin/$n.o" > /dev/null
done
t1=$(now)
for n in "${names[@]}"; do
	bpftool prog load "$out/plugin/$n.o" "$pin"
	rm -f "$pin"
done
echo "commands $(( t1 - t0 )) $(( $(now) - t1 ))" >> "$raw"

python3 "$src/bench/gen_synthetic.py" 16 "$out/synthetic/base.o"
echo "synthetic_base $("$harness" exec 9 "$nocsr" xlated "$out/synthetic/base.o")" >> "$raw"
for shape in straight loops; do
	for n in $sizes; do
		o="$out/synthetic/$shape$n.o"
		python3 "$src/bench/gen_synthetic.py" "$n" "$o" "$shape"
		k=5
		[ "$n" -ge 100000 ] && k=3
		[ "$n" -ge 1000000 ] && k=1
		# cpu of a fresh `nocsr xlated` process (µs resolution), the
		# same for the smallest program (process start, for subtracting)
		mns=$("$harness" exec "$k" "$nocsr" xlated "$o")
		/usr/bin/time -v "$nocsr" xlated "$o" 2> "$o.time" > /dev/null
		cpu=$(awk -F': ' '/(User|System) time/ { s += $2 } END { print s }' "$o.time")
		kb=$(awk -F': ' '/Maximum resident/ { print $2 }' "$o.time")
		# in-process mirror and kernel load, as for the programs above
		speed="- -"
		if [ "$shape" = straight ] && [ "$n" -le "$kernel_max" ]; then
			speed=$("$harness" speed "$([ "$n" -lt 100000 ] && echo "$k" || echo 1)" "$o")
		fi
		echo "synthetic $shape $n $mns $kb $cpu $speed" >> "$raw"
	done
done

python3 "$src/bench/report.py" --raw "$raw" --objdir "$out" --src "$src" \
	--loadavg "$loadavg" --md "$dest/results.md" --svg "$dest/results.svg"
echo "bench: wrote $dest/results.md and $dest/results.svg" >&2
