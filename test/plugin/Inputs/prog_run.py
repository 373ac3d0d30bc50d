#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Load a BPF object, print each program's xlated code and test-run result.

usage: prog_run.py OBJ [--ctx HEX] [--data HEX] [--cpu N] [--no-xlated]

bpftool loads the object into a private bpffs directory (removed again on
exit), dumps each program's xlated code and the BPF_PROG_TEST_RUN result
comes from the bpf() syscall directly, because bpftool's `prog run` cannot
run raw_tp programs.  Output, per program in name order:
    PROG <name>
    <xlated lines>
    RETVAL <n>
"""
import argparse
import ctypes
import os
import shutil
import struct
import subprocess
import sys
import tempfile

BPF_OBJ_GET = 7
BPF_PROG_TEST_RUN = 10
BPF_F_TEST_RUN_ON_CPU = 1
SYS_bpf = {'x86_64': 321, 'aarch64': 280, 'riscv64': 280}[os.uname().machine]

libc = ctypes.CDLL(None, use_errno=True)


def bpf(cmd, attr):
    buf = ctypes.create_string_buffer(attr, 128)
    ret = libc.syscall(SYS_bpf, cmd, buf, 128)
    if ret < 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))
    return ret, buf.raw


def test_run(pin, ctx, data, cpu):
    path = ctypes.create_string_buffer(pin.encode())
    fd, _ = bpf(BPF_OBJ_GET, struct.pack('QII', ctypes.addressof(path), 0, 0))
    try:
        cbuf = ctypes.create_string_buffer(ctx, max(len(ctx), 1))
        dbuf = ctypes.create_string_buffer(data, max(len(data), 1))
        out = ctypes.create_string_buffer(max(len(data), 1) + 256)
        flags = BPF_F_TEST_RUN_ON_CPU if cpu is not None and not data else 0
        attr = struct.pack('IIIIQQIIIIQQIII', fd, 0, len(data),
                           len(out) if data else 0,
                           ctypes.addressof(dbuf) if data else 0,
                           ctypes.addressof(out) if data else 0,
                           1 if data else 0, 0, len(ctx), 0,
                           ctypes.addressof(cbuf) if ctx else 0, 0,
                           flags, cpu or 0, 0)
        _, res = bpf(BPF_PROG_TEST_RUN, attr)
        return struct.unpack_from('I', res, 4)[0]
    finally:
        os.close(fd)


BPFTOOL = shutil.which('bpftool') or '/usr/sbin/bpftool'


def load(obj):
    """Pin every program of obj in a fresh bpffs directory; returns it."""
    pin = tempfile.mkdtemp(prefix='nocsr_', dir='/sys/fs/bpf')
    os.rmdir(pin)
    r = subprocess.run([BPFTOOL, 'prog', 'loadall', obj, pin],
                       capture_output=True, text=True)
    if r.returncode:
        shutil.rmtree(pin, ignore_errors=True)
        raise RuntimeError(r.stderr)
    return pin


def xlated(pin):
    return subprocess.run([BPFTOOL, 'prog', 'dump', 'xlated', 'pinned', pin],
                          capture_output=True, text=True, check=True).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('obj')
    ap.add_argument('--ctx', default='')
    ap.add_argument('--data', default='')
    ap.add_argument('--cpu', type=int)
    ap.add_argument('--no-xlated', action='store_true')
    a = ap.parse_args()
    try:
        pin = load(a.obj)
    except RuntimeError as e:
        sys.stderr.write(str(e))
        return 1
    try:
        for name in sorted(os.listdir(pin)):
            print('PROG', name)
            if not a.no_xlated:
                sys.stdout.write(xlated(os.path.join(pin, name)))
            print('RETVAL', test_run(os.path.join(pin, name),
                                     bytes.fromhex(a.ctx),
                                     bytes.fromhex(a.data), a.cpu))
    finally:
        shutil.rmtree(pin, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
