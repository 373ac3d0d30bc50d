// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Array and hash maps, simple on purpose: values live in one region per
 * map at fixed slots (so a value pointer stays valid and deterministic,
 * like the kernel's preallocated maps), hash keys are found by a linear
 * scan.  Per-CPU types behave as their plain form on our single CPU.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vm_priv.h"

#define VM_MAP_MAX_BYTES	(256u << 20)

static int vm_map_kind(enum bpf_map_type type, bool *is_hash)
{
	switch (type) {
	case BPF_MAP_TYPE_ARRAY:
	case BPF_MAP_TYPE_PERCPU_ARRAY:
		*is_hash = false;
		return 0;
	case BPF_MAP_TYPE_HASH:
	case BPF_MAP_TYPE_PERCPU_HASH:
	case BPF_MAP_TYPE_LRU_HASH:
	case BPF_MAP_TYPE_LRU_PERCPU_HASH:
		*is_hash = true;
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

static int vm_map_add(struct nocsr_vm *vm, struct nocsr_vm_map *map)
{
	struct nocsr_vm_map **p;
	char name[48];
	int err;

	snprintf(name, sizeof(name), "map:%s", map->name);
	err = vm_add_region(vm, name, VM_REG_MAP, NULL, NOCSR_VM_ARRAY_VALUE_OFF +
			    map->value_stride * map->max_entries, true, true,
			    &map->values_idx);
	if (err)
		return err;
	vm->regions[map->values_idx].map = map;
	vm->regions[map->values_idx].lo = NOCSR_VM_ARRAY_VALUE_OFF;
	p = realloc(vm->maps, (vm->map_cnt + 1) * sizeof(*p));
	if (!p)
		return -ENOMEM;
	vm->maps = p;
	vm->maps[vm->map_cnt++] = map;
	return 0;
}

static void vm_map_free(struct nocsr_vm_map *map)
{
	if (!map)
		return;
	free(map->keys);
	free(map->used);
	free(map);
}

int nocsr_vm__map_create(struct nocsr_vm *vm, const char *name,
			 enum bpf_map_type type, __u32 key_size,
			 __u32 value_size, __u32 max_entries,
			 struct nocsr_vm_map **mapp)
{
	struct nocsr_vm_map *map;
	bool is_hash;
	int err;

	if (!vm || !name || !key_size || !value_size || !max_entries)
		return -EINVAL;
	err = vm_map_kind(type, &is_hash);
	if (err)
		return err;
	if (!is_hash && key_size != 4)
		return -EINVAL;
	if ((__u64)((value_size + 7) & ~7u) * max_entries > VM_MAP_MAX_BYTES ||
	    value_size > VM_MAP_MAX_BYTES || key_size > 512)
		return -E2BIG;
	map = calloc(1, sizeof(*map));
	if (!map)
		return -ENOMEM;
	map->vm = vm;
	snprintf(map->name, sizeof(map->name), "%s", name);
	map->type = type;
	map->is_hash = is_hash;
	map->key_size = key_size;
	map->value_size = value_size;
	map->value_stride = (value_size + 7) & ~7u;
	map->max_entries = max_entries;
	if (is_hash) {
		map->keys = calloc(max_entries, key_size);
		map->used = calloc(max_entries, 1);
		if (!map->keys || !map->used) {
			vm_map_free(map);
			return -ENOMEM;
		}
	}
	err = vm_map_add(vm, map);
	if (err) {
		vm_map_free(map);
		return err;
	}
	if (mapp)
		*mapp = map;
	return 0;
}

void vm_maps_free(struct nocsr_vm *vm)
{
	__u32 i;

	for (i = 0; i < vm->map_cnt; i++)
		vm_map_free(vm->maps[i]);
	free(vm->maps);
}

struct nocsr_vm_map *nocsr_vm__map_by_name(struct nocsr_vm *vm,
					   const char *name)
{
	__u32 i;

	for (i = 0; i < vm->map_cnt; i++)
		if (!strcmp(vm->maps[i]->name, name))
			return vm->maps[i];
	return NULL;
}

__u64 nocsr_vm_map__addr(const struct nocsr_vm_map *map)
{
	return VM_ADDR(map->values_idx, 0);
}

__u32 nocsr_vm_map__key_size(const struct nocsr_vm_map *map)
{
	return map->key_size;
}

__u32 nocsr_vm_map__value_size(const struct nocsr_vm_map *map)
{
	return map->value_size;
}

struct nocsr_vm_map *nocsr_vm__map_at(struct nocsr_vm *vm, __u64 addr)
{
	__u32 idx = VM_ADDR_IDX(addr);

	if ((addr & VM_ADDR_TAG) != VM_ADDR_TAG || idx >= vm->region_cnt ||
	    VM_ADDR_OFF(addr) || vm->regions[idx].kind != VM_REG_MAP)
		return NULL;
	return vm->regions[idx].map;
}

static __u8 *vm_map_value(struct nocsr_vm_map *map, __u32 slot, __u8 **shadow)
{
	struct vm_region *r = &map->vm->regions[map->values_idx];
	__u32 off = NOCSR_VM_ARRAY_VALUE_OFF + slot * map->value_stride;

	if (shadow)
		*shadow = r->shadow + off;
	return r->mem + off;
}

static int vm_map_slot(const struct nocsr_vm_map *map, const __u8 *key)
{
	__u32 i;

	if (!map->is_hash) {
		memcpy(&i, key, sizeof(i));
		return i < map->max_entries ? (int)i : -ENOENT;
	}
	for (i = 0; i < map->max_entries; i++)
		if (map->used[i] &&
		    !memcmp(map->keys + (size_t)i * map->key_size, key,
			    map->key_size))
			return (int)i;
	return -ENOENT;
}

int vm_map_lookup_addr(struct nocsr_vm_map *map, const __u8 *key,
		       __u64 *value_addr)
{
	int slot = vm_map_slot(map, key);

	if (slot < 0)
		return slot;
	*value_addr = VM_ADDR(map->values_idx, NOCSR_VM_ARRAY_VALUE_OFF +
			      (__u32)slot * map->value_stride);
	return 0;
}

static int vm_hash_insert(struct nocsr_vm_map *map, const __u8 *key)
{
	__u32 i;

	for (i = 0; i < map->max_entries; i++) {
		if (map->used[i])
			continue;
		map->used[i] = 1;
		memcpy(map->keys + (size_t)i * map->key_size, key, map->key_size);
		return (int)i;
	}
	return -E2BIG;
}

/* The update rules of array_map_update_elem and htab_map_update_elem. */
int vm_map_update(struct nocsr_vm_map *map, const __u8 *key,
		  const __u8 *value, const __u8 *shadow, __u64 flags)
{
	__u8 *dst, *dst_shadow;
	int slot;

	if (flags > BPF_EXIST)
		return -EINVAL;
	slot = vm_map_slot(map, key);
	if (!map->is_hash && slot < 0)
		return -E2BIG;
	if (slot >= 0 && flags == BPF_NOEXIST)
		return -EEXIST;
	if (slot < 0 && flags == BPF_EXIST)
		return -ENOENT;
	if (slot < 0)
		slot = vm_hash_insert(map, key);
	if (slot < 0)
		return slot;
	dst = vm_map_value(map, (__u32)slot, &dst_shadow);
	memmove(dst, value, map->value_size);
	if (shadow)
		memmove(dst_shadow, shadow, map->value_size);
	else
		memset(dst_shadow, 0, map->value_size);
	return 0;
}

int nocsr_vm_map__lookup(struct nocsr_vm_map *map, const void *key,
			 __u64 *value_addr)
{
	if (!map || !key || !value_addr)
		return -EINVAL;
	return vm_map_lookup_addr(map, key, value_addr);
}

int nocsr_vm_map__update(struct nocsr_vm_map *map, const void *key,
			 const void *value, __u64 flags)
{
	if (!map || !key || !value)
		return -EINVAL;
	return vm_map_update(map, key, value, NULL, flags);
}

int nocsr_vm_map__delete(struct nocsr_vm_map *map, const void *key)
{
	int slot;

	if (!map || !key)
		return -EINVAL;
	if (!map->is_hash)
		return -EINVAL;
	slot = vm_map_slot(map, key);
	if (slot < 0)
		return slot;
	map->used[slot] = 0;
	return 0;
}

/* bpf_map_get_next_key: NULL or an absent key starts from the first. */
int nocsr_vm_map__next_key(struct nocsr_vm_map *map, const void *key,
			   void *next)
{
	__u32 i, start = 0;
	int slot;

	if (!map || !next)
		return -EINVAL;
	slot = key ? vm_map_slot(map, key) : -ENOENT;
	if (slot >= 0)
		start = (__u32)slot + 1;
	if (!map->is_hash) {
		if (start >= map->max_entries)
			return -ENOENT;
		memcpy(next, &start, sizeof(start));
		return 0;
	}
	for (i = start; i < map->max_entries; i++) {
		if (map->used[i]) {
			memcpy(next, map->keys + (size_t)i * map->key_size,
			       map->key_size);
			return 0;
		}
	}
	return -ENOENT;
}

static __u64 count_set(const __u8 *p, __u32 n)
{
	__u64 c = 0;
	__u32 i;

	for (i = 0; i < n; i++)
		c += p[i] != 0;
	return c;
}

/* Hash entries are summed, so insertion order (slot choice) is invisible. */
__u64 vm_map_digest(struct nocsr_vm_map *map, __u64 *undef)
{
	struct vm_region *r = &map->vm->regions[map->values_idx];
	__u64 h = vm_hash(VM_HASH_INIT, map->name, strlen(map->name)), sum = 0;
	__u8 *val, *shadow;
	__u32 i;

	if (!map->is_hash) {
		*undef += count_set(r->shadow + r->lo, r->len - r->lo);
		return vm_hash(h, r->mem + r->lo, r->len - r->lo);
	}
	for (i = 0; i < map->max_entries; i++) {
		if (!map->used[i])
			continue;
		val = vm_map_value(map, i, &shadow);
		*undef += count_set(shadow, map->value_size);
		sum += vm_hash(vm_hash(VM_HASH_INIT, map->keys +
				       (size_t)i * map->key_size, map->key_size),
			       val, map->value_size);
	}
	return vm_hash(h, &sum, sizeof(sum));
}

/* Insertion sort by key: maps here are small, and qsort has no context. */
static void sort_slots(const struct nocsr_vm_map *m, __u32 *slots, __u32 n)
{
	__u32 i, j, s;

	for (i = 1; i < n; i++) {
		s = slots[i];
		for (j = i; j > 0 && memcmp(m->keys + (size_t)slots[j - 1] * m->key_size,
					    m->keys + (size_t)s * m->key_size,
					    m->key_size) > 0; j--)
			slots[j] = slots[j - 1];
		slots[j] = s;
	}
}

/* Hash maps print their entries in key order, again hiding slot choice. */
int vm_map_dump(struct nocsr_vm_map *map, FILE *f)
{
	__u32 *slots, n = 0, i;
	__u8 *val, *shadow;

	if (!map->is_hash) {
		struct vm_region *r = &map->vm->regions[map->values_idx];

		fprintf(f, "map %s: array, %u x %u bytes\n", map->name,
			map->max_entries, map->value_size);
		vm_hexdump(f, r->mem + r->lo, r->shadow + r->lo, r->len - r->lo);
		return 0;
	}
	slots = calloc(map->max_entries, sizeof(*slots));
	if (!slots)
		return -ENOMEM;
	for (i = 0; i < map->max_entries; i++)
		if (map->used[i])
			slots[n++] = i;
	sort_slots(map, slots, n);
	fprintf(f, "map %s: hash, %u entries\n", map->name, n);
	for (i = 0; i < n; i++) {
		fprintf(f, " key:\n");
		vm_hexdump(f, map->keys + (size_t)slots[i] * map->key_size,
			   NULL, map->key_size);
		val = vm_map_value(map, slots[i], &shadow);
		fprintf(f, " value:\n");
		vm_hexdump(f, val, shadow, map->value_size);
	}
	free(slots);
	return 0;
}
