#!/usr/bin/env bash
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Run every fuzz target for SECONDS each (make fuzz SECONDS=N).
#   test/fuzz/run.sh BUILD SECONDS [TARGET...]
# Corpora grow in BUILD/fuzz/corpus/TARGET (seeded from test/bad, the
# objects lit left in BUILD/test and the example); a crash, leak or
# sanitizer report is saved in BUILD/fuzz/findings/TARGET/ and fails the run.
set -uo pipefail

build=$(realpath "${1:-build}")
secs=${2:-60}
shift 2 || shift $#
src=$(cd "$(dirname "$0")/../.." && pwd)
bin=$build/fuzz/bin
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_elf fuzz_insn fuzz_xlated fuzz_btf)

if [ ! -x "$bin/fuzz_elf" ]; then
	echo "fuzz: $bin/fuzz_elf missing (needs clang-19 and libclang-rt-19-dev at configure time)" >&2
	exit 2
fi
python3 "$src/test/fuzz/seed.py" "$build/fuzz/corpus" "$src/test/bad" \
	"$build/test" "$build/examples" >/dev/null || exit 2
rc=0
for t in "${targets[@]}"; do
	mkdir -p "$build/fuzz/findings/$t" "$build/fuzz/corpus/$t"
	# inputs that once found a problem, run once each
	regress=("$src/test/fuzz/regress/$t"/*)
	if [ -e "${regress[0]}" ] && ! "$bin/$t" "${regress[@]}" >"$build/fuzz/$t.regress.log" 2>&1; then
		echo "fuzz: $t fails on a regression input (log: $build/fuzz/$t.regress.log)"
		rc=1
		continue
	fi
	echo "fuzz: $t for ${secs}s"
	if ! "$bin/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$build/fuzz/findings/$t/" \
		"$build/fuzz/corpus/$t" >"$build/fuzz/$t.log" 2>&1; then
		echo "fuzz: $t FOUND A PROBLEM (log: $build/fuzz/$t.log, input in $build/fuzz/findings/$t/)"
		grep -m3 -E 'ERROR|SUMMARY|runtime error' "$build/fuzz/$t.log"
		rc=1
		continue
	fi
	grep -E '^stat::number_of_executed_units' "$build/fuzz/$t.log" |
		sed "s/^/fuzz: $t: /"
done
exit $rc
