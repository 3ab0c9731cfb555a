// java.util.List / Map / Map.Entry methods a template may call, with Java's return values
// (`add` returns true, `put` the previous value, `keySet()` a collection printed `[a, b]`).
// A null MutationLog means a read-only view (the gateway's own records).

import { arity, checkedSize, indexOutOfBounds, intArg, mismatch } from './java-args.js';
import { isJavaMap, JavaList, javaList, JavaStringArray, MapEntry, NO_SUCH_METHOD, sizedJavaList, VtlFault, type MutationLog } from './java-values.js';
import { javaEquals } from './operators.js';
import { toJavaString } from './print.js';

type JavaMap = Map<unknown, unknown> | Readonly<Record<string, unknown>>;

function listIndex(list: unknown[], value: unknown): number {
  for (let i = 0; i < list.length; i++) if (javaEquals(list[i], value)) return i;
  return -1;
}

function checkIndex(list: unknown[], index: number, inclusiveEnd = false): void {
  if (index < 0 || index > list.length || (!inclusiveEnd && index === list.length)) throw indexOutOfBounds('List', index, list.length);
}

function mutable(list: unknown[], log: MutationLog): unknown[] {
  if (list instanceof JavaStringArray) throw new VtlFault('java.lang.UnsupportedOperationException');
  log.mutations++;
  return list;
}

function collectionArg(value: unknown): unknown[] {
  if (Array.isArray(value)) return value as unknown[];
  if (value === null || value === undefined) throw new VtlFault('java.lang.NullPointerException');
  return mismatch();
}

export function invokeListMethod(list: unknown[], name: string, a: unknown[], log: MutationLog): unknown {
  switch (name) {
    case 'size': arity(a, 0); return list.length;
    // AWS: "$input.path('$.pets').count() would return 3" (only lists from the payload); test/conformance/vtl/vtl-collections.ts
    case 'count': arity(a, 0); return list instanceof JavaList ? NO_SUCH_METHOD : list.length;
    case 'isEmpty': arity(a, 0); return list.length === 0;
    case 'get': {
      arity(a, 1);
      const i = intArg(a[0]);
      checkIndex(list, i);
      return list[i];
    }
    case 'contains': arity(a, 1); return listIndex(list, a[0]) >= 0;
    case 'containsAll': arity(a, 1); return collectionArg(a[0]).every((item) => listIndex(list, item) >= 0);
    case 'indexOf': arity(a, 1); return listIndex(list, a[0]);
    case 'lastIndexOf': {
      arity(a, 1);
      for (let i = list.length - 1; i >= 0; i--) if (javaEquals(list[i], a[0])) return i;
      return -1;
    }
    case 'add':
      arity(a, 1, 2);
      checkedSize(list.length + 1);
      if (a.length === 1) {
        mutable(list, log).push(a[0]);
        return true;
      } else {
        const i = intArg(a[0]);
        checkIndex(list, i, true);
        mutable(list, log).splice(i, 0, a[1]);
        return null;
      }
    case 'addAll': {
      arity(a, 1);
      const items = collectionArg(a[0]);
      checkedSize(list.length + items.length);
      mutable(list, log).push(...items);
      return items.length > 0;
    }
    case 'set': {
      arity(a, 2);
      const i = intArg(a[0]);
      checkIndex(list, i);
      const previous = list[i];
      mutable(list, log)[i] = a[1];
      return previous;
    }
    case 'remove': {
      arity(a, 1);
      if (typeof a[0] === 'number' && Number.isInteger(a[0])) {
        const i = intArg(a[0]);
        checkIndex(list, i);
        return mutable(list, log).splice(i, 1)[0];
      }
      const i = listIndex(list, a[0]);
      if (i >= 0) mutable(list, log).splice(i, 1);
      return i >= 0;
    }
    case 'clear': arity(a, 0); mutable(list, log).length = 0; return null;
    case 'subList': {
      arity(a, 2);
      const from = intArg(a[0]);
      const to = intArg(a[1]);
      if (from < 0 || to > list.length || from > to) throw indexOutOfBounds('List', from < 0 ? from : to, list.length);
      return javaList(list.slice(from, to));
    }
    case 'equals': arity(a, 1); return javaEquals(list, a[0]);
    case 'toString': arity(a, 0); return toJavaString(list);
    default: return NO_SUCH_METHOD;
  }
}

function readOnly(): never {
  throw new VtlFault('java.lang.UnsupportedOperationException: this map is read-only');
}

/** Java Map.get: plain objects answer own properties only; Maps use SameValueZero. */
export function mapGet(map: JavaMap, key: unknown): unknown {
  // hot path
  if (map instanceof Map) return map.get(key);
  return typeof key === 'string' && Object.hasOwn(map, key) ? map[key] : undefined;
}

export function mapHas(map: JavaMap, key: unknown): boolean {
  if (map instanceof Map) return map.has(key);
  return typeof key === 'string' && Object.hasOwn(map, key);
}

export function mapSize(map: JavaMap): number {
  return map instanceof Map ? map.size : Object.keys(map).length;
}

/** Map.put on either representation (a plain object keeps insertion order except for integer-like keys). */
export function mapPut(map: JavaMap, key: unknown, value: unknown, log: MutationLog): unknown {
  const previous = mapGet(map, key);
  if (!mapHas(map, key)) checkedSize(mapSize(map) + 1);
  log.mutations++;
  if (map instanceof Map) map.set(key, value);
  else Object.defineProperty(map, toJavaString(key) ?? 'null', { value, writable: true, enumerable: true, configurable: true });
  return previous ?? null;
}

function mapRemove(map: JavaMap, key: unknown, log: MutationLog): unknown {
  const previous = mapGet(map, key);
  log.mutations++;
  if (map instanceof Map) map.delete(key);
  else if (typeof key === 'string' && Object.hasOwn(map, key)) delete (map as Record<string, unknown>)[key];
  return previous ?? null;
}

function keys(map: JavaMap): unknown[] {
  return javaList(map instanceof Map ? map.keys() : Object.keys(map));
}

function values(map: JavaMap): unknown[] {
  return javaList(map instanceof Map ? map.values() : Object.values(map));
}

/** Map methods; `log` undefined makes the map read-only. */
export function invokeMapMethod(map: JavaMap, name: string, a: unknown[], log: MutationLog | undefined): unknown {
  switch (name) {
    case 'get': arity(a, 1); return mapGet(map, a[0]) ?? null;
    case 'getOrDefault': arity(a, 2); return mapHas(map, a[0]) ? mapGet(map, a[0]) : a[1];
    case 'containsKey': arity(a, 1); return mapHas(map, a[0]);
    case 'containsValue': arity(a, 1); return (map instanceof Map ? [...map.values()] : Object.values(map)).some((v) => javaEquals(v, a[0]));
    case 'put': arity(a, 2); return mapPut(map, a[0], a[1], log ?? readOnly());
    case 'putAll': {
      arity(a, 1);
      const source = a[0];
      if (!isJavaMap(source)) return mismatch();
      const target = log ?? readOnly();
      for (const [k, v] of source instanceof Map ? [...source.entries()] : Object.entries(source)) mapPut(map, k, v, target);
      return null;
    }
    case 'remove': arity(a, 1); return mapRemove(map, a[0], log ?? readOnly());
    case 'clear': {
      arity(a, 0);
      const target = log ?? readOnly();
      for (const k of map instanceof Map ? [...map.keys()] : Object.keys(map)) mapRemove(map, k, target);
      return null;
    }
    case 'keySet': arity(a, 0); return keys(map);
    case 'values': arity(a, 0); return values(map);
    case 'entrySet': {
      arity(a, 0);
      const keys = map instanceof Map ? [...map.keys()] : Object.keys(map);
      const entries = sizedJavaList(keys.length);
      for (let i = 0; i < keys.length; i++) entries[i] = new MapEntry(keys[i], mapGet(map, keys[i]));
      return entries;
    }
    case 'size': arity(a, 0); return mapSize(map);
    case 'isEmpty': arity(a, 0); return mapSize(map) === 0;
    case 'equals': arity(a, 1); return javaEquals(map, a[0]);
    case 'toString': arity(a, 0); return toJavaString(map);
    default: return NO_SUCH_METHOD;
  }
}

export function invokeEntryMethod(entry: MapEntry, name: string, a: unknown[]): unknown {
  switch (name) {
    case 'getKey': arity(a, 0); return entry.key;
    case 'getValue': arity(a, 0); return entry.value;
    case 'setValue': {
      arity(a, 1);
      const previous = entry.value;
      entry.value = a[0];
      return previous;
    }
    case 'toString': arity(a, 0); return toJavaString(entry);
    case 'equals': arity(a, 1); return javaEquals(entry, a[0]);
    default: return NO_SUCH_METHOD;
  }
}

