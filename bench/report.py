#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Turn bench/run.sh's raw measurements into results.md and results.svg."""
import argparse
import glob
import os
import platform
import re
import statistics
import subprocess

SPILL = re.compile(r'\*\(u64 \*\)\(r10 ?([-+] ?(?:0x)?[0-9a-f]+)\) = (r\d)')
FILL = re.compile(r'(r\d) = \*\(u64 \*\)\(r10 ?([-+] ?(?:0x)?[0-9a-f]+)\)')


def insn_text(line):
    """The instruction part of an objdump or bpftool line, or None."""
    m = re.match(r'\s*\d+:\s+(?:\([0-9a-f]{2}\) )?(.*)$', line)
    return m.group(1).strip() if m else None


def listing(path):
    with open(path) as f:
        return [t for t in (insn_text(l) for l in f) if t is not None]


def pairs_around(insns, start, end):
    """Spill/fill pairs bracketing insns[start:end] (mirror-ordered, same reg)."""
    n = 0
    while start - n - 1 >= 0 and end + n < len(insns):
        s = SPILL.search(insns[start - n - 1])
        f = FILL.search(insns[end + n])
        if not s or not f or s.group(2) != f.group(1):
            break
        n += 1
    return n


def fastcall_sites_objdump(insns):
    """Call sites of helper 8 and of the cast kfuncs in an objdump listing."""
    for i, t in enumerate(insns):
        if t == 'call 0x8' or (t.startswith('call -0x1') and i + 1 < len(insns)):
            yield i, i + 1


def fastcall_sites_xlated(insns):
    """Where the kernel put the inlined fastcall callee in an xlated dump."""
    for i, t in enumerate(insns):
        if t.startswith('call bpf_get_smp_processor_id'):
            yield i, i + 1
        elif re.match(r'[rw]0 = -?\d+$', t) and i + 2 < len(insns) and \
                insns[i + 2] == 'r0 = *(u32 *)(r0 +0)':
            yield i, i + 3


def count_pairs(path, sites):
    insns = listing(path)
    return sum(pairs_around(insns, a, b) for a, b in sites(insns))


def med_spread(xs):
    xs = sorted(xs)
    return statistics.median(xs), (xs[0], xs[-1])


def load_raw(path):
    code, runs, compile_t, mirror = {}, {}, {}, {}
    with open(path) as f:
        for line in f:
            w = line.split()
            if w[0] == 'compile':
                compile_t.setdefault(w[1], []).append(int(w[2]))
            elif w[0] == 'code':
                code[(w[1], w[2])] = (int(w[3]), int(w[4]), int(w[5]))
            elif w[0] == 'run':
                runs.setdefault((w[1], w[2]), []).append(float(w[6]))
            elif w[0] == 'mirror':
                mirror[w[1]] = int(w[2])
    return code, runs, compile_t, mirror


def tool_version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        return 'not installed'


def svg_chart(rows, builds, path):
    """Grouped bars: xlated instructions per program and build."""
    colours = {'plain': '#999999', 'plugin': '#2b7bba', 'clang22': '#d95f02'}
    w, bar, gap, h = 900, 14, 12, 22
    top = max(v for r in rows for v in r[1].values()) or 1
    height = 60 + len(rows) * (len(builds) * bar + gap)
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="11">' % (w, height),
           '<text x="10" y="18" font-size="14">xlated instructions after the '
           'kernel\'s rewrite (shorter is better)</text>']
    for i, b in enumerate(builds):
        out.append('<rect x="%d" y="28" width="10" height="10" fill="%s"/>'
                   '<text x="%d" y="37">%s</text>' % (10 + i * 110, colours[b],
                                                    24 + i * 110, b))
    y = 50
    for name, vals in rows:
        out.append('<text x="10" y="%d">%s</text>' % (y + bar + 2, name))
        for b in builds:
            v = vals.get(b, 0)
            out.append('<rect x="200" y="%d" width="%.1f" height="%d" fill="%s"/>'
                       '<text x="%.1f" y="%d">%d</text>' % (
                           y, 650.0 * v / top, bar - 2, colours[b],
                           205 + 650.0 * v / top, y + bar - 4, v))
            y += bar
        y += gap
    out.append('</svg>')
    with open(path, 'w') as f:
        f.write('\n'.join(out) + '\n')


def main():
    ap = argparse.ArgumentParser()
    for a in ('raw', 'objdir', 'md', 'svg', 'clang22'):
        ap.add_argument('--' + a, required=True)
    ap.add_argument('--repeat', type=int, required=True)
    ap.add_argument('--rounds', type=int, required=True)
    args = ap.parse_args()

    code, runs, compile_t, mirror = load_raw(args.raw)
    builds = ['plain', 'plugin'] + (['clang22'] if args.clang22 == 'yes' else [])
    names = sorted({n for (_, n) in code})
    md = ['# nocsr benchmark results', '',
          '- machine: %s, %d cores; kernel %s' % (platform.machine(), os.cpu_count(),
                                                   platform.release()),
          '- clang-19: %s' % tool_version(['clang-19', '--version']),
          '- clang-22: %s' % (tool_version(['clang-22', '--version'])
                              if args.clang22 == 'yes' else
                              'not installed: column (c) left out'),
          '- BPF_PROG_TEST_RUN: repeat %d, %d rounds, builds interleaved, pinned '
          'to cpu 0; figures are medians with [min, max] over rounds' % (
              args.repeat, args.rounds), '',
          '## 1. Code after the kernel\'s rewrite', '',
          '| program | ' + ' | '.join('%s insns | %s stack' % (b, b) for b in builds) +
          ' | plugin pairs removed | ' +
          ('clang22 pairs removed |' if 'clang22' in builds else ''),
          '|---' * (1 + 2 * len(builds) + len(builds) - 1) + '|']
    chart = []
    for n in names:
        cells, vals = [], {}
        for b in builds:
            insns, stack, _ = code.get((b, n), (0, 0, 0))
            vals[b] = insns
            cells += [str(insns), str(stack)]
        for b in builds[1:]:
            base = os.path.join(args.objdir, b, n + '.bpf')
            emitted = count_pairs(base + '.objdump', fastcall_sites_objdump)
            kept = count_pairs(base + '.xlated', fastcall_sites_xlated)
            cells.append('%d/%d (%s)' % (emitted - kept, emitted,
                                         '%.0f%%' % (100.0 * (emitted - kept) / emitted)
                                         if emitted else 'none emitted'))
        md.append('| %s | %s |' % (n, ' | '.join(cells)))
        chart.append((n, vals))
    md += ['', '## 2. Run time (ns/run, ratio to plain)', '',
           '| program | ' + ' | '.join(builds) + ' |', '|---' * (1 + len(builds)) + '|']
    for n in names:
        base, _ = med_spread(runs.get(('plain', n), [0]))
        cells = []
        for b in builds:
            m, (lo, hi) = med_spread(runs.get((b, n), [0]))
            cells.append('%.1f [%.1f, %.1f] (x%.2f)' % (m, lo, hi, m / base if base else 0))
        md.append('| %s | %s |' % (n, ' | '.join(cells)))
    plain_c, _ = med_spread(compile_t['plain'])
    plug_c, (lo, hi) = med_spread(compile_t['plugin'])
    md += ['', '## 3. Compile time', '',
           'Whole benchmark set, %d rounds: plain %.1f ms, plugin %.1f ms '
           '[%.1f, %.1f]; ratio of medians %.3f (target <= 1.03).' % (
               args.rounds, plain_c / 1e6, plug_c / 1e6, lo / 1e6, hi / 1e6,
               plug_c / plain_c), '',
           '## 4. Mirror speed', '',
           '| program | nocsr xlated (us) | kernel load (us) | ratio |', '|---|---|---|---|']
    for n in names:
        k = code.get(('plugin', n), (0, 0, 0))[2]
        m = mirror.get(n, 0)
        md.append('| %s | %.0f | %.0f | %.1fx |' % (n, m / 1e3, k / 1e3, k / m if m else 0))
    md.append('')
    with open(args.md, 'w') as f:
        f.write('\n'.join(md))
    svg_chart(chart, builds, args.svg)


if __name__ == '__main__':
    main()
