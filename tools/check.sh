#!/usr/bin/env bash
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Run every lit suite and close with "N passed, N failed[, N skipped]".
# Unsupported tests (e.g. bpf-load where the kernel refuses BPF) count as
# skipped, never as passed.  Where clang 14 and its dev packages are
# installed (LLVM14, default /usr/lib/llvm-14), the plugin suite runs a
# second time against clang 14 and BUILD/llvm-14 (make build14), and the
# closing line counts both runs.
set -uo pipefail

build=$(realpath "${1:-build}")
src=$(cd "$(dirname "$0")/.." && pwd)
lit=${LIT:-/usr/lib/llvm-19/build/utils/lit/lit.py}
log="$build/check.log"
llvm14=${LLVM14:-/usr/lib/llvm-14}
jobs=-j"${LIT_JOBS:-$(nproc)}"

python3 "$lit" -v "$jobs" --param build="$build" "$src/test" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ -z "${NOCSR_NO_LLVM14:-}" ] && [ -x "$llvm14/bin/clang" ] && [ -f "$llvm14/lib/cmake/clang/ClangConfig.cmake" ]; then
	echo "check: the plugin suite again, against $llvm14" | tee -a "$log"
	python3 "$lit" -v "$jobs" --param build="$build" --param llvm=14 \
		--param llvm_bin="$llvm14/bin" "$src/test/plugin" 2>&1 | tee -a "$log"
	[ "${PIPESTATUS[0]}" -ne 0 ] && status=1
fi

# Sum of one result kind ("Expectedly_Failed") over the summaries of the runs.
count() {
	awk -v k="$1" '
		/^Total Discovered Tests:/ { sum = 1; next }
		sum && /^ +[A-Za-z ]+: +[0-9]+/ {
			split($0, f, ":")
			gsub(/^ +| +$/, "", f[1])
			gsub(/ /, "_", f[1])
			if (f[1] == k)
				n += f[2]
			next
		}
		{ sum = 0 }
		END { print n + 0 }' "$log"
}
passed=$(( $(count Passed) + $(count Expectedly_Failed) ))
failed=$(( $(count Failed) + $(count Unresolved) + $(count Unexpectedly_Passed) + $(count Timed_Out) ))
skipped=$(( $(count Unsupported) + $(count Skipped) + $(count Excluded) ))
# lit itself failing (bad config, crash) must not read as success.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
	failed=1
fi
if [ $((passed + failed)) -eq 0 ]; then
	echo "check: no test ran" >&2
	failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
