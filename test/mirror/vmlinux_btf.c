// $NOCSR_VMLINUX names the vmlinux BTF: raw BTF in either byte order or an
// ELF file's .BTF section, read by the mirror's own scan (btf_scan.c).  The
// struct offsets of converted context accesses and the kfunc ids and
// prototypes come from it (here a fake kernel: this file with -DKERNEL).
// A file the scan refuses gets one line on stderr, once per process, and
// the output is the one without vmlinux BTF, exit status unchanged.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc19 -O2 -g -c %s -o %t/prog.o
// RUN: %cc19 -O2 -g -DKERNEL -c %s -o %t/kern.o
// RUN: %cc19 -O2 -g -DKERNEL -c %s -o %t/kern_be.o --target=bpfeb
// RUN: llvm-objcopy --dump-section .BTF=%t/kern.btf %t/kern.o
// RUN: llvm-objcopy --dump-section .BTF=%t/kern_be.btf %t/kern_be.o
// RUN: %cc19 -O2 -c %s -o %t/nobtf.o
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 > %t/none.txt
// RUN: FileCheck %s --check-prefix=NONE < %t/none.txt
//
// Raw, ELF, big-endian raw and ELF: the same numbers.
// RUN: env NOCSR_VMLINUX=%t/kern.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>%t/err > %t/raw.txt
// RUN: FileCheck %s < %t/raw.txt
// RUN: count 0 < %t/err
// RUN: env NOCSR_VMLINUX=%t/kern.o %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>&1 | diff - %t/raw.txt
// RUN: env NOCSR_VMLINUX=%t/kern_be.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>&1 | diff - %t/raw.txt
// RUN: env NOCSR_VMLINUX=%t/kern_be.o %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>&1 | diff - %t/raw.txt
//
// The kfunc's prototype is the kernel's (three arguments: r1 is clobbered,
// so its spill and fill are no fastcall pattern), not the program's extern
// (no argument: a pattern with an empty clobber mask).
// RUN: env NOCSR_VMLINUX=%t/kern.btf %nocsr check %t/prog.o --arch arm64 --kernel 6.12 | FileCheck %s --check-prefix=PROTO
// RUN: env NOCSR_VMLINUX=none not %nocsr check %t/prog.o --arch arm64 --kernel 6.12 --json | FileCheck %s --check-prefix=OWN
//
// Refused files: each gives the output without vmlinux BTF and one line.
// RUN: python3 %S/Inputs/btf_patch.py %t/kern.btf %t/version.btf version
// RUN: python3 %S/Inputs/btf_patch.py %t/kern.btf %t/short_header.btf short_header
// RUN: python3 %S/Inputs/btf_patch.py %t/kern.btf %t/overlap.btf overlap
// RUN: python3 %S/Inputs/btf_patch.py %t/kern.btf %t/unaligned.btf unaligned
// RUN: python3 %S/Inputs/btf_patch.py %t/kern.btf %t/unterminated.btf unterminated
// RUN: python3 %S/Inputs/btf_patch.py %t/kern.btf %t/unknown_kind.btf unknown_kind
// RUN: python3 %S/Inputs/btf_patch.py %t/kern.btf %t/past_end.btf past_end
// RUN: python3 %S/Inputs/btf_patch.py %t/kern.btf %t/trailing.btf trailing
// RUN: python3 %S/Inputs/btf_patch.py %t/kern_be.btf %t/swapped_header.btf swapped_header
// RUN: head -c 100 %t/kern.btf > %t/truncated.btf
// RUN: head -c 20 %t/kern.btf > %t/header_cut.btf
// RUN: head -c 1 %t/kern.btf > %t/one_byte.btf
// RUN: echo "neither BTF nor ELF" > %t/text.btf
// RUN: touch %t/empty.btf
// RUN: rm -f %t/errs
// RUN: env NOCSR_VMLINUX=%t/missing.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/empty.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/one_byte.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/text.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/nobtf.o %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/header_cut.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/truncated.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/version.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/short_header.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/overlap.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/unaligned.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/unterminated.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/unknown_kind.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/past_end.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/trailing.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/swapped_header.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs | diff - %t/none.txt
// RUN: env NOCSR_VMLINUX=%t/truncated.btf %nocsr stats %t/prog.o %t/prog.o --arch arm64 --kernel 6.12 2>>%t/errs > /dev/null
// RUN: FileCheck %s --check-prefix=ERR --input-file %t/errs
// RUN: count 17 < %t/errs
//
// A corrupt type graph (sk_buff's anonymous members of type sk_buff, a
// cycle libbpf accepts) ends the member search: no crash, no offsets; the
// kfunc is still found.
// RUN: python3 %S/Inputs/btf_patch.py %t/kern.btf %t/cycle.btf cycle
// RUN: env NOCSR_VMLINUX=%t/cycle.btf %nocsr xlated %t/prog.o --arch arm64 --kernel 6.12 2>&1 | FileCheck %s --check-prefix=CYCLE
#include "nocsr_test.h"

#ifdef KERNEL
/*
 * Every member ctx.c reads, at offsets of our choosing; net_device's dev
 * and the tstamp bits sit in anonymous unions and structs, as in Linux.
 */
struct net_device { char pad[20]; int ifindex; };
struct sock_common {
	unsigned int skc_daddr, skc_rcv_saddr;
	unsigned short skc_dport, skc_num, skc_family;
	char pad[10];
	unsigned int skc_v6_daddr[4], skc_v6_rcv_saddr[4];
};
struct qdisc_skb_cb {
	struct { unsigned int pkt_len; unsigned short dummy, tc_classid; };
	unsigned char data[20];
};
struct bpf_skb_data_end { struct qdisc_skb_cb qdisc_cb; void *data_meta, *data_end; };
struct skb_shared_info { unsigned short pad, gso_size, gso_segs; long hwtstamps; };
struct xdp_rxq_info { struct net_device *dev; unsigned int queue_index; };
struct xdp_txq_info { struct net_device *dev; };
struct xdp_buff {
	void *data, *data_end, *data_meta, *data_hard_start;
	struct xdp_rxq_info *rxq;
	struct xdp_txq_info *txq;
};
struct sk_buff {
	union {
		struct {
			struct sk_buff *next, *prev;
			union { struct net_device *dev; unsigned long dev_scratch; };
		};
		long rbnode[3];
	};
	void *sk;
	long tstamp;
	char cb[48];
	unsigned int len, data_len;
	unsigned short pad1, queue_mapping;
	unsigned char __cloned_offset[0];
	unsigned char cloned:1, pad2:7;
	unsigned char __pkt_type_offset[0];
	unsigned char pkt_type:3;
	unsigned char __mono_tc_offset[0];
	unsigned char tstamp_type:2, pad3:3, tc_at_ingress:1;
	unsigned short tc_index;
	unsigned int hash;
	unsigned int priority, skb_iif, mark, napi_id;
	union { unsigned int vlan_all; struct { unsigned short vlan_proto, vlan_tci; }; };
	unsigned short protocol;
	unsigned char *head, *data;
	unsigned int end;
};
struct sk_buff skb_anchor;
struct bpf_skb_data_end data_end_anchor;
struct skb_shared_info shinfo_anchor;
struct xdp_buff xdp_anchor;
struct sock_common skc_anchor;
struct net_device dev_anchor;
struct xdp_rxq_info rxq_anchor;
struct xdp_txq_info txq_anchor;

/* The kernel's prototype: three arguments, where the program declares none. */
__attribute__((noinline)) int bpf_fake_kfunc(int a, int b, int c)
{
	return a + b + c;
}
#else
extern void bpf_fake_kfunc(void) __ksym;
static __attribute__((used, noinline)) void btf_anchor(void)
{
	bpf_fake_kfunc();
}

SEC("tc") __attribute__((naked)) int skb_tc(void)
{
	asm volatile (
	"r6 = r1;"
	"r2 = *(u32 *)(r6 + 0);"	/* len */
	"r2 = *(u32 *)(r6 + 40);"	/* ifindex: dev in an anonymous union */
	"r2 = *(u32 *)(r6 + 72);"	/* tc_classid, in cb */
	"*(u64 *)(r10 - 8) = r1;"
	"call %[bpf_fake_kfunc];"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = 0;"
	"exit;"
	:: [bpf_fake_kfunc]"i"(bpf_fake_kfunc) : "memory");
}
#endif

// CHECK:      skb_tc:
// CHECK-NEXT:    0: (bf) r6 = r1
// CHECK-NEXT:    1: (61) r2 = *(u32 *)(r6 +88)
// CHECK-NEXT:    2: (79) r2 = *(u64 *)(r6 +16)
// CHECK-NEXT:    3: (61) r2 = *(u32 *)(r2 +20)
// CHECK-NEXT:    4: (69) r2 = *(u16 *)(r6 +46)
// CHECK-NEXT:    5: (7b) *(u64 *)(r10 -8) = r1
// CHECK-NEXT:    6: (85) call bpf_fake_kfunc#{{[1-9][0-9]*}}
// CHECK-NEXT:    7: (79) r1 = *(u64 *)(r10 -8)
// CHECK-NEXT:    8: (b7) r0 = 0
// CHECK-NEXT:    9: (95) exit

// NONE:         1: (61) r2 = *(u32 *)(r6 +<offsetof(sk_buff,len)>)

// CYCLE-NOT: nocsr:
// CYCLE:     1: (61) r2 = *(u32 *)(r6 +<offsetof(sk_buff,len)>)
// CYCLE:     6: (85) call bpf_fake_kfunc#{{[1-9][0-9]*}}

// PROTO: 0 of 0 fastcall sites rewritten (arm64, 6.12)
// OWN: "callee":"bpf_fake_kfunc","kind":"kfunc","clobber_mask":0,

// ERR:      nocsr: {{.*}}/missing.btf: not used as vmlinux BTF: No such file or directory
// ERR-NEXT: nocsr: {{.*}}/empty.btf: not used as vmlinux BTF: empty, or not a regular file
// ERR-NEXT: nocsr: {{.*}}/one_byte.btf: not used as vmlinux BTF: 1-byte file, shorter than a BTF header
// ERR-NEXT: nocsr: {{.*}}/text.btf: not used as vmlinux BTF: neither BTF nor an ELF file with sections
// ERR-NEXT: nocsr: {{.*}}/nobtf.o: not used as vmlinux BTF: an ELF file without a .BTF section
// ERR-NEXT: nocsr: {{.*}}/header_cut.btf: not used as vmlinux BTF: BTF of 20 bytes, shorter than its header
// ERR-NEXT: nocsr: {{.*}}/truncated.btf: not used as vmlinux BTF: string section at {{[0-9]+}}+{{[0-9]+}} past the end (76 bytes)
// ERR-NEXT: nocsr: {{.*}}/version.btf: not used as vmlinux BTF: BTF version 2
// ERR-NEXT: nocsr: {{.*}}/short_header.btf: not used as vmlinux BTF: BTF header length 8 in {{[0-9]+}} bytes
// ERR-NEXT: nocsr: {{.*}}/overlap.btf: not used as vmlinux BTF: type section at 0+[[LEN:[0-9]+]] overlaps the strings at {{[0-9]+}}
// ERR-NEXT: nocsr: {{.*}}/unaligned.btf: not used as vmlinux BTF: type section at 2 not 4-byte aligned
// ERR-NEXT: nocsr: {{.*}}/unterminated.btf: not used as vmlinux BTF: string section does not start and end with a NUL
// ERR-NEXT: nocsr: {{.*}}/unknown_kind.btf: not used as vmlinux BTF: type [1] of unknown kind 20
// ERR-NEXT: nocsr: {{.*}}/past_end.btf: not used as vmlinux BTF: type [1] runs past the type section
// ERR-NEXT: nocsr: {{.*}}/trailing.btf: not used as vmlinux BTF: type section ends inside a record
// ERR-NEXT: nocsr: {{.*}}/swapped_header.btf: not used as vmlinux BTF: byte-swapped BTF with a 32-byte header
// ERR-NEXT: nocsr: {{.*}}/truncated.btf: not used as vmlinux BTF: string section at {{[0-9]+}}+{{[0-9]+}} past the end (76 bytes)
