// How the VTL runtime represents Velocity's Java objects in JavaScript, and how they print
// (String.valueOf). Integer/Long are JS integers (bigint past 2^53), Double a non-integral number
// or a JavaDouble (1.0), Map a JS Map (LinkedHashMap), List an array; JSON arrays print as JSON.

/** A thrown Java exception (or a broken limit) inside a render; the compiler adds the position. */
export class VtlFault extends Error {
  override name = 'VtlFault';
}

/** A Java Double whose value is integral: prints `1.0`, not `1`. */
export class JavaDouble {
  constructor(readonly value: number) {}
}

/** A java.math.BigDecimal (json-smart's type for floats longer than 18 characters); prints as written. */
export class JavaDecimal {
  constructor(readonly text: string) {}
}

/**
 * A list a template built (literal, range, keySet(), subList()...): a java.util.ArrayList printed
 * `[a, b]`. Plain arrays are JSON arrays (json-smart's JSONArray), which print as compact JSON.
 * AWS: `$input.path` lists print as JSON while template lists and maps print Java-style; test/conformance/vtl/vtl-input.ts
 */
export class JavaList extends Array<unknown> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
}

/** A Java String[] (from split): usable as a list, printed as Java prints arrays. */
export class JavaStringArray extends JavaList {}

/**
 * Copies items into a new template list. hot path (keySet(), values()): a JavaList is sized once
 * and filled by index, because `push` on an Array subclass misses V8's fast path (several times slower).
 */
export function javaList(items: Iterable<unknown> | readonly unknown[]): JavaList {
  const source: readonly unknown[] = Array.isArray(items) ? items : [...items];
  const list = sizedJavaList(source.length);
  for (let i = 0; i < source.length; i++) list[i] = source[i];
  return list;
}

/** A JavaList of `size` empty slots, for the caller to fill by index (all of them). */
export function sizedJavaList(size: number): JavaList {
  return new JavaList(size);
}

/** A Map.Entry from `entrySet()`. */
export class MapEntry {
  constructor(
    readonly key: unknown,
    public value: unknown,
  ) {}
}

/** A host object a template may see ($input, $util, $context, $foreach): it answers by name only. */
export abstract class HostObject {
  /** `$obj.name`; undefined when there is no such property. */
  abstract getProperty(name: string): unknown;
  /** `$obj.name(args)`; NO_SUCH_METHOD when the object has no such method. */
  abstract invoke(name: string, args: unknown[]): unknown;
  /** String.valueOf(obj); undefined when it prints as null. */
  abstract toJavaString(): string | undefined;
  /** What #foreach visits when given this object (undefined: nothing). */
  iterationValues(): readonly unknown[] | undefined {
    return undefined;
  }

  /** True when Velocity's #if would treat the object as null (its toString() is null). */
  printsAsNull(): boolean {
    return false;
  }
  /** `#set($obj.name = value)`; false when the property cannot be set. */
  setProperty(_name: string, _value: unknown): boolean {
    return false;
  }
}

/** Counts the changes a render makes to collections (so untouched JSON can be written natively). */
export interface MutationLog {
  mutations: number;
}

/** Returned by method dispatch when no whitelisted method matches (Velocity then yields null). */
export const NO_SUCH_METHOD: unique symbol = Symbol('no such method');

/** Plain objects are JSON objects (LinkedHashMap); the gateway's own records reach templates only wrapped. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isJavaNumber(value: unknown): value is number | bigint | JavaDouble | JavaDecimal {
  return typeof value === 'number' || typeof value === 'bigint' || value instanceof JavaDouble || value instanceof JavaDecimal;
}

export function isJavaDouble(value: unknown): boolean {
  return (typeof value === 'number' && !Number.isInteger(value)) || value instanceof JavaDouble || value instanceof JavaDecimal;
}

export function isJavaMap(value: unknown): value is Map<unknown, unknown> | Readonly<Record<string, unknown>> {
  return value instanceof Map || isRecord(value);
}

/** The number's value as a JS double. */
export function toDouble(value: number | bigint | JavaDouble | JavaDecimal): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof JavaDouble) return value.value;
  return Number(value.text);
}

/** A Java Double holding `n`. */
export function makeDouble(n: number): number | JavaDouble {
  return Number.isInteger(n) ? new JavaDouble(n) : n;
}

/** `sign` and the digits of `hundredths` / 100 as Double.toString writes them (`9.5`, `0.05`, `3.0`). */
function hundredthsToString(sign: string, hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const fraction = hundredths - whole * 100;
  if (fraction % 10 === 0) return `${sign}${whole}.${fraction / 10}`;
  return `${sign}${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/** Double.toString: `1.0`, `0.001`, `1.0E7`, `1.0E-4`, `NaN`, `Infinity`. */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const hundredths = abs * 100;
    // hot path (prices): the nearest double to a number of hundredths prints those digits (at most 9
    // significant, so no shorter decimal reads back as the same double); String(d) costs 3x more
    if (Number.isInteger(hundredths) && hundredths / 100 === abs) return hundredthsToString(d < 0 ? '-' : '', hundredths);
    const s = String(d);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa = '0', exponent = '0'] = d.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.startsWith('+') ? exponent.slice(1) : exponent}`;
}

/** Map iteration over either representation (JS Map or read-only record). */
export function mapEntries(map: Map<unknown, unknown> | Readonly<Record<string, unknown>>): Iterable<[unknown, unknown]> {
  return map instanceof Map ? map.entries() : Object.entries(map);
}
