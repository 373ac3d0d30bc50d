#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Both halves of the fastcall contract, end to end (make conformance).

usage: conformance.py [--src SRC] [--build BUILD] [-n N] [--seed S] [-j J]
                      [--md FILE] [--corpus DIR] [--corpus-configs all|one]
                      [--only REGEX] [--no-corpus] [--quiet] [--keep]

For the corpus (test/corpus/*/*.c) and N programs of tools/gen_progs.py
(half C, half naked asm, deterministic by --seed), per program:
compile (clang-19 with the plugin, -g, the program's -O level and -mcpu),
then
  sites, pairs    fastcall sites and matched pairs (`nocsr check`, host
                  arch, the kernel profile `nocsr kernel` picks)
  removed         pairs the running kernel removed, read from its xlated
                  code: pairs still bracketing a fastcall site there
  mirror==kernel  `nocsr kernel`: the mirror's listing is the kernel's
  differential    `nocsr-run --host`: compiled program with old-kernel
                  clobbering == mirror's rewrite with new-kernel clobbering
                  == BPF_PROG_TEST_RUN (raw_tp, syscall, tc, socket;
                  pinned to one cpu)
A row passes when every column holds: mirror == kernel, the three runs
agree, every pair removed unless a rule keeps it.  Who decides "unless":
a corpus file's `// expect: removed=N` line; else, for C, every pair the
plugin emitted (its -Rpass=nocsr remarks) matches the kernel's pattern and
no site keeps pairs by the stack contract or a jump into the pattern;
else (generated asm) the mirror's prediction, which mirror == kernel
already compares.  A corpus file may name its configurations in a
`// cflags: A, B` line (naked asm builds at -O2 only).
DIR/xfail.txt (DIR = --corpus, default test/corpus) names corpus programs with a known, not yet fixed
disagreement and a regular expression: a row of such a program whose
every problem matches it is reported as XFAIL (with the problem), any
other problem still fails it.
Prints the table, then "N passed, N failed[, N xfail]"; writes the table
as Markdown to --md.  Exit 0 when nothing failed, 1 otherwise, 2 on bad
usage or a broken build.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_progs  # noqa: E402

# Corpus configurations: every -O level, every -mcpu.
CORPUS_CONFIGS = ['-O2', '-O0', '-O1 -mcpu=v2', '-O3 -mcpu=v3', '-Os -mcpu=v4',
                  '-Oz -mcpu=v1']
# Rules by which a kernel may keep pairs the plugin emitted; a rejected
# pair shows as fewer matched pairs than emitted ones.
COMPILER_OWNED = ('stack_contract', 'jump_into_pattern')
EMITTED = re.compile(r'remark: fastcall [^:]*: (\d+) pairs?:')
SPILL = re.compile(r'^\(7b\) \*\(u64 \*\)\(r10 (-\d+)\) = (r\d)$')
FILL = re.compile(r'^\(79\) (r\d) = \*\(u64 \*\)\(r10 (-\d+)\)$')
# Calls of fastcall callees as xlated prints them on x86_64: the inlined
# bpf_get_smp_processor_id ends with the per-CPU load, the kfuncs become
# r0 = r1; elsewhere the call stays.
SITE_END = ('(61) r0 = *(u32 *)(r0 +0)', '(bf) r0 = r1')
SITE_CALL = re.compile(r'^\(85\) call (bpf_get_smp_processor_id|'
                       r'bpf_cast_to_kern_ctx|bpf_rdonly_cast)')


class Job:
    def __init__(self, name, src, cflags, expect=None, xfail=None):
        self.name, self.src, self.cflags = name, src, cflags
        self.expect, self.xfail = expect, xfail


def sh(argv, **kw):
    return subprocess.run(argv, capture_output=True, text=True, **kw)


def pairs_left(listing):
    """Spill/fill brackets still around fastcall sites in an xlated listing."""
    left = 0
    for i, text in enumerate(listing):
        if text in SITE_END[:1] and i >= 2:
            lo, hi = i - 2, i
        elif text in SITE_END[1:] or SITE_CALL.match(text):
            lo, hi = i, i
        else:
            continue
        for k in range(1, 7):
            if lo - k < 0 or hi + k >= len(listing):
                break
            s, f = SPILL.match(listing[lo - k]), FILL.match(listing[hi + k])
            if not s or not f or (s.group(2), s.group(1)) != f.groups():
                break
            left += 1
    return left


def kernel_leg(obj, row):
    r = sh([row['nocsr'], 'kernel', obj, '--json'])
    try:
        doc = json.loads(r.stdout)
    except ValueError:
        doc = None
    if r.returncode == 2 or not doc:
        why = (r.stderr.strip().splitlines() or ['no output'])[-1]
        row['problems'].append('load: ' + why)
        return None
    mirror = [x['mirror'] for p in doc['programs'] for x in p['rows'] if x['mirror']]
    kern = [x['kernel'] for p in doc['programs'] for x in p['rows'] if x['kernel']]
    row['mirror_kernel'] = 'yes' if doc['match'] else 'NO'
    if not doc['match']:
        bad = [p for p in doc['programs'] if not p['match']]
        at = bad[0]['first_mismatch'] if bad else None
        rows = bad[0]['rows'] if bad else []
        hit = [x for x in rows if x['idx'] == at]
        what = ('insn %s: %s | %s' % (at, hit[0]['mirror'], hit[0]['kernel'])
                if hit else 'stack %s | %s' % (bad[0]['stack_mirror'],
                                               bad[0]['stack_kernel'])
                if bad else '')
        row['problems'].append('mirror != kernel at ' + what)
    row['left_mirror'], row['left_kernel'] = pairs_left(mirror), pairs_left(kern)
    return doc['kernel']


def check_leg(obj, profile, row):
    r = sh([row['nocsr'], 'check', obj, '--arch', 'x86_64', '--kernel', profile,
            '--json'])
    try:
        doc = json.loads(r.stdout)
    except ValueError:
        row['problems'].append('nocsr check: ' + r.stderr.strip())
        return
    sites = [s for p in doc['programs'] for s in p['sites']]
    row['sites'] = len(sites)
    row['pairs'] = sum(s['pairs'] for s in sites)
    removed = sum(s['removed'] for s in sites)
    # The kernel's count, read from its listing: the mirror's removals
    # corrected by the brackets the kernel left beyond the mirror's.
    row['removed'] = removed + row['left_mirror'] - row['left_kernel']
    job = row['job']
    if job.expect is not None:
        if row['removed'] != job.expect:
            row['problems'].append('kernel removed %d pairs, expected %d'
                                   % (row['removed'], job.expect))
    elif job.name.startswith('gen_asm'):
        return
    else:
        matched = matched_in_object(doc)
        if matched != row['emitted']:
            row['problems'].append('plugin emitted %d pairs, %d match the '
                                   'kernel pattern' % (row['emitted'], matched))
        for s in sites:
            if s['reason'] in COMPILER_OWNED:
                row['problems'].append('insn %d: %s keeps pairs: %s' % (
                    s['insn'], s['callee'], s['why'] or s['reason']))


def matched_in_object(doc):
    """Matched pairs per function of the object, as the plugin counts them.
    Each program carries its own copy of a shared subprogram: its sites
    count once (by source line, callee and pairs, as often as one program
    has them).  An entry function (subprogram 0) is never shared."""
    total, shared = 0, {}
    for p in doc['programs']:
        per = {}
        for s in p['sites']:
            if s['subprog'] == 0:
                total += s['pairs']
                continue
            key = (s['line'], s['callee'], s['pairs'])
            per[key] = per.get(key, 0) + 1
        for key, n in per.items():
            shared[key] = max(shared.get(key, 0), n)
    return total + sum(key[2] * n for key, n in shared.items())


def run_leg(obj, profile, row):
    r = sh([row['nocsr_run'], obj, '--arch', 'x86_64', '--kernel', profile,
            '--host', '--cpu', str(row['cpu']), '--json'])
    try:
        progs = json.loads(r.stdout)
    except ValueError:
        row['diff'] = 'error'
        row['problems'].append('nocsr-run: ' + (r.stderr.strip() or 'no output'))
        return
    host = {p['host']['status'] for p in progs}
    verdicts = {p['verdict'] for p in progs}
    if verdicts == {'same'}:
        row['diff'] = 'same+host' if host == {'same'} else 'same (vm)'
        return
    row['diff'] = 'DIFFERENT'
    for p in progs:
        if p['verdict'] != 'same':
            why = p['host']['why'] or p['error'] or 'compiled and rewritten differ'
            row['problems'].append('%s: %s' % (p['program'], why))


def run_job(job, a, work, cpu):
    row = {'job': job, 'problems': [], 'sites': '', 'pairs': '', 'removed': '',
           'mirror_kernel': '', 'diff': '', 'cpu': cpu,
           'nocsr': os.path.join(a.build, 'bin', 'nocsr'),
           'nocsr_run': os.path.join(a.build, 'bin', 'nocsr-run')}
    obj = os.path.join(work, re.sub(r'[^\w.-]', '_', job.name) + '.o')
    src = job.src
    if not os.path.exists(src):
        src = obj[:-2] + '.c'
        with open(src, 'w') as f:
            f.write(job.text)
    inc = ['-I%s/include' % a.src, '-I%s/test/include' % a.src,
           '-I/usr/include/%s-linux-gnu' % os.uname().machine]
    r = sh(['clang-19', '--target=bpf', '-g', '-Rpass=nocsr', '-fplugin=%s/plugin/libnocsr.so'
            % a.build] + inc + job.cflags.split() + ['-c', src, '-o', obj])
    if r.returncode:
        row['problems'].append('compile: ' + (r.stderr.strip().splitlines()
                                              or ['failed'])[0])
    else:
        row['emitted'] = sum(int(n) for n in EMITTED.findall(r.stderr))
        profile = kernel_leg(obj, row)
        if profile:
            check_leg(obj, profile, row)
            run_leg(obj, profile, row)
    for f in (obj, obj[:-2] + '.c'):
        if f != job.src and os.path.exists(f) and not a.keep:
            os.unlink(f)
    return row


def verdict(row):
    x, probs = row['job'].xfail, row['problems']
    if not probs and x:
        # a stale entry would hide the next regression of that program
        probs.append('passes: remove its line from xfail.txt')
        return 'FAIL'
    if not probs:
        return 'pass'
    if x and all(x.search(p) for p in probs):
        return 'XFAIL'
    return 'FAIL'


def host_cpus():
    """nr_cpu_ids of this machine, as the kernel bounds the cpu id with it."""
    with open('/sys/devices/system/cpu/possible') as f:
        return max(int(r.split('-')[-1]) for r in f.read().strip().split(',')) + 1


def read_xfail(src):
    """{program: compiled regex every problem of its rows must match}.
    A line 'PROGRAM cpus=N REGEX' holds only on a machine with N cpus: the
    disagreement hangs on the cpu id's bound; elsewhere its rows are judged
    as any other."""
    xfail, known = {}, set()
    path = os.path.join(src, 'xfail.txt')
    for line in open(path) if os.path.exists(path) else []:
        line = line.strip()
        if line and not line.startswith('#'):
            name, _, pattern = line.partition(' ')
            known.add(name)
            m = re.match(r'cpus=(\d+) (.*)', pattern.strip())
            if m:
                if int(m.group(1)) != host_cpus():
                    continue
                pattern = m.group(2)
            xfail[name] = re.compile(pattern.strip())
    return xfail, known


def corpus_jobs(a):
    xfail, known = read_xfail(a.corpus)
    jobs = []
    files = sorted(glob.glob(os.path.join(a.corpus, '*', '*.c')))
    for n, f in enumerate(files):
        text = open(f).read()
        name = os.path.relpath(f, a.corpus)[:-2]
        m = re.search(r'^// cflags: (.*)$', text, re.M)
        if m:
            configs = [c.strip() for c in m.group(1).split(',')]
        elif name.startswith('asm/'):
            configs = ['-O2']  # naked asm: the same code at every level
        else:
            configs = CORPUS_CONFIGS
        if a.corpus_configs == 'one':
            configs = [configs[n % len(configs)]]
        m = re.search(r'^// expect: removed=(\d+)$', text, re.M)
        expect = int(m.group(1)) if m else None
        for c in configs:
            full = '%s %s' % (name, c)
            jobs.append(Job(full, f, c, expect, xfail.get(name)))
    unknown = known - {j.name.split(' ')[0] for j in jobs}
    if unknown:
        sys.exit('conformance: xfail.txt names unknown programs: %s'
                 % ' '.join(sorted(unknown)))
    return jobs


def generated_jobs(a):
    jobs = []
    for i in range(a.n):
        kind = 'c' if i % 2 == 0 else 'asm'
        text, cflags = gen_progs.generate(kind, a.seed, i // 2)
        j = Job('gen_%s_%d_%d %s' % (kind, a.seed, i // 2, cflags), '', cflags)
        j.text = text
        jobs.append(j)
    return jobs


def table(rows):
    head = ['program', 'flags', 'sites', 'pairs', 'removed by kernel',
            'mirror == kernel', 'differential', 'result']
    body = []
    for r in rows:
        name, _, flags = r['job'].name.partition(' ')
        why = '; '.join(r['problems'])
        res = verdict(r) + (': ' + why if why else '')
        body.append([name, flags, str(r['sites']), str(r['pairs']),
                     str(r['removed']), r['mirror_kernel'], r['diff'], res])
    return head, body


def column_totals(rows):
    """Share of rows for which each column holds."""
    def pct(ok):
        return '%d/%d' % (sum(1 for r in rows if ok(r)), len(rows))
    return {
        'removed as expected': pct(lambda r: not any(
            p.startswith(('kernel removed', 'insn', 'plugin emitted')) for p in r['problems'])
            and r['removed'] != ''),
        'mirror == kernel': pct(lambda r: r['mirror_kernel'] == 'yes'),
        'differential same': pct(lambda r: r['diff'].startswith('same')),
        'host test run': pct(lambda r: r['diff'] == 'same+host'),
    }


def write_md(path, head, body, totals, summary):
    esc = [[c.replace('|', '\\|') for c in line] for line in body]
    with open(path, 'w') as f:
        f.write('# Conformance\n\n| %s |\n|%s\n' % (' | '.join(head), ' --- |' * len(head)))
        for line in esc:
            f.write('| %s |\n' % ' | '.join(line))
        f.write('\n%s\n\n%s\n' % ('\n'.join('- %s: %s' % kv for kv in totals.items()),
                                  summary))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--src', default=os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    ap.add_argument('--build', default='build')
    ap.add_argument('-n', type=int, default=0, help='generated programs')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('-j', type=int, default=os.cpu_count())
    ap.add_argument('--md', help='Markdown table (default BUILD/conformance.md)')
    ap.add_argument('--corpus-configs', choices=('all', 'one'), default='all',
                    help='corpus C files at every configuration or one each')
    ap.add_argument('--corpus', help='corpus directory (default SRC/test/corpus)')
    ap.add_argument('--no-corpus', action='store_true')
    ap.add_argument('--only', metavar='REGEX',
                    help='corpus programs whose name matches REGEX')
    ap.add_argument('--quiet', action='store_true',
                    help='print only failing rows and the summary')
    ap.add_argument('--keep', action='store_true', help='keep objects')
    a = ap.parse_args()
    a.build = os.path.abspath(a.build)
    a.corpus = a.corpus or os.path.join(a.src, 'test', 'corpus')
    for tool in ('bin/nocsr', 'bin/nocsr-run', 'plugin/libnocsr.so'):
        if not os.path.exists(os.path.join(a.build, tool)):
            print('conformance: %s/%s missing: build first' % (a.build, tool),
                  file=sys.stderr)
            return 2
    jobs = [] if a.no_corpus else corpus_jobs(a)
    if a.only:
        jobs = [j for j in jobs if re.search(a.only, j.name)]
    jobs += generated_jobs(a)
    start = time.time()
    ncpu = os.cpu_count()
    with tempfile.TemporaryDirectory(prefix='nocsr-conf-') as work:
        if a.keep:
            work = os.path.join(a.build, 'conformance')
            os.makedirs(work, exist_ok=True)
        # SIGTERM/SIGINT end the run early with a table of what finished.
        stop = []
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.append(1))
        with concurrent.futures.ThreadPoolExecutor(a.j) as ex:
            futs = [ex.submit(run_job, j, a, work, i % ncpu)
                    for i, j in enumerate(jobs)]
            rows = []
            for f in futs:
                while not stop and not f.done():
                    concurrent.futures.wait([f], timeout=1)
                if stop:
                    ex.shutdown(cancel_futures=True)
                    print('conformance: stopped after %d of %d programs'
                          % (len(rows), len(jobs)), flush=True)
                    break
                rows.append(f.result())
                if not a.quiet or verdict(rows[-1]) == 'FAIL':
                    print_row(rows[-1])
    took = time.time() - start
    head, body = table(rows)
    totals = column_totals(rows)
    count = {v: sum(1 for r in rows if verdict(r) == v)
             for v in ('pass', 'FAIL', 'XFAIL')}
    summary = '%d passed, %d failed' % (count['pass'], count['FAIL'])
    if count['XFAIL']:
        summary += ', %d xfail' % count['XFAIL']
    md = a.md or os.path.join(a.build, 'conformance.md')
    write_md(md, head, body, totals, summary)
    for k, v in totals.items():
        print('%s: %s' % (k, v))
    print('%d programs in %.0f s (%.2f programs/s, -j%d); table: %s'
          % (len(rows), took, len(rows) / max(took, 1e-9), a.j, md))
    print(summary)
    return 1 if count['FAIL'] else 0


def print_row(r):
    name = r['job'].name
    why = '; '.join(r['problems'])
    print('%-44s sites=%-3s pairs=%-3s removed=%-3s mirror==kernel=%-3s diff=%-9s %s%s'
          % (name, r['sites'], r['pairs'], r['removed'], r['mirror_kernel'],
             r['diff'], verdict(r), ': ' + why if why else ''), flush=True)


if __name__ == '__main__':
    sys.exit(main())
