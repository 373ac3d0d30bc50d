#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""A corrupt copy of a raw BTF file, for test/mirror/vmlinux_btf.c.

    btf_patch.py IN OUT CASE

IN is little-endian raw BTF (big-endian for `swapped_header`); CASE names
the one defect OUT gets (see CASES).
"""
import struct
import sys

# Bytes after struct btf_type: fixed, per vlen item (uapi linux/btf.h).
TAIL = {1: (4, 0), 2: (0, 0), 3: (12, 0), 4: (0, 12), 5: (0, 12), 6: (0, 8),
        7: (0, 0), 8: (0, 0), 9: (0, 0), 10: (0, 0), 11: (0, 0), 12: (0, 0),
        13: (0, 8), 14: (4, 0), 15: (0, 12), 16: (0, 0), 17: (4, 0),
        18: (0, 0), 19: (0, 12)}
STRUCT, UNION = 4, 5


def records(d, types, type_len):
    """(id, offset) of every record."""
    pos, tid = types, 1
    while pos < types + type_len:
        info = struct.unpack_from('<I', d, pos + 4)[0]
        fixed, item = TAIL[info >> 24 & 0x1f]
        yield tid, pos
        pos += 12 + fixed + item * (info & 0xffff)
        tid += 1


def self_loop(d, types, type_len, strs):
    """sk_buff's anonymous members all of type sk_buff: a cycle."""
    def name(off):
        return d[strs + off:d.index(b'\0', strs + off)].decode()
    for tid, pos in records(d, types, type_len):
        name_off, info = struct.unpack_from('<II', d, pos)
        if info >> 24 & 0x1f == STRUCT and name(name_off) == 'sk_buff':
            for i in range(info & 0xffff):
                m = pos + 12 + 12 * i
                if not name(struct.unpack_from('<I', d, m)[0]):
                    struct.pack_into('<I', d, m + 4, tid)
            return
    sys.exit('no struct sk_buff')


def main():
    src, dst, case = sys.argv[1:4]
    d = bytearray(open(src, 'rb').read())
    hdr_len, type_off, type_len, str_off, str_len = struct.unpack_from('<5I', d, 4)
    types = hdr_len + type_off

    def put(off, v):
        struct.pack_into('<I', d, off, v)
    cases = {
        'version': lambda: d.__setitem__(2, 2),
        'short_header': lambda: put(4, 8),
        'overlap': lambda: put(12, type_len + 4),
        'unaligned': lambda: (put(8, 2), put(12, type_len - 4)),
        'unterminated': lambda: d.__setitem__(hdr_len + str_off + str_len - 1, ord('x')),
        'unknown_kind': lambda: put(types + 4, 20 << 24),
        'past_end': lambda: put(types + 4, STRUCT << 24 | 0xffff),
        'trailing': lambda: (d.__setitem__(slice(types + type_len, types + type_len), bytes(4)),
                             put(12, type_len + 4), put(16, str_off + 4)),
        'swapped_header': lambda: struct.pack_into('>I', d, 4, 32),
        'cycle': lambda: self_loop(d, types, type_len, hdr_len + str_off),
    }
    cases[case]()
    open(dst, 'wb').write(d)


if __name__ == '__main__':
    main()
