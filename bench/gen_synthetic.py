#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Synthetic BPF objects of a chosen size for the mirror's scaling run.

  gen_synthetic.py N OUT.o [straight|loops]

Writes BPF assembly and assembles it with llvm-mc-19: one tc program of
exactly N instructions (N >= 16) made of a repeated block that looks like
compiled fastcall code, two values live across bpf_get_smp_processor_id in
the plugin's pair layout.  Every site is rewritable, so the mirror does all
of its work (patterns, the stack-contract walk, removal, printing) at
every block.
  straight  (default) 12 insns: the call, a conditional branch that
            rejoins, a read of an 8-byte slot outside the pattern region.
  loops     9 insns: the call inside a counted loop whose bound differs
            from block to block, so the walk widens at every loop and
            the program has as many distinct bounds as loops.
"""
import subprocess
import sys

PROLOGUE = [
    'r6 = r1',
    'r1 = 1',
    'r2 = 2',
    '*(u64 *)(r10 - 8) = r1',
]
BLOCK = [
    '*(u64 *)(r10 - 16) = r2',
    '*(u64 *)(r10 - 24) = r1',
    'call 8',
    'r1 = *(u64 *)(r10 - 24)',
    'r2 = *(u64 *)(r10 - 16)',
    'r1 += r0',
    'r2 ^= r1',
    'if r1 > 1000 goto +2',
    'r2 += 1',
    'r1 &= 255',
    'r3 = *(u64 *)(r10 - 8)',
    'r2 += r3',
]
LOOP = [
    'r1 = 0',
    '*(u64 *)(r10 - 16) = r2',
    '*(u64 *)(r10 - 24) = r1',
    'call 8',
    'r1 = *(u64 *)(r10 - 24)',
    'r2 = *(u64 *)(r10 - 16)',
    'r2 += r0',
    'r1 += 1',
    'if r1 < %d goto -8',
]
EPILOGUE = ['r0 = r2', 'exit']


def body(n, shape):
    block = LOOP if shape == 'loops' else BLOCK
    fill = n - len(PROLOGUE) - len(EPILOGUE)
    blocks, rest = divmod(fill, len(block))
    yield from PROLOGUE
    for b in range(blocks):
        for i in block:
            yield i % (2 + b % 1000000) if '%d' in i else i
    for _ in range(rest):
        yield 'r2 += 1'
    yield from EPILOGUE


def main():
    shape = sys.argv[3] if len(sys.argv) == 4 else 'straight'
    if len(sys.argv) not in (3, 4) or not sys.argv[1].isdigit() or \
            int(sys.argv[1]) < 16 or shape not in ('straight', 'loops'):
        sys.stderr.write('usage: gen_synthetic.py N OUT.o [straight|loops]  (N >= 16)\n')
        return 2
    n = int(sys.argv[1])
    asm = ['\t.section "tc","ax"', '\t.globl synth_%d' % n,
           '\t.type synth_%d,@function' % n, 'synth_%d:' % n]
    asm += ['\t' + i for i in body(n, shape)]
    asm += ['\t.size synth_%d, .-synth_%d' % (n, n),
            '\t.section "license","aw"', '\t.globl LICENSE', 'LICENSE:',
            '\t.asciz "GPL"']
    subprocess.run(['llvm-mc-19', '-triple', 'bpfel', '-filetype=obj',
                    '-o', sys.argv[2]], input='\n'.join(asm) + '\n',
                   text=True, check=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
