// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The well-formed object every malformed input in test/bad is cut from. */
#define SEC(n) __attribute__((section(n), used))
struct { int (*type)[2]; int (*max_entries)[1]; int *key; long *value; } m SEC(".maps");
extern void *bpf_rdonly_cast(const void *obj, unsigned int btf_id) __attribute__((section(".ksyms")));
static __attribute__((noinline)) int sub(int x) { return x * 3; }
SEC("raw_tp/sys_enter") __attribute__((naked)) int prog(void)
{
	asm volatile (
	"r1 = 1;"
	"*(u64 *)(r10 - 8) = r1;"
	"call 8;"
	"r1 = *(u64 *)(r10 - 8);"
	"r2 = %[m] ll;"
	"if r1 > 5 goto +1;"
	"r0 = r1;"
	"exit;"
	:: [m] "i"(&m) : "memory");
}
SEC("socket") int prog2(void *ctx) { return sub((long)ctx) + (long)bpf_rdonly_cast(ctx, 1); }
char LICENSE[] SEC("license") = "GPL";
