// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpf_trace_printk's format: at most three arguments, conversions
 * %d %i %u %x %X %o %c %s %p with l/ll lengths, flags and width, as
 * bpf_bprintf_prepare accepts them.  Pointers print as the program sees
 * them (our addresses are deterministic, so no hashing is needed), %s
 * reads through the region checks.  Anything else is -EINVAL, like the
 * kernel, returned to the program rather than stopping the VM.
 */
#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "vm_priv.h"

#define VM_PRINTK_ARGS	3
#define VM_STR_MAX	128

struct vm_fmt {
	char spec[24];		/* host printf spec being built */
	int len;
	int lng;		/* number of 'l' */
};

static void spec_put(struct vm_fmt *f, char c)
{
	if (f->len < (int)sizeof(f->spec) - 4)
		f->spec[f->len++] = c;
	f->spec[f->len] = '\0';
}

/* Flags, width, precision and length; returns the conversion char. */
static char spec_parse(const char **p, struct vm_fmt *f)
{
	const char *s = *p;

	f->len = 0;
	f->lng = 0;
	spec_put(f, '%');
	while (*s && strchr("-+ #0", *s))
		spec_put(f, *s++);
	while (isdigit((unsigned char)*s))
		spec_put(f, *s++);
	if (*s == '.') {
		spec_put(f, *s++);
		while (isdigit((unsigned char)*s))
			spec_put(f, *s++);
	}
	while (*s == 'l' && f->lng < 2) {
		f->lng++;
		s++;
	}
	*p = s + (*s != '\0');
	return *s;
}

/* A string argument, bounded by its region and VM_STR_MAX. */
static void vm_str_arg(struct nocsr_vm *vm, __u64 addr, char *buf)
{
	struct vm_region *r;
	__u32 off, i;

	r = vm_region_of(vm, addr, 1, false, &off);
	if (!r) {
		strcpy(buf, "(efault)");
		return;
	}
	for (i = 0; i < VM_STR_MAX - 1 && off + i < r->len && r->mem[off + i]; i++)
		buf[i] = (char)r->mem[off + i];
	buf[i] = '\0';
}

static int fmt_one(struct nocsr_vm *vm, struct vm_fmt *f, char conv,
		   __u64 arg, char *out, size_t cap)
{
	char str[VM_STR_MAX];

	switch (conv) {
	case 'd':
	case 'i':
		spec_put(f, 'l');
		spec_put(f, 'l');
		spec_put(f, 'd');
		return snprintf(out, cap, f->spec, f->lng ? (long long)arg :
				(long long)(__s32)arg);
	case 'u':
	case 'x':
	case 'X':
	case 'o':
		spec_put(f, 'l');
		spec_put(f, 'l');
		spec_put(f, conv);
		return snprintf(out, cap, f->spec, f->lng ?
				(unsigned long long)arg :
				(unsigned long long)(__u32)arg);
	case 'c':
		spec_put(f, 'c');
		return snprintf(out, cap, f->spec, (int)(__u8)arg);
	case 's':
		vm_str_arg(vm, arg, str);
		spec_put(f, 's');
		return snprintf(out, cap, f->spec, str);
	case 'p':
		return snprintf(out, cap, "0x%llx", (unsigned long long)arg);
	default:
		return -EINVAL;
	}
}

/* %pK, %px, %ps ...: the modifier letters carry no argument of their own. */
static void skip_p_modifiers(const char **p)
{
	while (**p && strchr("KxsSBi46", **p))
		(*p)++;
}

int vm_format(struct nocsr_vm *vm, const char *fmt, const __u64 *args,
	      int first_reg, char *out, size_t cap)
{
	size_t o = 0;
	int used = 0, n;
	struct vm_fmt f;
	char conv;

	while (*fmt && o + 1 < cap) {
		if (*fmt != '%' || fmt[1] == '%') {
			out[o++] = *fmt;
			fmt += *fmt == '%' ? 2 : 1;
			continue;
		}
		fmt++;
		conv = spec_parse(&fmt, &f);
		if (used == VM_PRINTK_ARGS)
			return -EINVAL;
		if (conv == 'p')
			skip_p_modifiers(&fmt);
		/* A garbage value in the log is a use: the log is compared. */
		if ((vm->undef >> (first_reg + used)) & 1)
			vm_undef_use(vm);
		n = fmt_one(vm, &f, conv, args[used++], out + o, cap - o);
		if (n < 0)
			return n;
		o += (size_t)n < cap - o ? (size_t)n : cap - o - 1;
	}
	out[o] = '\0';
	return (int)o;
}
