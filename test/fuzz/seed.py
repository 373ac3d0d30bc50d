#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Seed the fuzz corpora from BPF objects: whole files for fuzz_elf, the
executable sections (after a selector byte) for fuzz_insn and fuzz_xlated,
the .BTF sections for fuzz_btf.

usage: seed.py CORPUS_DIR OBJ_OR_DIR...
"""
import hashlib
import os
import struct
import sys


def objects(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                for f in sorted(files):
                    if f.endswith('.o'):
                        yield os.path.join(root, f)
        elif p.endswith('.o'):
            yield p


def sections(data):
    """(name offset, type, flags, bytes) of each section of a little-endian
    ELF64 file whose bytes are in the file; [] if not one."""
    if len(data) < 64 or data[:4] != b'\x7fELF' or data[4] != 2 or data[5] != 1:
        return []
    shoff, = struct.unpack_from('<Q', data, 40)
    shentsize, shnum = struct.unpack_from('<HH', data, 58)
    out = []
    for i in range(shnum):
        at = shoff + i * shentsize
        if shentsize != 64 or at + 64 > len(data):
            return out
        name, typ, flags, _, off, size = struct.unpack_from('<IIQQQQ', data, at)
        if 0 < size <= 65536 and off + size <= len(data):
            out.append((name, typ, flags, data[off:off + size]))
    return out


def exec_sections(data):
    return [b for _, typ, flags, b in sections(data) if typ == 1 and flags & 4]


def btf_sections(data):
    """.BTF data: raw BTF starts with its magic, 0xeb9f."""
    return [b for _, typ, _, b in sections(data) if typ == 1 and b[:2] == b'\x9f\xeb']


def put(d, blob):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(blob).hexdigest()), 'wb') as f:
        f.write(blob)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    corpus = sys.argv[1]
    n = 0
    for path in objects(sys.argv[2:]):
        try:
            with open(path, 'rb') as f:
                data = f.read()
        except OSError:     # lit may delete its outputs meanwhile
            continue
        if len(data) <= 1 << 20:
            put(os.path.join(corpus, 'fuzz_elf'), data)
        for sec in btf_sections(data):
            put(os.path.join(corpus, 'fuzz_btf'), sec)
        for sec in exec_sections(data):
            put(os.path.join(corpus, 'fuzz_insn'), b'\0' + sec)
            # x86_64 and arm64, newest profile, raw_tp and socket
            for sel in (0x00, 0x01, 0x3c, 0x20):
                put(os.path.join(corpus, 'fuzz_xlated'), bytes([sel]) + sec)
        n += 1
    print('seed: %d objects' % n)


if __name__ == '__main__':
    main()
