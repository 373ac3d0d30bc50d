#!/usr/bin/env bash
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Run every lit suite and close with "N passed, N failed[, N skipped]".
# Unsupported tests (e.g. bpf-load where the kernel refuses BPF) count as
# skipped, never as passed.
set -uo pipefail

build=$(realpath "${1:-build}")
src=$(cd "$(dirname "$0")/.." && pwd)
lit=${LIT:-/usr/lib/llvm-19/build/utils/lit/lit.py}
log="$build/check.log"

python3 "$lit" -v -j"${LIT_JOBS:-$(nproc)}" --param build="$build" "$src/test" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

count() {
	awk -v k="$1" '$1 == k && $2 == ":" { n = $3 } END { print n + 0 }' \
		<(sed -n 's/^ *\([A-Za-z ]*[A-Za-z]\) *: *\([0-9]*\).*/\1 : \2/p' "$log" |
		  tr ' ' '_' | sed 's/_:_/ : /')
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
