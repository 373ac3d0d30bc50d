#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Turn bench/run.sh's raw measurements into results.md and results.svg.

  report.py --raw RAW --objdir DIR --src SRCDIR --md OUT.md --svg OUT.svg

RAW holds one measurement per line (see bench/run.sh); DIR the objects,
their llvm-objdump listings and the kernel's xlated dumps, where emitted
and remaining spill/fill pairs are counted.  Every figure in the output is
computed here from those files; the targets are the ones of the issue.
"""
import argparse
import math
import os
import platform
import re
import statistics
import subprocess

BUILDS = ('plain', 'plugin', 'clang22')
LABEL = {'plain': 'clang-19', 'plugin': 'clang-19 + nocsr',
         'clang22': 'clang-22 native', 'clang22nofc': 'clang-22, no fastcall'}
COLOUR = {'plain': '#9e9e9e', 'plugin': '#1f77b4', 'clang22': '#e6550d'}
FASTCALL_KFUNCS = ('bpf_cast_to_kern_ctx', 'bpf_rdonly_cast')
TARGET_RUN = 0.85
TARGET_COMPILE = 1.03
TARGET_MIRROR = 20.0
TARGET_1M_NS = 1e9

SPILL = re.compile(r'^\*\(u64 \*\)\(r10 ?([-+] ?(?:0x)?[0-9a-f]+)\) = (r\d)$')
FILL = re.compile(r'^(r\d) = \*\(u64 \*\)\(r10 ?([-+] ?(?:0x)?[0-9a-f]+)\)$')


# ---------------------------------------------------------------- pairs

def listing(path):
    """Instruction texts of an objdump -dr or bpftool xlated dump; a
    relocation line is appended to the instruction before it."""
    insns = []
    with open(path) as f:
        for line in f:
            if re.match(r'\s+[0-9a-f]{16}:\s', line):    # objdump -r line
                if 'R_BPF' in line and insns:
                    insns[-1] += ' @' + line.split()[-1]
                continue
            m = re.match(r'\s*\d+:\s+(?:\([0-9a-f]{2}\) )?(.*)$', line)
            if m:
                insns.append(m.group(1).strip())
    return insns


def pairs_around(insns, start, end):
    """Spill/fill pairs bracketing insns[start:end], same register."""
    n = 0
    while start - n - 1 >= 0 and end + n < len(insns):
        s = SPILL.match(insns[start - n - 1])
        f = FILL.match(insns[end + n])
        if not s or not f or s.group(2) != f.group(1):
            break
        n += 1
    return n


def sites_objdump(insns):
    """Calls to bpf_get_smp_processor_id and to the fastcall kfuncs."""
    for i, t in enumerate(insns):
        if t == 'call 0x8' or any(t == 'call -0x1 @' + k for k in FASTCALL_KFUNCS):
            yield i, i + 1


def sites_xlated(insns):
    """Where the kernel left a fastcall callee: the x86_64 inline of the
    cpu id (3 insns), a call kept by name, a kfunc turned into r0 = r1."""
    for i, t in enumerate(insns):
        if t.startswith('call bpf_get_smp_processor_id') or t == 'r0 = r1':
            yield i, i + 1
        elif re.match(r'[rw]0 = -?\d+$', t) and i + 2 < len(insns) and \
                insns[i + 2] == 'r0 = *(u32 *)(r0 +0)':
            yield i, i + 3


def count_pairs(path, sites):
    insns = listing(path)
    return sum(pairs_around(insns, a, b) for a, b in sites(insns))


# ---------------------------------------------------------------- input

def load_raw(path):
    d = {'code': {}, 'run': {}, 'compile': {}, 'speed': {}, 'synthetic': [],
         'config': {}, 'clang22': None, 'commands': None, 'corpus': 0,
         'corpus_kind': 'all'}
    with open(path) as f:
        for line in f:
            w = line.split()
            if not w:
                continue
            k = w[0]
            if k == 'clang22':
                d['clang22'] = None if w[1] == 'none' else ' '.join(w[1:])
            elif k == 'config':
                d['config'] = dict(zip(w[1::2], (int(x) for x in w[2::2])))
            elif k == 'code':
                d['code'][(w[1], w[2])] = (int(w[3]), int(w[4]))
            elif k == 'run':
                d['run'].setdefault((w[1], w[2]), []).append(int(w[4]))
            elif k == 'corpus':
                d['corpus'] = int(w[1])
                d['corpus_kind'] = w[2] if len(w) > 2 else 'all'
            elif k == 'compile':    # user, sys, wall seconds
                d['compile'].setdefault(w[1], []).append(
                    (float(w[2]) + float(w[3]), float(w[4])))
            elif k == 'speed':
                d['speed'][w[1]] = (int(w[2]), int(w[3]))
            elif k == 'compile_empty':
                d.setdefault('compile_empty', {})[w[1]] = int(w[2])
            elif k == 'synthetic_base':
                d['synthetic_base'] = int(w[1])
            elif k == 'commands':
                d['commands'] = (int(w[1]), int(w[2]))
            elif k == 'synthetic':
                # shape, n, process cpu ns, peak KB, time -v cpu s, kernel
                # load ns and in-process mirror ns (None when not loaded)
                d['synthetic'].append((w[1], int(w[2]), int(w[3]), int(w[4]),
                                       float(w[5]), None if w[7] == '-' else int(w[7]),
                                       None if w[6] == '-' else int(w[6])))
    return d


def stresses(src, name):
    """The 'Stresses:' sentence and the group of a benchmark program."""
    with open(os.path.join(src, 'bench', 'progs', name + '.bpf.c')) as f:
        text = f.read()
    m = re.search(r'Stresses:(.*?)\*/', text, re.S)
    s = ' '.join(m.group(1).replace('*', ' ').split()) if m else '?'
    group = 'pressure' if re.search(r'^\s*\*?\s*Group: register pressure', text, re.M) \
        else ''
    return s.replace(' Group: register pressure.', ''), group


def first_line(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True).stdout
        return out.splitlines()[0].strip()
    except (OSError, IndexError):
        return 'not available'


def machine():
    model = first_line(['sh', '-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"])
    mem = first_line(['sh', '-c', "awk '/MemTotal/ { printf \"%.0f GiB\", $2 / 1048576 }' "
                      "/proc/meminfo"])
    return '%s, %s, %d cpus, %s' % (platform.machine(), model, os.cpu_count(), mem)


def med(xs):
    return statistics.median(xs) if xs else float('nan')


def spread(xs):
    """Median and the half-width of the interquartile range, in % of it."""
    if len(xs) < 2:
        return med(xs), 0.0
    q = statistics.quantiles(xs, n=4)
    m = med(xs)
    return m, 100.0 * (q[2] - q[0]) / 2 / m if m else 0.0


def fmt_ms(ns):
    return '%.1f ms' % (ns / 1e6)


def fmt_us(ns):
    return '%.0f µs' % (ns / 1e3) if ns < 1e7 else '%.1f ms' % (ns / 1e6)


# ---------------------------------------------------------------- report

class Report:
    def __init__(self, args):
        self.a = args
        self.d = load_raw(args.raw)
        self.builds = [b for b in BUILDS if b != 'clang22' or self.d['clang22']]
        self.names = sorted({n for (b, n) in self.d['code'] if b == 'plain'})
        self.md = []

    def out(self, *lines):
        self.md.extend(lines)

    def section(self, n):
        with open(os.path.join(self.a.objdir, 'plain', n + '.objdump')) as f:
            secs = re.findall(r'^Disassembly of section (\S+):', f.read(), re.M)
        secs = [x for x in secs if x != '.text'] or secs
        return secs[0] if secs else '?'

    def has_kfunc(self, n):
        path = os.path.join(self.a.objdir, 'plugin', n + '.objdump')
        return any('@bpf_' in t for t in listing(path))

    def pairs(self, b, n):
        base = os.path.join(self.a.objdir, b, n)
        emitted = count_pairs(base + '.objdump', sites_objdump)
        kept = count_pairs(base + '.xlated', sites_xlated)
        return emitted, kept

    def header(self):
        c = self.d['config']
        self.out('# nocsr benchmark results', '',
                 'Written by `make bench` (bench/run.sh, bench/report.py); every '
                 'figure below is computed from that run.', '',
                 '- machine: %s' % machine(),
                 '- kernel: Linux %s (programs loaded and run there; xlated dumps '
                 'by %s)' % (platform.release(), first_line(['bpftool', 'version'])),
                 '- clang-19: %s' % first_line(['clang-19', '--version']),
                 '- clang-22: %s' % (self.d['clang22'] or
                                     'not installed: build (c) is left out'),
                 '- run time: BPF_PROG_TEST_RUN, repeat %d per measurement, %d '
                 'rounds, every round runs all programs of all builds in turn; '
                 'pinned to cpu %d' % (c.get('repeat', 0), c.get('rounds', 0),
                                        c.get('cpu', 0)),
                 '- compile time: %d rounds over %d files; mirror vs kernel: '
                 'median of %d iterations per object' % (
                     c.get('rounds', 0), self.d['corpus'], c.get('iters', 0)),
                 '- noise: figures are medians; ± is half the interquartile range '
                 'over rounds, in %%. Load average when the run started: '
                 '%s.' % self.a.loadavg, '')
        self.out('Builds: (a) **%s** without the plugin (`__bpf_fastcall` expands '
                 'to nothing), (b) **%s** (`-fplugin=build/plugin/libnocsr.so`), '
                 '(c) **%s** (its own `bpf_fastcall`).' % (
                     LABEL['plain'], LABEL['plugin'], LABEL['clang22']), '')

    def programs(self):
        self.out('## Programs', '',
                 '| program | what it stresses |', '|---|---|')
        for n in self.names:
            s, g = stresses(self.a.src, n)
            self.out('| %s%s | %s |' % (n, ' ‡' if g else '', s))
        self.out('', '‡ register-pressure group (the run-time target applies to '
                 'these).', '')

    def code(self):
        code, b = self.d['code'], self.builds
        self.out('## 1. Code after the kernel\'s rewrite', '',
                 'xlated instructions and stack depth (bytes, all subprograms) as '
                 'the running kernel reports them, and the share of the spill/fill '
                 'pairs in the object that the kernel removed.', '')
        head = '| program | ' + ' | '.join(LABEL[x] for x in b) + \
            ' | pairs removed (b) |' + (' pairs removed (c) |' if 'clang22' in b else '')
        if ('clang22nofc', self.names[0]) in code:
            head += ' clang-22, no fastcall |'
        self.out(head, '|---' * (head.count('|') - 1) + '|')
        tot = {x: [0, 0] for x in b[1:]}
        self.worse = {'clang22': [], 'plain': []}
        for n in self.names:
            cells = ['%d / %d' % code.get((x, n), (0, 0)) for x in b]
            for x in b[1:]:
                e, k = self.pairs(x, n)
                tot[x][0] += e
                tot[x][1] += e - k
                cells.append('%d/%d' % (e - k, e) if e else '–')
            if ('clang22nofc', n) in code:
                cells.append('%d' % code[('clang22nofc', n)][0])
            self.out('| %s | %s |' % (n, ' | '.join(cells)))
            p = code.get(('plugin', n), (0, 0))[0]
            for x in ('plain', 'clang22'):
                if (x, n) in code and p > code[(x, n)][0]:
                    self.worse[x].append((n, p - code[(x, n)][0]))
        self.out('', 'Cells: instructions / stack bytes. Pairs: removed/emitted '
                 '(– where the build emitted none).', '')
        self.pair_tot = tot
        ok = []
        e, r = tot['plugin']
        ok.append('- **100%% of the plugin\'s pairs removed**: %s (%d of %d).' % (
            'met' if e == r else 'missed by %d pairs' % (e - r), r, e))
        if 'clang22' in b:
            e2, r2 = tot['clang22']
            ok.append('  clang-22 native: %d of %d removed (%.0f%%).' % (
                r2, e2, 100.0 * r2 / e2 if e2 else 0))
        ok.append(self.code_target('plain'))
        if 'clang22' in b:
            ok.append(self.code_target('clang22'))
        self.out('Targets:', '', *ok)
        self.out('')

    def code_target(self, x):
        code = self.d['code']
        worse = self.worse[x]
        what = 'plain clang-19' if x == 'plain' else 'clang-22 native'
        if not worse:
            return '- **plugin ≤ %s in xlated instructions on every program**: met.' % what
        lines = ['- **plugin ≤ %s on every program**: missed on %d of %d: %s.' % (
            what, len(worse), len(self.names),
            ', '.join('%s (+%d)' % w for w in worse))]
        if x == 'clang22':
            lines.append('  Why, per program: clang-22 built without any fastcall '
                         'marking (last column) against clang-19 shows what LLVM 22\'s '
                         'general code generation gains; plain → marked shows what '
                         'fastcall gains with each compiler:')
            for n, d in worse:
                if ('clang22nofc', n) not in code:
                    continue
                p19, q19 = code[('plain', n)][0], code[('plugin', n)][0]
                p22, q22 = code[('clang22nofc', n)][0], code[('clang22', n)][0]
                e, k = self.pairs('plugin', n)
                cg, fc = p19 - p22, (p22 - q22) - (p19 - q19)
                why = ('LLVM 22 codegen' if cg >= d else
                       'clang-19\'s register allocator' if cg <= 0 else
                       'LLVM 22 codegen (%d) and clang-19\'s register allocator (%d)'
                       % (cg, fc))
                lines.append('  - %s (+%d): codegen %d → %d without fastcall; fastcall '
                             'saves %d with the plugin (%s), %d with clang-22 → %s.' % (
                                 n, d, p19, p22, p19 - q19,
                                 'kernel removed %d of %d pairs' % (e - k, e) if e
                                 else 'no pair emitted', p22 - q22, why))
            lines.append('  "clang-19\'s register allocator": the plugin frees r1-r5 '
                         'across the call, but LLVM 19\'s greedy allocator still puts '
                         'most long-lived values in r6-r9 and stack slots where '
                         'LLVM 22 uses r1-r5.')
        else:
            for n, d in worse:
                e, k = self.pairs('plugin', n)
                lines.append('  - %s (+%d): the kernel removed %d of the plugin\'s '
                             '%d pairs, so the extra instructions are ordinary '
                             'moves and stack accesses: with r1-r5 freed across the '
                             'call, clang-19\'s register allocator chose a slightly '
                             'longer assignment (listings in the bench work '
                             'directory, BUILD/bench/{plain,plugin}).' % (
                                 n, d, e - k, e))
        return '\n'.join(lines)

    def run(self):
        runs, b = self.d['run'], self.builds
        self.out('## 2. Run time', '',
                 'BPF_PROG_TEST_RUN ns per run (the kernel\'s mean over the repeat '
                 'count, whole ns), median over rounds ± half the IQR; ratio of '
                 'medians to (a).', '')
        head = '| program | ' + ' | '.join(LABEL[x] for x in b) + ' |'
        self.out(head, '|---' * (len(b) + 1) + '|')
        self.ratios = {}
        for n in self.names:
            m0 = med(runs.get(('plain', n), []))
            cells = []
            for x in b:
                m, s = spread(runs.get((x, n), []))
                r = m / m0 if m0 else float('nan')
                self.ratios[(x, n)] = (r, runs.get((x, n), []), m0)
                cells.append('%.0f ±%.0f%%' % (m, s) + ('' if x == 'plain' else
                                                        ' (×%.2f)' % r))
            self.out('| %s | %s |' % (n, ' | '.join(cells)))
        press = [n for n in self.names if stresses(self.a.src, n)[1]]
        miss = [(n, self.ratios[('plugin', n)][0]) for n in press
                if not self.ratios[('plugin', n)][0] <= TARGET_RUN]
        self.out('', 'Target: **plugin/plain ≤ %.2f on the register-pressure programs** '
                 '(%s): %s' % (TARGET_RUN, ', '.join(press), 'met.' if not miss else
                               'missed on %d of %d: %s.' % (
                                   len(miss), len(press),
                                   ', '.join('%s ×%.3f (by %.3f)' % (n, r, r - TARGET_RUN)
                                             for n, r in miss))))
        if miss:
            self.run_why(miss)
        self.out('')

    def run_why(self, miss):
        code = self.d['code']
        floors = {}
        for n in self.names:
            sec = self.section(n)
            floors[sec] = min(floors.get(sec, 1e18), self.ratios[('plain', n)][2])
        self.out('', 'Why, per program (xlated instructions / stack bytes from '
                 'section 1; the fastest program of a type shows the fixed cost of '
                 'a test run: %s):' % ', '.join('%s %.0f ns' % kv
                                                for kv in sorted(floors.items())), '')
        for n, r in miss:
            (pi, ps), (qi, qs) = code[('plain', n)], code[('plugin', n)]
            m0 = self.ratios[('plugin', n)][2]
            c22 = code.get(('clang22', n))
            line = '- %s: clang-19 %d / %d, plugin %d / %d%s; %.0f → %.0f ns. ' % (
                n, pi, ps, qi, qs, ', clang-22 %d / %d' % c22 if c22 else '',
                m0, m0 * r)
            if qi >= pi and c22 and c22[0] < pi:
                line += ('The plugin build is no shorter: clang-19\'s register '
                         'allocator, although told that r1-r5 survive the call, '
                         'keeps most of the values live across it in r6-r9 and on '
                         'the stack, while clang-22 keeps them in r1-r5. The '
                         'plugin\'s pre-RA step frees the registers; the '
                         'allocator\'s choice is LLVM 19\'s.')
            elif m0 < 2 * floors[self.section(n)]:
                line += ('The program body is a small part of a run: %d fewer '
                         'instructions, a store and a load per removed pair that hit '
                         'the L1 cache, cannot take %.0f%% off a run that is mostly '
                         'the test-run loop; at this size the kernel\'s whole-ns '
                         'figure also moves by ±1 ns (±%.0f%%).' % (
                             pi - qi, 100 * (1 - TARGET_RUN), 100.0 / m0))
            else:
                line += ('%d fewer instructions in the program text; the rest of '
                         'the run is the program\'s own arithmetic, which fastcall '
                         'does not change, while the pairs it saves are L1 stores '
                         'and loads.' % (pi - qi))
            self.out(line)

    def compile(self):
        ct = self.d['compile']
        cpu = {b: [c for c, _ in ct.get(b, [])] for b in ('plain', 'plugin')}
        wall = {b: [w for _, w in ct.get(b, [])] for b in ('plain', 'plugin')}
        (p0, s0), (p1, s1) = spread(cpu['plain']), spread(cpu['plugin'])
        w0, w1 = med(wall['plain']), med(wall['plugin'])
        r = p1 / p0 if p0 else float('nan')
        self.compile_ratio = r
        self.out('## 3. Compile time', '',
                 'clang-19 `-O2 -g -c` over %s (%d files), one clang process per '
                 'file; per round the cpu time (user + sys) of all of them, and the '
                 'wall time:' % ('the whole corpus: bench/progs and test/corpus/plugin'
                                 if self.d['corpus_kind'] == 'all' else
                                 'the benchmark programs only (BENCH_CORPUS=progs)',
                                 self.d['corpus']), '',
                 '| build | cpu per round (median) | spread | wall per round (median) |',
                 '|---|---|---|---|',
                 '| clang-19 | %.2f s | ±%.1f%% | %.2f s |' % (p0, s0, w0),
                 '| clang-19 + nocsr | %.2f s | ±%.1f%% | %.2f s |' % (p1, s1, w1), '',
                 'Ratio of cpu-time medians: **%.3f** (target ≤ %.2f: %s); wall '
                 'time: %.3f.' % (r, TARGET_COMPILE, 'met' if r <= TARGET_COMPILE else
                                   'missed by %.3f' % (r - TARGET_COMPILE),
                                   w1 / w0 if w0 else float('nan')))
        ce = self.d.get('compile_empty', {})
        if ce.get('plain') and ce.get('plugin') and ce['plugin'] <= ce['plain']:
            self.out('', 'An empty file: %s cpu without the plugin, %s with it: '
                     'loading the plugin costs less than the noise of this run.' % (
                         fmt_us(ce['plain']), fmt_us(ce['plugin'])))
        elif ce.get('plain') and ce.get('plugin'):
            per = p0 / max(self.d['corpus'], 1)
            self.out('', 'An empty file: %s cpu without the plugin, %s with it: '
                     'loading the plugin costs %s per clang process, %.1f%% of the '
                     'corpus\'s average %.0f ms per file.' % (
                         fmt_us(ce['plain']), fmt_us(ce['plugin']),
                         fmt_us(ce['plugin'] - ce['plain']),
                         100.0 * (ce['plugin'] - ce['plain']) / 1e9 / per if per else 0,
                         per * 1e3))
        if r > TARGET_COMPILE:
            self.out('', 'Why the target is missed: the files are small (10-60 '
                     'lines), so the fixed cost of loading the plugin into each '
                     'clang process weighs more than on real programs; the '
                     'spread of this run is ±%.1f%%, of the order of the miss.' %
                     max(s0, s1))
        self.out('')

    def mirror(self):
        sp = self.d['speed']
        self.out('## 4. Mirror speed', '',
                 '`nocsr xlated` work (open the object, find patterns, walk, rewrite, '
                 'format every line; the mirror library in-process) against libbpf '
                 'opening and loading the same object into the kernel '
                 '(bpf_object__open + bpf_object__load), thread cpu time (user + '
                 'kernel, so the verifier and JIT count), each in a loop of its own '
                 'after one untimed run, median of %d each:' %
                 self.d['config'].get('iters', 0), '',
                 '| program (plugin build) | mirror | kernel load | kernel / mirror |',
                 '|---|---|---|---|')
        ratios, kf = [], []
        for n in self.names:
            if n not in sp:
                continue
            m, k = sp[n]
            kfunc = self.has_kfunc(n)
            (kf if kfunc else ratios).append((n, k / m))
            self.out('| %s%s | %s | %s | %.1f× |' % (n, ' †' if kfunc else '',
                                                    fmt_us(m), fmt_us(k), k / m))
        g = math.exp(statistics.mean(math.log(x) for _, x in ratios)) if ratios else 0
        self.mirror_ratio = g
        low = [(n, x) for n, x in ratios if x < TARGET_MIRROR]
        self.out('', '† calls kfuncs: libbpf parses the running kernel\'s vmlinux BTF '
                 'on every load of such an object, the mirror library once per '
                 'process, so these ratios flatter the mirror and are left out of '
                 'the mean.', '',
                 'Geometric mean over the %d programs without kfuncs: **%.1f×** '
                 '(target ≥ %.0f×: %s).' % (
                     len(ratios), g, TARGET_MIRROR,
                     'met on every program' if not low else
                     'missed on %d of %d: %s' % (len(low), len(ratios), ', '.join(
                         '%s %.1f× (%.1f× short)' % (n, x, TARGET_MIRROR - x)
                         for n, x in low))))
        if self.d['commands']:
            m, k = self.d['commands']
            self.out('', 'As commands, one process per object over all %d objects '
                     '(wall time, process start included): `nocsr xlated` %s, '
                     '`bpftool prog load` %s (%.1f×).' % (
                         len(ratios) + len(kf), fmt_ms(m), fmt_ms(k), k / m))
        if low:
            self.out('', 'Why: for a program of 10-70 instructions the kernel\'s load '
                     'is mostly fixed cost (program and BTF objects, map creation, '
                     'JIT), a few hundred µs; the mirror\'s fixed cost (libelf and '
                     'libbpf parsing the ELF, BTF and BTF.ext, then bpftool-style '
                     'formatting of every line) is of the same order as its analysis, '
                     'tens of µs up. The gap grows with the program: see the '
                     'synthetic programs below, where the verifier\'s walk dominates.')
        self.out('')
        self.synthetic()

    def synthetic(self):
        syn = self.d['synthetic']
        if not syn:
            return
        base = self.d.get('synthetic_base', 0)
        self.out('### Synthetic programs', '',
                 'bench/gen_synthetic.py: `straight` repeats a 12-instruction block '
                 '(two values live across the cpu-id call, a branch that rejoins); '
                 '`loops` puts each call in a counted loop whose bound differs from '
                 'loop to loop. Mirror: cpu time (user + sys) of a fresh `nocsr '
                 'xlated` process, median of 5 (3 from 100k, 1 at 1M); per insn: '
                 'after subtracting the same for a 16-instruction program (%s, '
                 'process start). Peak memory: `/usr/bin/time -v`. Kernel load: '
                 'libbpf load against the mirror in-process, thread cpu time, as '
                 'for the programs above.' % fmt_us(base), '',
                 '| shape | input insns | `nocsr xlated` cpu | per insn | peak RSS | '
                 'RSS per insn | kernel load |',
                 '|---|---|---|---|---|---|---|')
        for shape, n, ns, kb, _, kl, mi in syn:
            self.out('| %s | %d | %s | %.2f µs | %.1f MB | %.0f B | %s |' % (
                shape, n, fmt_us(ns), max(ns - base, 0) / n / 1e3, kb / 1024.0,
                kb * 1024.0 / n, '%s (%.1f× the mirror in-process, %s)' % (
                    fmt_us(kl), kl / mi, fmt_us(mi)) if kl else '–'))
        self.out('')
        for shape in sorted({s[0] for s in syn}):
            pts = sorted((n, max(ns - base, 1), kb) for s, n, ns, kb, *_ in syn
                         if s == shape and n >= 10000)
            if len(pts) < 2:
                continue
            te = (math.log(pts[-1][1]) - math.log(pts[0][1])) / \
                (math.log(pts[-1][0]) - math.log(pts[0][0]))
            me = (math.log(pts[-1][2]) - math.log(pts[0][2])) / \
                (math.log(pts[-1][0]) - math.log(pts[0][0]))
            verdict = 'linear' if te < 1.1 and me < 1.1 else 'above linear'
            if verdict != 'linear' and shape == 'loops':
                verdict += (': n log n by construction. Each loop\'s bound is '
                            'reached by widening in up to 4·log2(d) steps, d the '
                            'number of other bounds below it, which grows with the '
                            'program here (docs/design.md)')
            self.out('- %s: from %d to %d instructions, cpu time grows as n^%.2f and '
                     'peak memory as n^%.2f (1.00 is linear): %s.' % (
                         shape, pts[0][0], pts[-1][0], te, me, verdict))
        big = [(s, ns) for s, n, ns, *_ in syn if n == 1000000]
        if big:
            self.out('- Target: **a 1M-instruction program in well under a second** '
                     '(cpu of `nocsr xlated`): %s.' % ', '.join(
                         '%s %.2f s (%s)' % (s, ns / 1e9, 'met' if ns < TARGET_1M_NS
                                             else 'missed') for s, ns in big))
            if any(ns >= TARGET_1M_NS for s, ns in big):
                self.out('  Why (profiles, not figures of this run): in `loops` the '
                         'walk visits each loop once per iteration while its budget '
                         'of partitions lasts (131072 instructions, the kernel walks '
                         'every iteration too), then each remaining loop body 16 '
                         'times before a growing bound is widened, and up to '
                         '4·log2(d) more to reach its own bound (fewer visits change '
                         'the bounds it finds, which decide the dead code the kernel '
                         'removes): about 15 block visits per instruction at 1M, a '
                         'program the kernel itself refuses (loops of up to 111k '
                         'iterations). In `straight` the cost is spread over the '
                         'walk, the pattern search and formatting every line.')
        kl = [(n, ns, k) for s, n, ns, _, _, k, _ in syn if k]
        skipped = sorted({n for s, n, _, _, _, k, _ in syn if s == 'straight' and not k})
        if kl:
            kl.sort()
            grow = ''
            if len(kl) > 1:
                ke = (math.log(kl[-1][2]) - math.log(kl[0][2])) / \
                    (math.log(kl[-1][0]) - math.log(kl[0][0]))
                grow = ': time grows as n^%.2f' % ke
            self.out('- Kernel loads of `straight`: %s%s%s.' % (
                         ', '.join('%d insns %s' % (n, fmt_us(k)) for n, _, k in kl),
                         grow,
                         '; %s not loaded (BENCH_KERNEL_MAX; 1M is beyond the '
                         'verifier\'s 1M-instruction budget)' % ', '.join(
                             str(n) for n in skipped) if skipped else ''))
        self.out('- The `loops` shape found a hot spot: the walk widened loop '
                 'bounds one compared constant at a time with a linear search, '
                 'cubic in the number of loops (30k instructions took 35 s); the '
                 'fix (binary search, exponential steps) is in '
                 'kernel-mirror/contract.c and docs/design.md.', '')

    def write(self):
        self.header()
        self.programs()
        self.code()
        self.run()
        self.compile()
        self.mirror()
        with open(self.a.md, 'w') as f:
            f.write('\n'.join(self.md).rstrip('\n') + '\n')
        Svg(self).write(self.a.svg)


# ---------------------------------------------------------------- chart

class Svg:
    """Three panels: code size and run time per program relative to plain
    clang-19 (1.0 = same), and the mirror's time per instruction by size."""

    W, LEFT, BAR, GAP = 980, 170, 9, 8

    def __init__(self, rep):
        self.r = rep
        self.o = []

    def text(self, x, y, s, size=12, anchor='start', weight='normal', fill='#222'):
        s = s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
        self.o.append('<text x="%.1f" y="%.1f" font-size="%d" text-anchor="%s" '
                      'font-weight="%s" fill="%s">%s</text>' % (
                          x, y, size, anchor, weight, fill, s))

    def line(self, x1, y1, x2, y2, colour='#444', dash='', width=1):
        self.o.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" '
                      'stroke-width="%s"%s/>' % (x1, y1, x2, y2, colour, width,
                                                  ' stroke-dasharray="%s"' % dash
                                                  if dash else ''))

    def rect(self, x, y, w, h, fill):
        self.o.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" '
                      'fill="%s"/>' % (x, y, max(w, 0.5), h, fill))

    def bars(self, x0, y, title, values, lo, hi, ref, ref_label, width):
        """values: name -> {build: (ratio, whisker_lo, whisker_hi, label)}."""
        r = self.r
        builds = [b for b in r.builds if b != 'plain']
        scale = width / (hi - lo)
        px = lambda v: x0 + (min(max(v, lo), hi) - lo) * scale
        self.text(x0 - self.LEFT + 10, y, title, 14, weight='bold')
        y += 14
        top = y
        rows = len(r.names) * (len(builds) * self.BAR + self.GAP)
        for t in [lo + (hi - lo) * i / 4 for i in range(5)]:
            self.line(px(t), top, px(t), top + rows, '#ddd')
            self.text(px(t), top + rows + 13, '%.2f' % t, 10, 'middle', fill='#666')
        for n in r.names:
            self.text(x0 - 6, y + self.BAR * len(builds) / 2 + 4, n, 11, 'end')
            for b in builds:
                v = values.get(n, {}).get(b)
                if v:
                    ratio, wlo, whi, lab = v
                    self.rect(px(lo), y, px(ratio) - px(lo), self.BAR - 1, COLOUR[b])
                    if wlo is not None:
                        self.line(px(wlo), y + self.BAR / 2, px(whi), y + self.BAR / 2,
                                  '#000')
                    right = max(ratio, whi if whi is not None else ratio)
                    self.text(px(right) + 4 if right < hi else px(hi) - 4,
                              y + self.BAR - 1, lab, 9,
                              'start' if right < hi else 'end', fill='#333')
                y += self.BAR
            y += self.GAP
        self.line(px(1.0), top - 4, px(1.0), top + rows, '#000', width=1.5)
        if ref is not None:
            self.line(px(ref), top - 4, px(ref), top + rows, '#c00', '5,3', 1.5)
            self.text(px(ref), top - 6, ref_label, 10, 'middle', fill='#c00')
        return top + rows + 44

    def scaling(self, x0, y, width, height):
        base = self.r.d.get('synthetic_base', 0)
        syn = [(sh, n, max(ns - base, 1), kb, c, k)
               for sh, n, ns, kb, c, k, _ in self.r.d['synthetic']]
        if not syn:
            return y
        self.text(x0 - self.LEFT + 10, y, '4. cpu time per input instruction vs '
                  'program size (flat = linear; process start subtracted)', 14,
                  weight='bold')
        y += 14
        xs = [n for _, n, *_ in syn]
        ys = [ns / n for _, n, ns, *_ in syn] + \
            [k / n for _, n, _, _, _, k in syn if k]
        lx0, lx1 = math.log10(min(xs)) - 0.2, math.log10(max(xs)) + 0.2
        ly0, ly1 = math.log10(min(ys)) - 0.3, math.log10(max(ys)) + 0.3
        px = lambda n: x0 + (math.log10(n) - lx0) / (lx1 - lx0) * width
        py = lambda v: y + height - (math.log10(v) - ly0) / (ly1 - ly0) * height
        self.line(x0, y + height, x0 + width, y + height)
        self.line(x0, y, x0, y + height)
        for e in range(math.ceil(lx0), math.floor(lx1) + 1):
            self.text(px(10 ** e), y + height + 14, '%s insns' % (
                {3: '1k', 4: '10k', 5: '100k', 6: '1M'}.get(e, '1e%d' % e)), 10,
                'middle', fill='#666')
        for e in range(math.ceil(ly0), math.floor(ly1) + 1):
            self.line(x0, py(10 ** e), x0 + width, py(10 ** e), '#eee')
            self.text(x0 - 4, py(10 ** e) + 3, '%g ns' % (10 ** e), 10, 'end',
                      fill='#666')
        series = [('mirror, straight', '#1f77b4', [(n, ns / n) for s, n, ns, *_ in syn
                                                    if s == 'straight']),
                  ('mirror, loops', '#2ca02c', [(n, ns / n) for s, n, ns, *_ in syn
                                                 if s == 'loops']),
                  ('kernel load, straight (in-process)', '#e6550d',
                   [(n, k / n) for s, n, _, _, _, k in syn if k])]
        ly = y + 4
        for label, col, pts in series:
            pts = sorted(pts)
            if not pts:
                continue
            self.o.append('<polyline fill="none" stroke="%s" stroke-width="2" '
                          'points="%s"/>' % (col, ' '.join(
                              '%.1f,%.1f' % (px(n), py(v)) for n, v in pts)))
            for n, v in pts:
                self.o.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (
                    px(n), py(v), col))
            self.rect(x0 + width + 20, ly, 12, 10, col)
            self.text(x0 + width + 36, ly + 9, label, 11)
            ly += 16
        return y + height + 30

    def write(self, path):
        r = self.r
        x0, width = self.LEFT, self.W - self.LEFT - 220
        y = 26
        self.text(10, y, 'nocsr: what bpf_fastcall buys on Linux %s' %
                  platform.release(), 17, weight='bold')
        y += 20
        lx = 10
        for b in r.builds:
            self.rect(lx, y - 9, 12, 10, COLOUR[b])
            self.text(lx + 16, y, LABEL[b], 11)
            lx += 30 + 7 * len(LABEL[b])
        self.text(lx + 10, y, 'bars: ratio to clang-19 without the plugin = black '
                  'line (left of it = better); whiskers: min-max over rounds',
                  11, fill='#555')
        y += 30
        code = {}
        for n in r.names:
            p = r.d['code'].get(('plain', n), (0, 0))[0]
            code[n] = {b: (r.d['code'][(b, n)][0] / p, None, None,
                           '%d (clang-19: %d)' % (r.d['code'][(b, n)][0], p))
                       for b in r.builds if b != 'plain' and (b, n) in r.d['code'] and p}
        y = self.bars(x0, y, '1. xlated instructions after the kernel\'s rewrite',
                      code, 0.0, 2.0, None, '', width)
        run = {}
        for n in r.names:
            run[n] = {}
            for b in r.builds[1:]:
                ratio, xs, m0 = r.ratios.get((b, n), (float('nan'), [], 0))
                if xs and m0 and not math.isnan(ratio):
                    run[n][b] = (ratio, min(xs) / m0, max(xs) / m0,
                                 '×%.2f' % ratio)
        y = self.bars(x0, y, '2. run time (BPF_PROG_TEST_RUN ns/run, median)', run,
                      0.0, 2.0, TARGET_RUN, 'target %.2f' % TARGET_RUN, width)
        self.text(10, y, '3. compile time, clang-19 + nocsr / clang-19: ×%.3f '
                  '(target ≤ %.2f)' % (r.compile_ratio, TARGET_COMPILE), 14,
                  weight='bold')
        y += 22
        self.text(10, y, '    mirror vs kernel load: %.1f× faster (geometric mean '
                  'without kfunc objects; target ≥ %.0f×)' % (r.mirror_ratio,
                                                             TARGET_MIRROR),
                  14, weight='bold')
        y += 40
        y = self.scaling(x0, y, width, 200)
        head = ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
                'viewBox="0 0 %d %d" font-family="DejaVu Sans, Arial, sans-serif">'
                '<rect width="100%%" height="100%%" fill="#fff"/>' % (
                    self.W, y, self.W, y))
        with open(path, 'w') as f:
            f.write('\n'.join([head] + self.o + ['</svg>']) + '\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for a in ('raw', 'objdir', 'src', 'md', 'svg'):
        ap.add_argument('--' + a, required=True)
    ap.add_argument('--loadavg', default=first_line(['cat', '/proc/loadavg']))
    Report(ap.parse_args()).write()


if __name__ == '__main__':
    main()
