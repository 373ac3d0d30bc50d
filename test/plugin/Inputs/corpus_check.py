#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Build every program of test/corpus/plugin with and without the plugin.

usage: corpus_check.py --src SRC --build BUILD --out DIR [--load [--mirror]]
                       [--configs "-O2,-Os -mcpu=v4"] [--llvm-bin DIR]
                       [--nocsr PATH]

BUILD holds plugin/libnocsr.so, built for the clang in --llvm-bin (default
LLVM 19's; -mcpu=v4 needs 18+); --nocsr defaults to BUILD/bin/nocsr.

Per program and configuration (-O level, -mcpu): the plugin build must pass
the machine verifier and check_pairs.py's layout rule, and give the same
instructions with and without -g.  With --load, both
builds are loaded into the host kernel: no pair may be left around an
inlined fastcall in the plugin build's xlated code, and BPF_PROG_TEST_RUN
must return the same value for both builds (on CPUs 0 and 1 for raw_tp).
With --mirror, `nocsr kernel` must find both builds' xlated programs equal
to the mirror's prediction (the kernel oracle over the corpus).
Prints one line per program and configuration, then a summary line
"corpus: F files x C configs: S sites, P pairs, N problems" (and, with
--mirror, "corpus kernel: N objects, M match").
"""
import argparse
import concurrent.futures
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_pairs  # noqa: E402
import prog_run  # noqa: E402

CONFIGS = ['-O2', '-O2 -mcpu=v3', '-O1 -mcpu=v2', '-Os -mcpu=v4', '-Oz']
# Socket filters and cgroup_skb get helper 8 through bpf_base_func_proto,
# whose bpf_get_raw_smp_processor_id_proto has no allow_fastcall (6.18):
# the verifier inlines the call but keeps its pairs.
KEEPS_HELPER8 = ('SEC("socket', 'SEC("cgroup_skb')
FASTCALLS = {'call 0x8', 'call -0x1 bpf_cast_to_kern_ctx',
             'call -0x1 bpf_rdonly_cast'}
CTX = ''.join('%02x00000000000000' % v
              for v in (3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41))
PACKET = ('00112233445566778899aabb0800' '4500002e000000004011' '0000'
          'c0a80001c0a80002' '00350035001a0000' + '61' * 18)
# One reader for the objects of every clang version.
OBJDUMP = '/usr/lib/llvm-19/bin/llvm-objdump'
XL = re.compile(r'^\s*\d+: \((\w\w)\) (.*)$')


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True)


def xlated_leftovers(text, helper8):
    """Pairs left around an inlined fastcall in bpftool's xlated dump."""
    insns = [m.groups() for m in map(XL.match, text.splitlines()) if m]
    found = 0
    for i, (op, t) in enumerate(insns):
        # get_smp_processor_id on x86: r0 = imm; r0 = r0 (percpu);
        # r0 = *(u32 *)(r0 +0).  Fastcall kfuncs: r0 = r1.
        if helper8 and op == '61' and t == 'r0 = *(u32 *)(r0 +0)' and i >= 2:
            lo, hi = i - 3, i + 1
        elif op == 'bf' and t == 'r0 = r1':
            lo, hi = i - 1, i + 1
        else:
            continue
        if lo < 0 or hi >= len(insns):
            continue
        s = re.match(r'\*\(u64 \*\)\(r10 (-\d+)\) = (r\d)$', insns[lo][1])
        f = re.match(r'(r\d) = \*\(u64 \*\)\(r10 (-\d+)\)$', insns[hi][1])
        if s and f and (s.group(2), s.group(1)) == f.groups():
            found += 1
    return found


def run_all(obj, kind):
    """{prog: [retval per CPU]} and {prog: xlated text}."""
    pin = prog_run.load(obj)
    try:
        res, text = {}, {}
        for name in sorted(os.listdir(pin)):
            p = os.path.join(pin, name)
            text[name] = prog_run.xlated(p)
            if kind == 'raw_tp':
                res[name] = [prog_run.test_run(p, bytes.fromhex(CTX), b'', c)
                             for c in (0, 1)]
            else:
                res[name] = [prog_run.test_run(p, b'', bytes.fromhex(PACKET),
                                               None)]
        return res, text
    finally:
        subprocess.run(['rm', '-rf', pin])


def check_one(src, cfg, a):
    out = []
    res = check_build(src, cfg, a, out)
    return out, res


def check_build(src, cfg, a, out):
    name = os.path.basename(src)[:-2]
    text = open(src).read()
    kind = 'raw_tp' if 'SEC("raw_tp")' in text else 'skb'
    helper8 = not any(s in text for s in KEEPS_HELPER8)
    base = os.path.join(a.out, '%s%s' % (name, cfg.replace(' ', '')))
    inc = '-I%s/include -I%s/test/include -I/usr/include/%s-linux-gnu' % (
        a.src, a.src, os.uname().machine)
    cc = '%s/clang --target=bpf %s %s' % (a.llvm_bin, inc, cfg)
    plug = '%s -fplugin=%s/plugin/libnocsr.so -mllvm -verify-machineinstrs' % (
        cc, a.build)
    problems = []
    for cmd in ('%s -g -c %s -o %s.o' % (plug, src, base),
                '%s -c %s -o %s.nog.o' % (plug, src, base),
                '%s -g -c %s -o %s.plain.o' % (cc, src, base)):
        r = sh(cmd)
        if r.returncode:
            out.append('%s %s: compile failed: %s' % (name, cfg, r.stderr))
            return 0, 0, 1
    dis = sh('%s -dr --no-show-raw-insn %s.o' % (OBJDUMP, base)).stdout
    nog = sh('%s -dr --no-show-raw-insn %s.nog.o' % (OBJDUMP, base)).stdout
    if dis.splitlines()[2:] != nog.splitlines()[2:]:
        problems.append('-g changes the code')
    report, bad = check_pairs.check(dis.splitlines(), FASTCALLS)
    problems += [l for l in report if l.startswith('BAD')]
    sites = [l for l in report if not l.startswith('BAD')]
    pairs = sum(int(l.split(': ')[-1].split()[0]) for l in sites)
    line = '%s %s: sites=%d pairs=%d' % (name, cfg, len(sites), pairs)
    if a.load:
        try:
            got, xl = run_all(base + '.o', kind)
            want, plain = run_all(base + '.plain.o', kind)
        except RuntimeError as e:
            out.append('%s %s: load failed: %s' % (name, cfg, e))
            return len(sites), pairs, 1
        left = sum(xlated_leftovers(t, helper8) for t in xl.values())
        n = sum(len(t.splitlines()) for t in xl.values())
        m = sum(len(t.splitlines()) for t in plain.values())
        line += ' left=%d xlated=%d plain=%d' % (left, n, m)
        if left:
            problems.append('%d pairs left in xlated' % left)
        if got != want:
            problems.append('test run %s, plain %s' % (got, want))
        if a.mirror:
            bad = [o for o in (base + '.o', base + '.plain.o')
                   if subprocess.run([a.nocsr or '%s/bin/nocsr' % a.build, 'kernel', o],
                                     capture_output=True).returncode]
            line += ' kernel=%d/2' % (2 - len(bad))
            problems += ['nocsr kernel: %s differs' % os.path.basename(o)
                         for o in bad]
    out.append(line + ('' if not problems else ' PROBLEM: ' +
                       '; '.join(problems)))
    return len(sites), pairs, len(problems)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--src', required=True)
    ap.add_argument('--build', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--load', action='store_true')
    ap.add_argument('--mirror', action='store_true')
    ap.add_argument('--configs', help='comma-separated subset of CONFIGS')
    ap.add_argument('--llvm-bin', default='/usr/lib/llvm-19/bin',
                    help='where the clang under test is')
    ap.add_argument('--nocsr', help='the nocsr CLI (default BUILD/bin/nocsr)')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    files = sorted(glob.glob(os.path.join(a.src, 'test/corpus/plugin/*.c')))
    configs = a.configs.split(',') if a.configs else CONFIGS
    jobs = [(f, cfg) for f in files for cfg in configs]
    sites = pairs = problems = matched = 0
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() * 2) as ex:
        for out, (s, p, b) in ex.map(lambda j: check_one(j[0], j[1], a), jobs):
            print('\n'.join(out))
            matched += sum(int(m) for m in re.findall(r' kernel=(\d)/2', ''.join(out)))
            sites, pairs, problems = sites + s, pairs + p, problems + b
    print('corpus: %d files x %d configs: %d sites, %d pairs, %d problems'
          % (len(files), len(configs), sites, pairs, problems))
    if a.mirror:
        print('corpus kernel: %d objects, %d match' % (2 * len(jobs), matched))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
