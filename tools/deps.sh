#!/usr/bin/env bash
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Install the Debian 12 packages nocsr needs, only those that are missing.
set -euo pipefail

pkgs=(clang-19 llvm-19-dev libclang-19-dev llvm-19-tools libclang-rt-19-dev
      libbpf-dev libelf-dev bpftool cmake make pkg-config python3)
missing=()
for p in "${pkgs[@]}"; do
	if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
		missing+=("$p")
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
	sudo=(sudo -n)
else
	echo "nocsr: missing Debian packages: ${missing[*]}; run as root or install them with apt-get" >&2
	exit 2
fi
echo "nocsr: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
