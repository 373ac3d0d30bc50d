// bpf_map_lookup_elem on a per-CPU array is inlined by the verifier
// (percpu_array_map_gen_lookup) wherever the JIT has the per-CPU move:
// x86_64, arm64 and riscv64 on every profile.  The pptrs offset is a
// per-build placeholder; the per-CPU move prints as Debian's bpftool does.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefixes=CHECK,CHECK-X86
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.12 | FileCheck %s --check-prefixes=CHECK,CHECK-X86-612
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.13 | FileCheck %s --check-prefixes=CHECK,CHECK-JIT
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 7.3 | FileCheck %s --check-prefix=RV64
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 2>&1 >/dev/null | count 0
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

struct val { __u64 n, sum; };
struct {
	__uint(type, 6);	/* BPF_MAP_TYPE_PERCPU_ARRAY */
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, struct val);
} pcpu SEC(".maps");

SEC("raw_tp") int percpu_lookup(__u64 *ctx)
{
	__u32 k = ctx[0];
	struct val *v = bpf_map_lookup_elem(&pcpu, &k);

	if (!v)
		return 0;
	v->n++;
	v->sum += bpf_get_smp_processor_id();
	return v->n;
}

// CHECK:      percpu_lookup:
// CHECK-NEXT: 0: (79) r1 = *(u64 *)(r1 +0)
// CHECK-NEXT: 1: (63) *(u32 *)(r10 -4) = r1
// CHECK-NEXT: 2: (bf) r2 = r10
// CHECK-NEXT: 3: (07) r2 += -4
// CHECK-NEXT: 4: (18) r1 = map[id:<pcpu>]
// CHECK-NEXT: 6: (07) r1 += <offsetof(bpf_array,pptrs)>
// CHECK-NEXT: 7: (61) r0 = *(u32 *)(r2 +0)
// CHECK-NEXT: 8: (35) if r0 >= 0x3 goto pc+5
// CHECK-NEXT: 9: (67) r0 <<= 3
// CHECK-NEXT: 10: (0f) r0 += r1
// CHECK-NEXT: 11: (79) r0 = *(u64 *)(r0 +0)
// CHECK-NEXT: 12: (bf) r0 = r0
// CHECK-NEXT: 13: (05) goto pc+1
// CHECK-NEXT: 14: (b7) r0 = 0
// CHECK-NEXT: 15: (b7) r1 = 0
// CHECK-NEXT: 16: (15) if r0 == 0x0 goto pc+{{1[13]}}
// CHECK-X86:      21: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 22: (bf) r0 = r0
// CHECK-X86-612:      21: (b4) w0 = <cpu_number>
// CHECK-X86-612-NEXT: 22: (bf) r0 = r0
// CHECK-JIT:      21: (85) call bpf_get_smp_processor_id#8
// CHECK:      (95) exit
// CHECK-NOT:  {{.}}
// riscv64: the inline's index load is patched in, so its 32-bit result
// gets the verifier's zero extension; its jumps step over it.
// RV64:      7: (61) r0 = *(u32 *)(r2 +0)
// RV64-NEXT: 8: (bc) w0 = w0
// RV64-NEXT: 9: (35) if r0 >= 0x3 goto pc+5
// RV64-NEXT: 10: (67) r0 <<= 3
// RV64-NEXT: 11: (0f) r0 += r1
// RV64-NEXT: 12: (79) r0 = *(u64 *)(r0 +0)
// RV64-NEXT: 13: (bf) r0 = r0
// RV64-NEXT: 14: (05) goto pc+1
// RV64-NEXT: 15: (b7) r0 = 0
// RV64-NEXT: 16: (b7) r1 = 0
// RV64-NEXT: 17: (15) if r0 == 0x0 goto pc+{{1[13]}}
// RV64:      22: (85) call bpf_get_smp_processor_id#8
// RV64:      (95) exit
// RV64-NOT:  {{.}}

// KERNEL: stack depth: mirror 8, kernel 8
// KERNEL: percpu_lookup: match (32 insns)
