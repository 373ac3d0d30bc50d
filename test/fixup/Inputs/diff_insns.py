#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Compare two BPF objects byte by byte and say what nocsr fixup changed.

usage: diff_insns.py OLD.o NEW.o

Prints one line per changed instruction, in file order:
    SECTION insn N: off OLD -> NEW
and "OTHER <file offset>" for any changed byte that is not the off field
(bytes 2-3) of an instruction of an executable section; then
"N insns changed, M other bytes".  Exit 1 when the sizes differ or any
other byte changed.
"""
import struct
import sys

SHF_EXECINSTR = 4


def sections(data):
    shoff, = struct.unpack_from('<Q', data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x3a)
    hdrs = [struct.unpack_from('<IIQQQQIIQQ', data, shoff + i * shentsize)
            for i in range(shnum)]
    stroff = hdrs[shstrndx][4]

    def name(off):
        end = data.index(b'\0', stroff + off)
        return data[stroff + off:end].decode()
    return [(name(h[0]), h[2], h[4], h[5]) for h in hdrs]


def main():
    old = open(sys.argv[1], 'rb').read()
    new = open(sys.argv[2], 'rb').read()
    if len(old) != len(new):
        print('SIZE %d -> %d' % (len(old), len(new)))
        return 1
    exec_secs = [(n, off, size) for n, flags, off, size in sections(old)
                 if flags & SHF_EXECINSTR]
    insns, other = {}, 0
    for at in (i for i in range(len(old)) if old[i] != new[i]):
        where = [(n, off) for n, off, size in exec_secs if off <= at < off + size]
        if where and (at - where[0][1]) % 8 in (2, 3):
            n, off = where[0]
            insns[at - (at - off) % 8] = (n, (at - off) // 8)
        else:
            print('OTHER %d' % at)
            other += 1
    for at in sorted(insns):
        n, idx = insns[at]
        o, = struct.unpack_from('<h', old, at + 2)
        w, = struct.unpack_from('<h', new, at + 2)
        print('%s insn %d: off %d -> %d' % (n, idx, o, w))
    print('%d insns changed, %d other bytes' % (len(insns), other))
    return 1 if other else 0


if __name__ == '__main__':
    sys.exit(main())
