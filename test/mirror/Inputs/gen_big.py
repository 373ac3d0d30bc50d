# Writes a naked-asm program with N fastcall sites and N branches.
import sys

n = int(sys.argv[1])
out = ['#include "nocsr_test.h"',
       'SEC("raw_tp") __attribute__((naked)) int big(void)', '{',
       '\tasm volatile (', '\t"r1 = 1; r2 = 2;"']
for i in range(n):
    out.append('\t"*(u64 *)(r10 - 8) = r2; *(u64 *)(r10 - 16) = r1; call 8;'
               ' r1 = *(u64 *)(r10 - 16); r2 = *(u64 *)(r10 - 8);"')
    out.append('\t"if r0 > %d goto 1f; r1 += 1; 1:"' % (i % 7))
out += ['\t"r0 = 0; exit;" ::: "memory");', '}']
print('\n'.join(out))
