#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Kernel oracle over the plugin corpus.

usage: corpus_kernel.py --src SRC --build BUILD --out DIR

Builds every program of test/corpus/plugin with -g at -O2 and
-Os -mcpu=v4, with and without the plugin, runs `nocsr kernel` on each
object and prints one line per object that does not match, then
"corpus kernel: N objects, M match".
"""
import argparse
import concurrent.futures
import glob
import os
import subprocess
import sys

CONFIGS = ['-O2', '-Os -mcpu=v4']


def one(job):
    src, cfg, plugin, a = job
    name = os.path.basename(src)[:-2]
    obj = os.path.join(a.out, '%s%s%s.o' % (name, cfg.replace(' ', ''),
                                             '' if plugin else '.plain'))
    cc = ['clang-19', '--target=bpf', '-g', '-I%s/include' % a.src,
          '-I%s/test/include' % a.src,
          '-I/usr/include/%s-linux-gnu' % os.uname().machine] + cfg.split()
    if plugin:
        cc.append('-fplugin=%s/plugin/libnocsr.so' % a.build)
    r = subprocess.run(cc + ['-c', src, '-o', obj], capture_output=True,
                       text=True)
    if r.returncode:
        return '%s: compile failed: %s' % (obj, r.stderr.strip())
    r = subprocess.run(['%s/bin/nocsr' % a.build, 'kernel', obj],
                       capture_output=True, text=True)
    if r.returncode:
        bad = [l for l in r.stdout.splitlines() + r.stderr.splitlines()
               if 'MISMATCH' in l or l.startswith(('note:', 'nocsr:'))]
        return '%s: %s' % (os.path.basename(obj), ' '.join(bad))
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--src', required=True)
    ap.add_argument('--build', required=True)
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    files = sorted(glob.glob(os.path.join(a.src, 'test/corpus/plugin/*.c')))
    jobs = [(f, c, p, a) for f in files for c in CONFIGS for p in (True, False)]
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        bad = [r for r in ex.map(one, jobs) if r]
    for line in bad:
        print(line)
    print('corpus kernel: %d objects, %d match' % (len(jobs), len(jobs) - len(bad)))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
