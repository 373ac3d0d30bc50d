#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Check llvm-objdump output of a BPF object against the pair layout rule.

usage: llvm-objdump -d [-r] --no-show-raw-insn X.o | check_pairs.py [CALL ...]

CALL is the text of a fastcall instruction (default: "call 0x8"); with -r a
call's relocation is appended to its text ("call -0x1 bpf_rdonly_cast").  Per
function, lowest_off is the lowest offset of any 8-byte r10 store.  Around
each CALL, pair k (k = 1 next to the call) must be a spill at i-k and a fill
at i+k of the same register at lowest_off + 8(k-1), as the verifier matches
them; a spill/fill of one register around a pattern that does not match
(LLVM 22's layout for calls with fewer pairs) is reported.  Other r10
accesses (direct, or through `rX = r10; rX += -N`) must not start below the
function's reserved end.  Prints one line per call and per problem; exits 1
on a problem.
"""
import re
import sys

FUNC = re.compile(r'^[0-9a-f]+ <(.+)>:$')
INSN = re.compile(r'^\s*(\d+):\s+(.*?)\s*$')
RELOC = re.compile(r'^\s*[0-9a-f]+:\s+R_BPF_64_32\s+(\S+)\s*$')
SPILL = re.compile(r'^\*\(u64 \*\)\(r10 - 0x([0-9a-f]+)\) = r(\d)$')
FILL = re.compile(r'^r(\d) = \*\(u64 \*\)\(r10 - 0x([0-9a-f]+)\)$')
R10_ACCESS = re.compile(r'\(r10 - 0x([0-9a-f]+)\)')
R10_COPY = re.compile(r'^r(\d) = r10$')
PTR_ADD = re.compile(r'^r(\d) \+= -0x([0-9a-f]+)$')
# LLVM 14 leaves basic-block labels in the symbol table; llvm-objdump prints
# them like functions, but they continue the current one.
BB_LABEL = re.compile(r'^LBB\d+_\d+$')


def spill(text):
    m = SPILL.match(text)
    return (int(m.group(2)), -int(m.group(1), 16)) if m else None


def fill(text):
    m = FILL.match(text)
    return (int(m.group(1)), -int(m.group(2), 16)) if m else None


def check_function(name, insns, calls, out):
    texts = [t for _, t in insns]
    lowest = min([0] + [s[1] for s in map(spill, texts) if s])
    members = set()
    reserved = 0
    bad = 0
    for i, t in enumerate(texts):
        if t not in calls:
            continue
        k = 0
        while k < 6 and i - k - 1 >= 0 and i + k + 1 < len(texts):
            s, f = spill(texts[i - k - 1]), fill(texts[i + k + 1])
            if not s or not f or s != f or s[1] != lowest + 8 * k:
                break
            members.update((i - k - 1, i + k + 1))
            k += 1
        out.append('%s: %s at %d: %d pairs' % (name, t, insns[i][0], k))
        if k:
            reserved = min(reserved, lowest + 8 * k) if reserved else lowest + 8 * k
        lo, hi = i - k - 1, i + k + 1
        if lo >= 0 and hi < len(texts) and spill(texts[lo]) and \
                spill(texts[lo]) == fill(texts[hi]):
            out.append('BAD %s: pair at %d/%d does not match (lowest_off %d)'
                       % (name, insns[lo][0], insns[hi][0], lowest))
            bad += 1
    if not reserved:
        return bad
    base_of = {}
    for j, t in enumerate(texts):
        m = R10_COPY.match(t)
        if m:
            base_of[m.group(1)] = 0
            continue
        m = PTR_ADD.match(t)
        start = None
        if m and m.group(1) in base_of:
            start = -int(m.group(2), 16)
        elif j not in members:
            m = R10_ACCESS.search(t)
            start = -int(m.group(1), 16) if m else None
        if start is not None and start < reserved:
            out.append('BAD %s: access at %d starts below the reserved end '
                       '%d: %s' % (name, insns[j][0], reserved, t))
            bad += 1
    return bad


def parse(lines):
    """[(function, [(index, text)])] from llvm-objdump -d [-r] output."""
    funcs, cur = [], None
    for line in lines:
        m = FUNC.match(line.strip())
        if m and cur and BB_LABEL.match(m.group(1)):
            continue
        if m:
            cur = (m.group(1), [])
            funcs.append(cur)
            continue
        m = RELOC.match(line)
        if cur and cur[1] and m:
            idx, text = cur[1][-1]
            cur[1][-1] = (idx, '%s %s' % (text, m.group(1)))
            continue
        m = INSN.match(line)
        if cur and m:
            cur[1].append((int(m.group(1)), m.group(2)))
    return funcs


def check(lines, calls):
    """(report lines, number of problems)"""
    out, bad = [], 0
    for name, insns in parse(lines):
        bad += check_function(name, insns, calls, out)
    return out, bad


def main():
    out, bad = check(sys.stdin, set(sys.argv[1:]) or {'call 0x8'})
    print('\n'.join(out))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
