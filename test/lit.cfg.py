# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# lit configuration for every nocsr suite (plugin, mirror, e2e, corpus).
import os
import shutil
import subprocess
import tempfile

import lit.formats

config.name = 'nocsr'
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = ['.c', '.ll', '.mir', '.test', '.s']
config.excludes = ['Inputs', 'include', 'corpus', 'bad', 'fuzz', 'lit.cfg.py']
config.test_source_root = os.path.dirname(__file__)

src = os.path.dirname(config.test_source_root)
build = os.path.abspath(lit_config.params.get('build', os.path.join(src, 'build')))
config.test_exec_root = os.path.join(build, 'test')
# --param llvm=14 runs the plugin suite with clang/llc 14 and a plugin built
# against them (--param plugin_build=DIR, default BUILD/llvm-14).  Readers
# of the objects (llvm-objdump, FileCheck, llvm-dwarfdump) and the C tools
# stay those of LLVM 19 and BUILD, so every version is held to the same text.
llvm = int(lit_config.params.get('llvm', '19'))
tools_bin = '/usr/lib/llvm-19/bin'
llvm_bin = lit_config.params.get('llvm_bin', '/usr/lib/llvm-%d/bin' % llvm)
plugin_build = os.path.abspath(lit_config.params.get(
    'plugin_build', build if llvm == 19 else os.path.join(build, 'llvm-%d' % llvm)))
clang = os.path.join(llvm_bin, 'clang')
plugin = os.path.join(plugin_build, 'plugin', 'libnocsr.so')
if llvm != 19 and not os.path.exists(plugin):
    lit_config.fatal('no plugin at %s: build it first' % plugin)
nocsr = os.path.join(build, 'bin', 'nocsr')
multiarch = '/usr/include/x86_64-linux-gnu'
for cand in ('/usr/include/x86_64-linux-gnu', '/usr/include/aarch64-linux-gnu',
             '/usr/include/riscv64-linux-gnu'):
    if os.path.isdir(cand):
        multiarch = cand
        break

config.environment['PATH'] = os.pathsep.join(
    [os.path.join(build, 'bin'), tools_bin, config.environment.get('PATH', '')])
config.environment['NOCSR_SRC'] = src
config.environment['NOCSR_BUILD'] = build

incs = '-I%s -I%s -I%s' % (os.path.join(src, 'include'),
                           os.path.join(src, 'test', 'include'), multiarch)
cc19 = '%s --target=bpf %s' % (clang, incs)
llc = os.path.join(llvm_bin, 'llc')
if llvm < 15:
    llc += ' -opaque-pointers'  # the .ll tests are written with `ptr`
config.substitutions += [
    ('%bpfcc', '%s -fplugin=%s' % (cc19, plugin)),
    ('%cc19', cc19),
    ('%llc_plugin', '%s -load %s' % (llc, plugin)),
    ('%llc', llc),
    ('%plugin_build', plugin_build),
    ('%plugin', plugin),
    ('%llvm_bin', llvm_bin),
    ('%nocsr', nocsr),
    ('%objdump', '%s -d --no-show-raw-insn' % os.path.join(tools_bin, 'llvm-objdump')),
    ('%src', src),
    ('%build', build),
]


def kernel_loads_bpf():
    """True when this process may load a trivial socket filter program."""
    if lit_config.params.get('no_bpf_load'):
        return False
    bpftool = shutil.which('bpftool') or '/usr/sbin/bpftool'
    if not os.path.exists(bpftool) or not os.path.isdir('/sys/fs/bpf'):
        return False
    with tempfile.TemporaryDirectory() as d:
        c, o = os.path.join(d, 'p.c'), os.path.join(d, 'p.o')
        with open(c, 'w') as f:
            f.write('__attribute__((section("socket"), used)) int p(void *c)'
                    ' { return 0; }\nchar l[] __attribute__((section("license"),'
                    ' used)) = "GPL";\n')
        if subprocess.call([clang, '--target=bpf', '-O2', '-c', c, '-o', o],
                           stderr=subprocess.DEVNULL) != 0:
            return False
        pin = '/sys/fs/bpf/nocsr_lit_probe_%d' % os.getpid()
        ok = subprocess.call([bpftool, 'prog', 'load', o, pin],
                             stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL) == 0
        if ok:
            os.unlink(pin)
        return ok


if kernel_loads_bpf():
    config.available_features.add('bpf-load')
else:
    lit_config.note('kernel does not let us load BPF: bpf-load tests skipped')
# make check-asan: sanitizers slow the tools down several times, so a
# time limit that proves linear running time is scaled, never dropped.
sanitized = False
try:
    with open(os.path.join(build, 'CMakeCache.txt')) as f:
        sanitized = 'NOCSR_SANITIZE:BOOL=ON' in f.read()
except OSError:
    pass
if sanitized:
    config.available_features.add('sanitized')
config.substitutions.append(('%{time_limit}', '120' if sanitized else '20'))
if os.access(os.path.join(build, 'fuzz', 'bin', 'fuzz_elf'), os.X_OK):
    config.available_features.add('fuzzers')
for tool, feature in (('clang-22', 'clang-22'), ('clang-14', 'clang-14')):
    if shutil.which(tool):
        config.available_features.add(feature)
# What the clang under test can do, for REQUIRES and %if: -mcpu=v4 (18+),
# [[clang::x]] in every C mode (17+), plugin attributes in __has_attribute
# (17+).  %cpu_newest is its newest -mcpu.
config.available_features.add('llvm-%d' % llvm)
if llvm >= 17:
    config.available_features.update(['c-std-attrs', 'plugin-has-attribute'])
if llvm >= 18:
    config.available_features.add('bpf-cpu-v4')
config.substitutions.append(('%cpu_newest', 'v4' if llvm >= 18 else 'v3'))
