// Property, method and index access on VTL values — the only way a template reaches an object.
// Calls dispatch by name to whitelisted Java-like methods and host objects; nothing reaches a JS
// prototype, constructor or global. Velocity 1.7's rules: `$map.x` is get("x"), `$s.empty` isEmpty().

import { invokeEntryMethod, invokeListMethod, invokeMapMethod, mapGet, mapPut } from './collection-methods.js';
import { ArgumentMismatch, indexOutOfBounds, withArgs } from './java-args.js';
import type { RegexCache } from './java-regex.js';
import { HostObject, isJavaNumber, isRecord, MapEntry, NO_SUCH_METHOD, type MutationLog } from './java-values.js';
import { javaEquals } from './operators.js';
import { toJavaString } from './print.js';
import { invokeNumberMethod, invokeStringMethod } from './string-methods.js';

/** `$target.name`: Velocity tries getName(), then get("name") on maps, then isName(). */
export function getProperty(target: unknown, name: string): unknown {
  // hot path
  if (typeof target !== 'object' || target === null) {
    if (typeof target === 'string' && name === 'empty') return target.length === 0;
    return null;
  }
  const proto: unknown = Object.getPrototypeOf(target);
  if (proto === Object.prototype || proto === null) {
    // JSON objects: an own value, never an inherited member (those are all functions, or __proto__).
    const value = (target as Record<string, unknown>)[name];
    if (value === undefined) return null;
    if (typeof value === 'function' || name === '__proto__') return Object.hasOwn(target, name) ? value : null;
    return value;
  }
  if (target instanceof HostObject) return target.getProperty(name) ?? null;
  if (Array.isArray(target)) return name === 'empty' ? target.length === 0 : null;
  if (target instanceof Map) return target.get(name) ?? null;
  if (target instanceof MapEntry) return name === 'key' ? target.key : name === 'value' ? target.value : null;
  if (isRecord(target)) return Object.hasOwn(target, name) ? (target[name] ?? null) : null;
  return null;
}

/** `$target.name(args)`: null when no whitelisted method matches (Velocity logs and yields null). */
export function invokeMethod(target: unknown, name: string, args: unknown[], regex: RegexCache, log: MutationLog): unknown {
  // hot path
  if (target === null || target === undefined) return null;
  let result: unknown;
  try {
    if (typeof target === 'string') result = invokeStringMethod(target, name, args, regex);
    else if (target instanceof HostObject) result = target.invoke(name, args);
    else if (Array.isArray(target)) result = invokeListMethod(target, name, args, log);
    else if (target instanceof Map || isRecord(target)) result = invokeMapMethod(target, name, args, log);
    else if (isJavaNumber(target)) result = invokeNumberMethod(target, name, args);
    else if (typeof target === 'boolean') result = invokeBooleanMethod(target, name, args);
    else if (target instanceof MapEntry) result = invokeEntryMethod(target, name, args);
    else result = NO_SUCH_METHOD;
  } catch (error) {
    if (error instanceof ArgumentMismatch) return null;
    throw error;
  }
  return result === NO_SUCH_METHOD || result === undefined ? null : result;
}

function invokeBooleanMethod(b: boolean, name: string, args: unknown[]): unknown {
  if (name === 'booleanValue' && args.length === 0) return b;
  if (name === 'toString' && args.length === 0) return String(b);
  if (name === 'equals' && args.length === 1) return javaEquals(b, args[0]);
  return NO_SUCH_METHOD;
}

/** `$target[index]` (Velocity 1.7 ASTIndex): lists take an int (negative counts from the end), maps get(key). */
export function getIndex(target: unknown, index: unknown): unknown {
  if (target === null || target === undefined) return null;
  if (Array.isArray(target)) {
    if (typeof index !== 'number' || !Number.isInteger(index)) return null;
    const i = index < 0 ? target.length + index : index;
    if (i < 0 || i >= target.length) throw indexOutOfBounds('List', index, target.length);
    return target[i] ?? null;
  }
  if (target instanceof Map || isRecord(target)) return mapGet(target, index) ?? null;
  if (target instanceof HostObject) {
    const result = withArgs(() => target.invoke('get', [index]));
    return result === NO_SUCH_METHOD || result === undefined ? null : result;
  }
  return null;
}

/** `#set($target.name = value)`: put on maps and host objects; anything else is silently ignored. */
export function setProperty(target: unknown, name: string, value: unknown, log: MutationLog): void {
  if (target instanceof HostObject) target.setProperty(name, value);
  else if (target instanceof Map || isRecord(target)) mapPut(target, name, value, log);
}

/** `#set($target[index] = value)`: List.set or Map.put. */
export function setIndex(target: unknown, index: unknown, value: unknown, log: MutationLog): void {
  if (Array.isArray(target)) {
    if (typeof index !== 'number' || !Number.isInteger(index)) return;
    const i = index < 0 ? target.length + index : index;
    if (i < 0 || i >= target.length) throw indexOutOfBounds('List', index, target.length);
    log.mutations++;
    target[i] = value;
  } else if (target instanceof HostObject) target.setProperty(toJavaString(index) ?? 'null', value);
  else if (target instanceof Map || isRecord(target)) mapPut(target, index, value, log);
}
