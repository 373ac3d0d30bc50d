// convert_ctx_accesses for a tc program: every readable __sk_buff field,
// narrow and sign-extending loads, every writable field (queue_mapping's
// two forms, tstamp at ingress), next to a fastcall site whose pair goes.
// Without vmlinux BTF the struct offsets print as placeholders; the form
// is the same on every arch and profile (riscv64 adds the zero extensions
// of zext_patched.c after the converted narrow loads).  On the host, with BTF, the
// mirror equals the kernel's xlated program, offsets included.
// RUN: %cc19 -O2 -mcpu=v4 -c %s -o %t.o
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t.o --arch x86_64 --kernel 6.18 > %t.x86
// RUN: FileCheck %s --input-file %t.x86
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t.o --arch arm64 --kernel 6.12 > %t.arm64
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t.o --arch arm64 --kernel 7.3 > %t.arm64-73
// RUN: grep -v 'cpu_number\|r0 = r0\|r0 = \*(u32 \*)(r0 +0)' %t.x86 | sed 's/^ *[0-9]*: //' > %t.x86.ctx
// RUN: grep -v 'bpf_get_smp_processor_id' %t.arm64 | sed 's/^ *[0-9]*: //' | diff %t.x86.ctx -
// RUN: grep -v 'bpf_get_smp_processor_id' %t.arm64-73 | sed 's/^ *[0-9]*: //' | diff %t.x86.ctx -
// RUN: env NOCSR_VMLINUX=none %nocsr xlated %t.o --kernel 6.18 2>&1 >/dev/null | count 0
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
// Without vmlinux BTF `nocsr kernel` compares everything but the offsets.
// RUN: %if bpf-load %{ env NOCSR_VMLINUX=none %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

SEC("tc") __attribute__((naked)) int skb_tc(void)
{
	asm volatile (
	"r2 = *(u32 *)(r1 + 0);"	/* len */
	"r2 = *(u32 *)(r1 + 4);"	/* pkt_type */
	"r2 = *(u32 *)(r1 + 8);"	/* mark */
	"r2 = *(u32 *)(r1 + 12);"	/* queue_mapping */
	"r2 = *(u32 *)(r1 + 16);"	/* protocol */
	"r2 = *(u32 *)(r1 + 20);"	/* vlan_present */
	"r2 = *(u32 *)(r1 + 24);"	/* vlan_tci */
	"r2 = *(u32 *)(r1 + 28);"	/* vlan_proto */
	"r2 = *(u32 *)(r1 + 32);"	/* priority */
	"r2 = *(u32 *)(r1 + 36);"	/* ingress_ifindex */
	"r2 = *(u32 *)(r1 + 40);"	/* ifindex: no NULL check in tc */
	"r2 = *(u32 *)(r1 + 44);"	/* tc_index */
	"r2 = *(u32 *)(r1 + 48);"	/* cb[0] */
	"r2 = *(u32 *)(r1 + 64);"	/* cb[4] */
	"r2 = *(u32 *)(r1 + 68);"	/* hash */
	"r2 = *(u32 *)(r1 + 72);"	/* tc_classid */
	"r2 = *(u32 *)(r1 + 76);"	/* data */
	"r2 = *(u32 *)(r1 + 80);"	/* data_end */
	"r2 = *(u32 *)(r1 + 84);"	/* napi_id */
	"r2 = *(u32 *)(r1 + 140);"	/* data_meta */
	"r2 = *(u64 *)(r1 + 152);"	/* tstamp */
	"r2 = *(u32 *)(r1 + 160);"	/* wire_len */
	"r2 = *(u32 *)(r1 + 164);"	/* gso_segs */
	"r2 = *(u64 *)(r1 + 168);"	/* sk */
	"r2 = *(u32 *)(r1 + 176);"	/* gso_size */
	"r2 = *(u64 *)(r1 + 184);"	/* hwtstamp */
	"r2 = *(u8 *)(r1 + 1);"		/* narrow: len, second byte */
	"r2 = *(u16 *)(r1 + 18);"	/* narrow: protocol, upper half */
	"r2 = *(u8 *)(r1 + 16);"	/* narrow: protocol, low byte */
	"r2 = *(u16 *)(r1 + 50);"	/* cb[0] upper half: not narrowed */
	"r2 = *(s8 *)(r1 + 0);"		/* sign-extending narrow load */
	"r2 = *(s16 *)(r1 + 48);"
	"*(u32 *)(r1 + 8) = r2;"	/* mark */
	"*(u32 *)(r1 + 52) = 7;"	/* cb[1], BPF_ST */
	"*(u32 *)(r1 + 12) = r2;"	/* queue_mapping, checked */
	"*(u32 *)(r1 + 12) = 70000;"	/* queue_mapping >= NO_QUEUE_MAPPING */
	"*(u32 *)(r1 + 44) = r2;"	/* tc_index */
	"*(u32 *)(r1 + 72) = r2;"	/* tc_classid */
	"*(u32 *)(r1 + 32) = r2;"	/* priority */
	"*(u64 *)(r1 + 152) = r2;"	/* tstamp */
	"r6 = *(u32 *)(r1 + 0);"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = *(u32 *)(r1 + 8);"
	"r0 += r6;"
	"exit;" ::: "memory");
}

// CHECK:      skb_tc:
// CHECK-NEXT:    0: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,len)>)
// CHECK-NEXT:    1: (71) r2 = *(u8 *)(r1 +<offsetof(sk_buff,__pkt_type_offset)>)
// CHECK-NEXT:    2: (54) w2 &= 7
// CHECK-NEXT:    3: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,mark)>)
// CHECK-NEXT:    4: (69) r2 = *(u16 *)(r1 +<offsetof(sk_buff,queue_mapping)>)
// CHECK-NEXT:    5: (69) r2 = *(u16 *)(r1 +<offsetof(sk_buff,protocol)>)
// CHECK-NEXT:    6: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,vlan_all)>)
// CHECK-NEXT:    7: (15) if r2 == 0x0 goto pc+1
// CHECK-NEXT:    8: (b4) w2 = 1
// CHECK-NEXT:    9: (69) r2 = *(u16 *)(r1 +<offsetof(sk_buff,vlan_tci)>)
// CHECK-NEXT:   10: (69) r2 = *(u16 *)(r1 +<offsetof(sk_buff,vlan_proto)>)
// CHECK-NEXT:   11: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,priority)>)
// CHECK-NEXT:   12: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,skb_iif)>)
// CHECK-NEXT:   13: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,dev)>)
// CHECK-NEXT:   14: (61) r2 = *(u32 *)(r2 +<offsetof(net_device,ifindex)>)
// CHECK-NEXT:   15: (69) r2 = *(u16 *)(r1 +<offsetof(sk_buff,tc_index)>)
// CHECK-NEXT:   16: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,cb)+offsetof(qdisc_skb_cb,data)>)
// CHECK-NEXT:   17: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,cb)+offsetof(qdisc_skb_cb,data)+16>)
// CHECK-NEXT:   18: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,hash)>)
// CHECK-NEXT:   19: (69) r2 = *(u16 *)(r1 +<offsetof(sk_buff,cb)+offsetof(qdisc_skb_cb,tc_classid)>)
// CHECK-NEXT:   20: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,data)>)
// CHECK-NEXT:   21: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,cb)+offsetof(bpf_skb_data_end,data_end)>)
// CHECK-NEXT:   22: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,napi_id)>)
// CHECK-NEXT:   23: (35) if r2 >= <MIN_NAPI_ID> goto pc+1
// CHECK-NEXT:   24: (b7) r2 = 0
// CHECK-NEXT:   25: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,cb)+offsetof(bpf_skb_data_end,data_meta)>)
// CHECK-NEXT:   26: (71) r11 = *(u8 *)(r1 +<offsetof(sk_buff,__mono_tc_offset)>)
// CHECK-NEXT:   27: (46) if w11 & <TC_AT_INGRESS_MASK> goto pc+1
// CHECK-NEXT:   28: (05) goto pc+4
// CHECK-NEXT:   29: (46) if w11 & <SKB_TSTAMP_TYPE_MASK> goto pc+1
// CHECK-NEXT:   30: (05) goto pc+2
// CHECK-NEXT:   31: (b7) r2 = 0
// CHECK-NEXT:   32: (05) goto pc+1
// CHECK-NEXT:   33: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,tstamp)>)
// CHECK-NEXT:   34: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,cb)+offsetof(qdisc_skb_cb,pkt_len)>)
// CHECK-NEXT:   35: (61) r11 = *(u32 *)(r1 +<offsetof(sk_buff,end)>)
// CHECK-NEXT:   36: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,head)>)
// CHECK-NEXT:   37: (0f) r2 += r11
// CHECK-NEXT:   38: (69) r2 = *(u16 *)(r2 +<offsetof(skb_shared_info,gso_segs)>)
// CHECK-NEXT:   39: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,sk)>)
// CHECK-NEXT:   40: (61) r11 = *(u32 *)(r1 +<offsetof(sk_buff,end)>)
// CHECK-NEXT:   41: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,head)>)
// CHECK-NEXT:   42: (0f) r2 += r11
// CHECK-NEXT:   43: (69) r2 = *(u16 *)(r2 +<offsetof(skb_shared_info,gso_size)>)
// CHECK-NEXT:   44: (61) r11 = *(u32 *)(r1 +<offsetof(sk_buff,end)>)
// CHECK-NEXT:   45: (79) r2 = *(u64 *)(r1 +<offsetof(sk_buff,head)>)
// CHECK-NEXT:   46: (0f) r2 += r11
// CHECK-NEXT:   47: (79) r2 = *(u64 *)(r2 +<offsetof(skb_shared_info,hwtstamps)>)
// CHECK-NEXT:   48: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,len)>)
// CHECK-NEXT:   49: (74) w2 >>= 8
// CHECK-NEXT:   50: (54) w2 &= 255
// CHECK-NEXT:   51: (69) r2 = *(u16 *)(r1 +<offsetof(sk_buff,protocol)>)
// CHECK-NEXT:   52: (69) r2 = *(u16 *)(r1 +<offsetof(sk_buff,protocol)>)
// CHECK-NEXT:   53: (54) w2 &= 255
// CHECK-NEXT:   54: (69) r2 = *(u16 *)(r1 +<offsetof(sk_buff,cb)+offsetof(qdisc_skb_cb,data)+2>)
// CHECK-NEXT:   55: (61) r2 = *(u32 *)(r1 +<offsetof(sk_buff,len)>)
// CHECK-NEXT:   56: (54) w2 &= 255
// CHECK-NEXT:   57: (bf) r2 = (s8)r2
// CHECK-NEXT:   58: (69) r2 = *(u16 *)(r1 +<offsetof(sk_buff,cb)+offsetof(qdisc_skb_cb,data)>)
// CHECK-NEXT:   59: (bf) r2 = (s16)r2
// CHECK-NEXT:   60: (63) *(u32 *)(r1 +<offsetof(sk_buff,mark)>) = r2
// CHECK-NEXT:   61: (62) *(u32 *)(r1 +<offsetof(sk_buff,cb)+offsetof(qdisc_skb_cb,data)+4>) = 7
// CHECK-NEXT:   62: (35) if r2 >= 0xffff goto pc+1
// CHECK-NEXT:   63: (6b) *(u16 *)(r1 +<offsetof(sk_buff,queue_mapping)>) = r2
// CHECK-NEXT:   64: (05) goto pc+0
// CHECK-NEXT:   65: (6b) *(u16 *)(r1 +<offsetof(sk_buff,tc_index)>) = r2
// CHECK-NEXT:   66: (6b) *(u16 *)(r1 +<offsetof(sk_buff,cb)+offsetof(qdisc_skb_cb,tc_classid)>) = r2
// CHECK-NEXT:   67: (63) *(u32 *)(r1 +<offsetof(sk_buff,priority)>) = r2
// CHECK-NEXT:   68: (71) r11 = *(u8 *)(r1 +<offsetof(sk_buff,__mono_tc_offset)>)
// CHECK-NEXT:   69: (46) if w11 & <TC_AT_INGRESS_MASK> goto pc+1
// CHECK-NEXT:   70: (05) goto pc+2
// CHECK-NEXT:   71: (54) w11 &= <~SKB_TSTAMP_TYPE_MASK>
// CHECK-NEXT:   72: (73) *(u8 *)(r1 +<offsetof(sk_buff,__mono_tc_offset)>) = r11
// CHECK-NEXT:   73: (7b) *(u64 *)(r1 +<offsetof(sk_buff,tstamp)>) = r2
// CHECK-NEXT:   74: (61) r6 = *(u32 *)(r1 +<offsetof(sk_buff,len)>)
// CHECK-NEXT:   75: (b7) r0 = <cpu_number>
// CHECK-NEXT:   76: (bf) r0 = r0
// CHECK-NEXT:   77: (61) r0 = *(u32 *)(r0 +0)
// CHECK-NEXT:   78: (61) r0 = *(u32 *)(r1 +<offsetof(sk_buff,mark)>)
// CHECK-NEXT:   79: (0f) r0 += r6
// CHECK-NEXT:   80: (95) exit

// KERNEL: 61: (62) *(u32 *)(r1 +{{.*}}) = 7 | 61: (62) *(u32 *)(r1 +{{[0-9]+}}) = 7
// KERNEL: stack depth: mirror 0, kernel 0
// KERNEL: skb_tc: match (81 insns)
