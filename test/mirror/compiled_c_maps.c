// A plain C program (no naked asm, no plugin): the loader builds it like
// libbpf (subprogram appended, maps and .bss as placeholders), the mirror
// inlines hash and array map lookups as the kernel does (struct offsets are
// per-build placeholders), and the pointer-NULL branch rules decide what the
// dead-code passes keep.  Checked against the running kernel.
// RUN: %cc19 -O2 -g -c %s -o %t.o
// RUN: %nocsr xlated %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-X86
// RUN: %nocsr xlated %t.o --arch arm64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-ARM64
// RUN: %nocsr xlated %t.o --arch riscv64 --kernel 6.18 | FileCheck %s --check-prefix=CHECK-RV64
// RUN: %nocsr check %t.o --arch x86_64 --kernel 6.18 | FileCheck %s --check-prefix=WHY
// RUN: %if bpf-load %{ %nocsr kernel %t.o | FileCheck %s --check-prefix=KERNEL %}
#include "nocsr_test.h"

struct {
	__uint(type, 1);	/* BPF_MAP_TYPE_HASH */
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} hash SEC(".maps");

struct val12 { __u32 a, b, c; };
struct {
	__uint(type, 2);	/* BPF_MAP_TYPE_ARRAY */
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct val12);
} arr SEC(".maps");

__u64 hits;

static __attribute__((noinline)) int bump(__u32 *k)
{
	struct val12 *v = bpf_map_lookup_elem(&arr, k);

	if (!v)
		return 0;
	v->a++;
	return v->b;
}

SEC("raw_tp") int compiled(void *ctx)
{
	__u32 cpu = bpf_get_smp_processor_id();
	__u64 *h = bpf_map_lookup_elem(&hash, &cpu);
	__u32 k = cpu & 3;

	if (h)
		__sync_fetch_and_add(h, 1);
	hits++;
	return bump(&k) + (ctx != 0);
}

// CHECK-X86:      compiled:
// CHECK-X86-NEXT: 0: (bf) r6 = r1
// CHECK-X86-NEXT: 1: (b7) r0 = <cpu_number>
// CHECK-X86-NEXT: 2: (bf) r0 = r0
// CHECK-X86-NEXT: 3: (61) r0 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 4: (63) *(u32 *)(r10 -4) = r0
// CHECK-X86-NEXT: 5: (bf) r2 = r10
// CHECK-X86-NEXT: 6: (07) r2 += -4
// CHECK-X86-NEXT: 7: (18) r1 = map[id:<hash>]
// CHECK-X86-NEXT: 9: (85) call __htab_map_lookup_elem#<addr>
// CHECK-X86-NEXT: 10: (15) if r0 == 0x0 goto pc+1
// CHECK-X86-NEXT: 11: (07) r0 += <offsetof(htab_elem,key)+key_size>
// CHECK-X86-NEXT: 12: (61) r1 = *(u32 *)(r10 -4)
// CHECK-X86-NEXT: 13: (57) r1 &= 3
// CHECK-X86-NEXT: 14: (63) *(u32 *)(r10 -8) = r1
// CHECK-X86-NEXT: 15: (15) if r0 == 0x0 goto pc+2
// CHECK-X86-NEXT: 16: (b7) r1 = 1
// CHECK-X86-NEXT: 17: (db) lock *(u64 *)(r0 +0) += r1
// CHECK-X86-NEXT: 18: (18) r1 = map[id:<.bss>][0]+0
// CHECK-X86-NEXT: 20: (79) r2 = *(u64 *)(r1 +0)
// CHECK-X86-NEXT: 21: (07) r2 += 1
// CHECK-X86-NEXT: 22: (7b) *(u64 *)(r1 +0) = r2
// CHECK-X86-NEXT: 23: (b7) r7 = 1
// CHECK-X86-NEXT: 24: (55) if r6 != 0x0 goto pc+1
// CHECK-X86-NEXT: 25: (b7) r7 = 0
// CHECK-X86-NEXT: 26: (bf) r1 = r10
// CHECK-X86-NEXT: 27: (07) r1 += -8
// CHECK-X86-NEXT: 28: (85) call pc+2
// CHECK-X86-NEXT: 29: (0f) r0 += r7
// CHECK-X86-NEXT: 30: (95) exit
// CHECK-X86-NEXT: 31: (bf) r2 = r1
// CHECK-X86-NEXT: 32: (18) r1 = map[id:<arr>]
// CHECK-X86-NEXT: 34: (07) r1 += <offsetof(bpf_array,value)>
// CHECK-X86-NEXT: 35: (61) r0 = *(u32 *)(r2 +0)
// CHECK-X86-NEXT: 36: (35) if r0 >= 0x4 goto pc+3
// CHECK-X86-NEXT: 37: (67) r0 <<= 4
// CHECK-X86-NEXT: 38: (0f) r0 += r1
// CHECK-X86-NEXT: 39: (05) goto pc+1
// CHECK-X86-NEXT: 40: (b7) r0 = 0
// CHECK-X86-NEXT: 41: (b7) r1 = 0
// CHECK-X86-NEXT: 42: (15) if r0 == 0x0 goto pc+4
// CHECK-X86-NEXT: 43: (61) r1 = *(u32 *)(r0 +0)
// CHECK-X86-NEXT: 44: (07) r1 += 1
// CHECK-X86-NEXT: 45: (63) *(u32 *)(r0 +0) = r1
// CHECK-X86-NEXT: 46: (61) r1 = *(u32 *)(r0 +4)
// CHECK-X86-NEXT: 47: (bf) r0 = r1
// CHECK-X86-NEXT: 48: (95) exit
// CHECK-X86-NOT:  {{.}}

// CHECK-ARM64:      compiled:
// CHECK-ARM64-NEXT: 0: (bf) r6 = r1
// CHECK-ARM64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-ARM64-NEXT: 2: (63) *(u32 *)(r10 -4) = r0
// CHECK-ARM64-NEXT: 3: (bf) r2 = r10
// CHECK-ARM64-NEXT: 4: (07) r2 += -4
// CHECK-ARM64-NEXT: 5: (18) r1 = map[id:<hash>]
// CHECK-ARM64-NEXT: 7: (85) call __htab_map_lookup_elem#<addr>
// CHECK-ARM64-NEXT: 8: (15) if r0 == 0x0 goto pc+1
// CHECK-ARM64-NEXT: 9: (07) r0 += <offsetof(htab_elem,key)+key_size>
// CHECK-ARM64-NEXT: 10: (61) r1 = *(u32 *)(r10 -4)
// CHECK-ARM64-NEXT: 11: (57) r1 &= 3
// CHECK-ARM64-NEXT: 12: (63) *(u32 *)(r10 -8) = r1
// CHECK-ARM64-NEXT: 13: (15) if r0 == 0x0 goto pc+2
// CHECK-ARM64-NEXT: 14: (b7) r1 = 1
// CHECK-ARM64-NEXT: 15: (db) lock *(u64 *)(r0 +0) += r1
// CHECK-ARM64-NEXT: 16: (18) r1 = map[id:<.bss>][0]+0
// CHECK-ARM64-NEXT: 18: (79) r2 = *(u64 *)(r1 +0)
// CHECK-ARM64-NEXT: 19: (07) r2 += 1
// CHECK-ARM64-NEXT: 20: (7b) *(u64 *)(r1 +0) = r2
// CHECK-ARM64-NEXT: 21: (b7) r7 = 1
// CHECK-ARM64-NEXT: 22: (55) if r6 != 0x0 goto pc+1
// CHECK-ARM64-NEXT: 23: (b7) r7 = 0
// CHECK-ARM64-NEXT: 24: (bf) r1 = r10
// CHECK-ARM64-NEXT: 25: (07) r1 += -8
// CHECK-ARM64-NEXT: 26: (85) call pc+2
// CHECK-ARM64-NEXT: 27: (0f) r0 += r7
// CHECK-ARM64-NEXT: 28: (95) exit
// CHECK-ARM64-NEXT: 29: (bf) r2 = r1
// CHECK-ARM64-NEXT: 30: (18) r1 = map[id:<arr>]
// CHECK-ARM64-NEXT: 32: (07) r1 += <offsetof(bpf_array,value)>
// CHECK-ARM64-NEXT: 33: (61) r0 = *(u32 *)(r2 +0)
// CHECK-ARM64-NEXT: 34: (35) if r0 >= 0x4 goto pc+3
// CHECK-ARM64-NEXT: 35: (67) r0 <<= 4
// CHECK-ARM64-NEXT: 36: (0f) r0 += r1
// CHECK-ARM64-NEXT: 37: (05) goto pc+1
// CHECK-ARM64-NEXT: 38: (b7) r0 = 0
// CHECK-ARM64-NEXT: 39: (b7) r1 = 0
// CHECK-ARM64-NEXT: 40: (15) if r0 == 0x0 goto pc+4
// CHECK-ARM64-NEXT: 41: (61) r1 = *(u32 *)(r0 +0)
// CHECK-ARM64-NEXT: 42: (07) r1 += 1
// CHECK-ARM64-NEXT: 43: (63) *(u32 *)(r0 +0) = r1
// CHECK-ARM64-NEXT: 44: (61) r1 = *(u32 *)(r0 +4)
// CHECK-ARM64-NEXT: 45: (bf) r0 = r1
// CHECK-ARM64-NEXT: 46: (95) exit
// CHECK-ARM64-NOT:  {{.}}

// CHECK-RV64:      compiled:
// CHECK-RV64-NEXT: 0: (bf) r6 = r1
// CHECK-RV64-NEXT: 1: (85) call bpf_get_smp_processor_id#8
// CHECK-RV64-NEXT: 2: (63) *(u32 *)(r10 -4) = r0
// CHECK-RV64-NEXT: 3: (bf) r2 = r10
// CHECK-RV64-NEXT: 4: (07) r2 += -4
// CHECK-RV64-NEXT: 5: (18) r1 = map[id:<hash>]
// CHECK-RV64-NEXT: 7: (85) call __htab_map_lookup_elem#<addr>
// CHECK-RV64-NEXT: 8: (15) if r0 == 0x0 goto pc+1
// CHECK-RV64-NEXT: 9: (07) r0 += <offsetof(htab_elem,key)+key_size>
// CHECK-RV64-NEXT: 10: (61) r1 = *(u32 *)(r10 -4)
// CHECK-RV64-NEXT: 11: (bc) w1 = w1
// CHECK-RV64-NEXT: 12: (57) r1 &= 3
// CHECK-RV64-NEXT: 13: (63) *(u32 *)(r10 -8) = r1
// CHECK-RV64-NEXT: 14: (15) if r0 == 0x0 goto pc+2
// CHECK-RV64-NEXT: 15: (b7) r1 = 1
// CHECK-RV64-NEXT: 16: (db) lock *(u64 *)(r0 +0) += r1
// CHECK-RV64-NEXT: 17: (18) r1 = map[id:<.bss>][0]+0
// CHECK-RV64-NEXT: 19: (79) r2 = *(u64 *)(r1 +0)
// CHECK-RV64-NEXT: 20: (07) r2 += 1
// CHECK-RV64-NEXT: 21: (7b) *(u64 *)(r1 +0) = r2
// CHECK-RV64-NEXT: 22: (b7) r7 = 1
// CHECK-RV64-NEXT: 23: (55) if r6 != 0x0 goto pc+1
// CHECK-RV64-NEXT: 24: (b7) r7 = 0
// CHECK-RV64-NEXT: 25: (bf) r1 = r10
// CHECK-RV64-NEXT: 26: (07) r1 += -8
// CHECK-RV64-NEXT: 27: (85) call pc+2
// CHECK-RV64-NEXT: 28: (0f) r0 += r7
// CHECK-RV64-NEXT: 29: (95) exit
// CHECK-RV64-NEXT: 30: (bf) r2 = r1
// CHECK-RV64-NEXT: 31: (18) r1 = map[id:<arr>]
// CHECK-RV64-NEXT: 33: (07) r1 += <offsetof(bpf_array,value)>
// CHECK-RV64-NEXT: 34: (61) r0 = *(u32 *)(r2 +0)
// CHECK-RV64-NEXT: 35: (bc) w0 = w0
// CHECK-RV64-NEXT: 36: (35) if r0 >= 0x4 goto pc+3
// CHECK-RV64-NEXT: 37: (67) r0 <<= 4
// CHECK-RV64-NEXT: 38: (0f) r0 += r1
// CHECK-RV64-NEXT: 39: (05) goto pc+1
// CHECK-RV64-NEXT: 40: (b7) r0 = 0
// CHECK-RV64-NEXT: 41: (b7) r1 = 0
// CHECK-RV64-NEXT: 42: (15) if r0 == 0x0 goto pc+6
// CHECK-RV64-NEXT: 43: (61) r1 = *(u32 *)(r0 +0)
// CHECK-RV64-NEXT: 44: (bc) w1 = w1
// CHECK-RV64-NEXT: 45: (07) r1 += 1
// CHECK-RV64-NEXT: 46: (63) *(u32 *)(r0 +0) = r1
// CHECK-RV64-NEXT: 47: (61) r1 = *(u32 *)(r0 +4)
// CHECK-RV64-NEXT: 48: (bc) w1 = w1
// CHECK-RV64-NEXT: 49: (bf) r0 = r1
// CHECK-RV64-NEXT: 50: (95) exit
// CHECK-RV64-NOT:  {{.}}

// WHY: 1 of 1 fastcall sites rewritten (x86_64, 6.18)

// KERNEL: stack depth: mirror 8+0, kernel 8+0
// KERNEL: compiled: match (49 insns)
