#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Run `nocsr VERB` on every case of test/bad/MANIFEST and require, for each:
exit status 2 (not a signal), nothing on stdout, exactly one line on stderr,
and that line containing the case's expected text.

usage: check_bad.py NOCSR BAD_DIR [VERB...]
"""
import os
import subprocess
import sys


def run_case(nocsr, bad, verb, name, args, expect):
    cmd = [nocsr, verb, os.path.join(bad, name)] + args.split()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=20)
    except subprocess.TimeoutExpired:
        return 'hung'
    err = p.stderr.decode(errors='replace')
    lines = err.splitlines()
    if p.returncode < 0:
        return 'killed by signal %d' % -p.returncode
    if p.returncode != 2:
        return 'exit status %d, not 2' % p.returncode
    if p.stdout:
        return 'wrote to stdout'
    if len(lines) != 1:
        return '%d lines on stderr: %r' % (len(lines), err[:300])
    if expect not in lines[0]:
        return 'error %r lacks %r' % (lines[0], expect)
    return None


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    nocsr, bad = sys.argv[1], sys.argv[2]
    verbs = sys.argv[3:] or ['xlated', 'check']
    failed = total = 0
    with open(os.path.join(bad, 'MANIFEST')) as f:
        rows = [l.rstrip('\n').split('\t') for l in f if l.strip()]
    for name, args, expect in rows:
        for verb in verbs:
            total += 1
            why = run_case(nocsr, bad, verb, name, args, expect)
            if why:
                failed += 1
                print('FAIL %s %s: %s' % (verb, name, why))
    print('bad inputs: %d cases, %d checks, %d failed' % (len(rows), total, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
