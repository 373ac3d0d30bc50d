#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Regenerate the malformed-input catalog under test/bad/.

Each case is one small corruption of test/bad/base.o (built from base.c) or a
hand-made file.  The catalog and its MANIFEST are checked in; run this only
when adding cases:  tools/gen_bad.py [clang-19]
MANIFEST lines: FILE<TAB>EXTRA ARGS<TAB>text the one-line error must contain.
"""
import os
import struct
import subprocess
import sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'bad')
EHDR = struct.Struct('<16sHHIQQQIHHHHHH')
SHDR = struct.Struct('<IIQQQQIIQQ')
SYM = struct.Struct('<IBBHQQ')
REL = struct.Struct('<QQ')


class Elf:
    def __init__(self, data):
        self.b = bytearray(data)
        h = EHDR.unpack_from(self.b, 0)
        self.shoff, self.shnum, self.shstrndx = h[6], h[12], h[13]
        self.sh = [list(SHDR.unpack_from(self.b, self.shoff + i * 64))
                   for i in range(self.shnum)]
        strtab = self.sh[self.shstrndx]
        self.names = [self.cstr(strtab[4] + s[0]) for s in self.sh]

    def cstr(self, off):
        end = self.b.index(0, off)
        return self.b[off:end].decode()

    def idx(self, name):
        return self.names.index(name)

    def shdr_off(self, i):
        return self.shoff + i * 64

    def set_shdr(self, i, field, value):
        self.sh[i][field] = value
        SHDR.pack_into(self.b, self.shdr_off(i), *self.sh[i])

    def sec_off(self, name):
        return self.sh[self.idx(name)][4]

    def insn_off(self, sec, n):
        return self.sec_off(sec) + 8 * n

    def set_insn(self, sec, n, code=None, regs=None, off=None, imm=None):
        o = self.insn_off(sec, n)
        if code is not None:
            self.b[o] = code
        if regs is not None:
            self.b[o + 1] = regs
        if off is not None:
            struct.pack_into('<h', self.b, o + 2, off)
        if imm is not None:
            struct.pack_into('<i', self.b, o + 4, imm)

    def rel(self, sec, n):
        s = self.sh[self.idx(sec)]
        return s[4] + n * 16

    def sym_off(self, n):
        return self.sh[self.idx('.symtab')][4] + n * 24

    def sym_named(self, name):
        st = self.sh[self.idx('.symtab')]
        strtab = self.sh[st[6]]
        for n in range(st[5] // 24):
            s = SYM.unpack_from(self.b, self.sym_off(n))
            if self.cstr(strtab[4] + s[0]) == name:
                return n
        raise KeyError(name)

    def set_ehdr(self, field, value):
        h = list(EHDR.unpack_from(self.b, 0))
        h[field] = value
        EHDR.pack_into(self.b, 0, *h)


def cases(base, host_obj):
    """Yield (name, bytes, extra args, expected error text)."""
    P, S = 'raw_tp/sys_enter', 'socket'

    def mut(fn):
        e = Elf(base)
        fn(e)
        return bytes(e.b)

    yield 'empty.o', b'', '', 'not an ELF file'
    yield 'three_bytes.o', b'\x7fEL', '', 'not an ELF file'
    yield 'text_file.o', b'int main(void) { return 0; }\n', '', 'not an ELF file'
    yield 'elf_header_cut.o', base[:40], '', 'truncated'
    yield 'elf32.o', mut(lambda e: e.b.__setitem__(4, 1)), '', 'not a 64-bit'
    yield 'big_endian.o', mut(lambda e: e.b.__setitem__(5, 2)), '', 'big-endian'
    yield 'x86_64_object.o', host_obj, '', 'not a BPF object'
    yield 'machine_none.o', mut(lambda e: e.set_ehdr(2, 0)), '', 'not a BPF object'
    yield 'exec_type.o', mut(lambda e: e.set_ehdr(1, 2)), '', 'not a relocatable'
    yield 'shoff_past_end.o', mut(lambda e: e.set_ehdr(6, len(base) + 64)), '', 'section header'
    yield 'shnum_huge.o', mut(lambda e: e.set_ehdr(12, 60000)), '', 'section header'
    yield 'shentsize_bad.o', mut(lambda e: e.set_ehdr(11, 32)), '', 'section header'
    yield 'shstrndx_bad.o', mut(lambda e: e.set_ehdr(13, 200)), '', 'section name'
    yield 'file_cut_half.o', base[:len(base) // 2], '', 'truncated'
    yield 'file_cut_before_shdrs.o', base[:Elf(base).shoff + 100], '', 'truncated'
    yield 'prog_section_past_end.o', mut(
        lambda e: e.set_shdr(e.idx(P), 4, len(base) - 8)), '', 'truncated'
    yield 'prog_section_size_odd.o', mut(
        lambda e: e.set_shdr(e.idx(P), 5, 0x44)), '', 'multiple of 8'
    yield 'section_name_offset_bad.o', mut(
        lambda e: e.set_shdr(e.idx(P), 0, 0x7fffff)), '', 'section name'
    yield 'overlap_ehdr.o', mut(lambda e: e.set_shdr(e.idx(P), 4, 0)), '', 'overlap'
    yield 'overlap_sections.o', mut(
        lambda e: e.set_shdr(e.idx(S), 4, e.sh[e.idx(P)][4])), '', 'overlap'
    yield 'symtab_link_bad.o', mut(
        lambda e: e.set_shdr(e.idx('.symtab'), 6, 99)), '', 'symbol'
    yield 'symtab_entsize_bad.o', mut(
        lambda e: e.set_shdr(e.idx('.symtab'), 9, 7)), '', 'symbol'
    yield 'symbol_name_offset_bad.o', mut(
        lambda e: struct.pack_into('<I', e.b, e.sym_off(e.sym_named('prog')), 0xfffff)), \
        '', 'symbol'
    yield 'symbol_section_bad.o', mut(
        lambda e: struct.pack_into('<H', e.b, e.sym_off(e.sym_named('prog')) + 6, 300)), \
        '', 'symbol'
    yield 'symbol_past_section.o', mut(
        lambda e: struct.pack_into('<Q', e.b, e.sym_off(e.sym_named('prog')) + 8, 0x400)), \
        '', 'symbol'
    yield 'symbol_size_past_section.o', mut(
        lambda e: struct.pack_into('<Q', e.b, e.sym_off(e.sym_named('prog')) + 16, 0x400)), \
        '', 'symbol'
    rsec = '.rel' + P
    yield 'reloc_offset_outside.o', mut(
        lambda e: struct.pack_into('<Q', e.b, e.rel(rsec, 0), 0x1000)), '', 'relocation'
    yield 'reloc_offset_unaligned.o', mut(
        lambda e: struct.pack_into('<Q', e.b, e.rel(rsec, 0), 0x21)), '', 'relocation'
    yield 'reloc_symbol_bad.o', mut(
        lambda e: struct.pack_into('<Q', e.b, e.rel(rsec, 0) + 8, (9999 << 32) | 1)), \
        '', 'relocation'
    yield 'reloc_type_unknown.o', mut(
        lambda e: struct.pack_into('<Q', e.b, e.rel(rsec, 0) + 8,
                                   (struct.unpack_from('<Q', e.b, e.rel(rsec, 0) + 8)[0]
                                    & ~0xffffffff) | 77)), '', 'relocation type'
    yield 'reloc_on_non_ldimm64.o', mut(
        lambda e: struct.pack_into('<Q', e.b, e.rel(rsec, 0), 0x8)), '', 'relocation'
    yield 'rel_section_info_bad.o', mut(
        lambda e: e.set_shdr(e.idx(rsec), 7, 250)), '', 'relocation'
    yield 'rel_section_past_end.o', mut(
        lambda e: e.set_shdr(e.idx(rsec), 5, 0x100000)), '', 'truncated'
    yield 'ldimm64_cut.o', mut(lambda e: (
        e.set_insn(P, 8, code=0x18, regs=0x01, imm=0),
        e.set_shdr(e.idx(P), 5, 0x48))), '', 'ld_imm64'
    yield 'ldimm64_bad_second_half.o', mut(
        lambda e: e.set_insn(P, 5, code=0x07)), '', 'ld_imm64'
    yield 'opcode_unknown.o', mut(lambda e: e.set_insn(P, 0, code=0xff)), '', 'opcode'
    yield 'opcode_alu_bad_op.o', mut(lambda e: e.set_insn(P, 0, code=0xe7)), '', 'opcode'
    yield 'opcode_jmp32_call.o', mut(lambda e: e.set_insn(P, 2, code=0x86)), '', 'opcode'
    yield 'opcode_ld_abs_bad_size.o', mut(lambda e: e.set_insn(P, 0, code=0x38)), '', 'opcode'
    yield 'register_r11.o', mut(lambda e: e.set_insn(P, 0, regs=0x0b)), '', 'register'
    yield 'register_src_r12.o', mut(lambda e: e.set_insn(P, 7, regs=0xc0)), '', 'register'
    yield 'jump_past_end.o', mut(lambda e: e.set_insn(P, 6, off=100)), '', 'jump'
    yield 'jump_before_start.o', mut(lambda e: e.set_insn(P, 6, off=-100)), '', 'jump'
    yield 'jump_into_ldimm64.o', mut(lambda e: e.set_insn(P, 6, off=-2)), '', 'ld_imm64'
    yield 'call_out_of_range.o', mut(
        lambda e: (e.set_insn(S, 1, imm=5000),
                   struct.pack_into('<Q', e.b, e.rel('.rel' + S, 0), 0x30))), '', 'call'
    yield 'no_exit.o', mut(lambda e: e.set_insn(P, 8, code=0xb7, regs=0, imm=0)), \
        '', 'not an exit or jump'
    yield 'no_programs.o', mut(lambda e: [e.set_shdr(e.idx(s), 1, 8)
                                          for s in (P, S, '.text')]), '', 'no BPF program'
    yield 'prog_not_found.o', base, '--prog nosuch', 'nosuch'
    yield 'arch_unknown.o', base, '--arch mips', 'mips'
    yield 'kernel_unknown.o', base, '--kernel 5.4', '5.4'
    yield 'stack_below_512.o', mut(lambda e: e.set_insn(P, 1, off=-520)), '', 'stack'
    yield 'stack_unaligned_fp_store.o', mut(lambda e: e.set_insn(P, 1, off=1)), '', 'stack'
    yield 'btf_bad_magic.o', mut(
        lambda e: struct.pack_into('<H', e.b, e.sec_off('.BTF'), 0x1234)), '', 'BTF'
    yield 'btf_hdr_len_huge.o', mut(
        lambda e: struct.pack_into('<I', e.b, e.sec_off('.BTF') + 4, 0x100000)), '', 'BTF'
    yield 'btf_type_off_past_end.o', mut(
        lambda e: struct.pack_into('<I', e.b, e.sec_off('.BTF') + 8, 0x100000)), '', 'BTF'
    yield 'btf_ext_bad_magic.o', mut(
        lambda e: struct.pack_into('<H', e.b, e.sec_off('.BTF.ext'), 0x1234)), '', 'BTF.ext'
    yield 'btf_ext_func_info_past_end.o', mut(
        lambda e: struct.pack_into('<I', e.b, e.sec_off('.BTF.ext') + 12, 0x100000)), \
        '', 'BTF.ext'
    yield 'stack_read_below_512.o', mut(lambda e: e.set_insn(P, 3, off=-520)), '', 'stack'
    yield 'stack_above_fp.o', mut(lambda e: e.set_insn(P, 1, off=8)), '', 'stack'
    yield 'recursion_self.o', mut(
        lambda e: e.set_insn('.text', 1, code=0x85, regs=0x10, imm=-2)), '', 'recursive call'
    # the symbol table's copy of the name (the last one), not the BTF's
    yield 'kfunc_unknown.o', mut(lambda e: e.b.__setitem__(
        e.b.rindex(b'bpf_rdonly_cast\0'), ord('x'))), '', 'xpf_rdonly_cast'


def main():
    clang = sys.argv[1] if len(sys.argv) > 1 else 'clang-19'
    base_o = os.path.join(HERE, 'base.o')
    subprocess.check_call([clang, '--target=bpf', '-O2', '-g',
                           '-fdebug-prefix-map=%s=.' % os.path.abspath(HERE), '-c',
                           os.path.join(HERE, 'base.c'), '-o', base_o])
    host_o = os.path.join(HERE, 'x86_64_object.o')
    subprocess.run([clang, '--target=x86_64-linux-gnu', '-x', 'c', '-c', '-o',
                    host_o, '-'], input=b'int f(void) { return 1; }\n', check=True)
    with open(base_o, 'rb') as f:
        base = f.read()
    with open(host_o, 'rb') as f:
        host = f.read()
    manifest = []
    for name, data, args, expect in cases(base, host):
        with open(os.path.join(HERE, name), 'wb') as f:
            f.write(data)
        manifest.append('%s\t%s\t%s' % (name, args, expect))
    with open(os.path.join(HERE, 'MANIFEST'), 'w') as f:
        f.write('\n'.join(manifest) + '\n')
    print('gen_bad: %d cases' % len(manifest))


if __name__ == '__main__':
    main()
