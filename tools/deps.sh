#!/usr/bin/env bash
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Install the Debian 12 packages nocsr needs, only those that are missing.
set -euo pipefail

pkgs=(clang-19 llvm-19-dev libclang-19-dev llvm-19-tools libclang-rt-19-dev
      libbpf-dev libelf-dev bpftool cmake make pkg-config python3)
# Debian's default clang, for the plugin's second build and test run: wanted,
# but nocsr builds and checks without it (NOCSR_NO_LLVM14=1 skips it).
optional=(clang-14 llvm-14-dev libclang-14-dev)
[ -n "${NOCSR_NO_LLVM14:-}" ] && optional=()

missing_of() {
	local p
	for p in "$@"; do
		if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
			echo "$p"
		fi
	done
}
mapfile -t missing < <(missing_of "${pkgs[@]}")
mapfile -t missing_opt < <(missing_of "${optional[@]}")
[ ${#missing[@]} -eq 0 ] && [ ${#missing_opt[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
	sudo=(sudo -n)
elif [ ${#missing[@]} -eq 0 ]; then
	echo "nocsr: not installing ${missing_opt[*]} (not root): the plugin is built and checked for clang 19 only" >&2
	exit 0
else
	echo "nocsr: missing Debian packages: ${missing[*]}; run as root or install them with apt-get" >&2
	exit 2
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
	echo "nocsr: installing ${missing[*]}"
	"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ ${#missing_opt[@]} -gt 0 ]; then
	echo "nocsr: installing ${missing_opt[*]}"
	"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing_opt[@]}" ||
		echo "nocsr: could not install ${missing_opt[*]}: the plugin is built and checked for clang 19 only" >&2
fi
