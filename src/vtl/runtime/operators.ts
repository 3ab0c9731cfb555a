// VTL operators with Velocity 1.7's semantics: MathUtils arithmetic (Integer/Long/BigInteger
// widening, Double contagion, integer division, null on a zero divisor), `==` comparing numbers by
// value, same-class objects with equals() and anything else by toString(); truthiness of #if.

import { HostObject, isJavaDouble, isJavaMap, isJavaNumber, isRecord, makeDouble, mapEntries, MapEntry, toDouble, type JavaDecimal, type JavaDouble } from './java-values.js';
import { toJavaString } from './print.js';

type JavaNumber = number | bigint | JavaDouble | JavaDecimal;

/** #if truthiness (Velocity 1.7): null is false, a Boolean is itself, any other object is true. */
export function isTruthy(value: unknown): boolean {
  // hot path
  if (value === true) return true;
  if (value === false || value === null || value === undefined) return false;
  return !(value instanceof HostObject && value.printsAsNull());
}

function integerResult(n: number, exact: () => bigint): number | bigint {
  if (Number.isSafeInteger(n)) return n + 0;
  const big = exact();
  const back = Number(big);
  return Number.isSafeInteger(back) ? back : big;
}

function big(n: number | bigint): bigint {
  return typeof n === 'bigint' ? n : BigInt(n);
}

/** `a + b`: string concatenation when either side is a String (a null side prints its source). */
export function add(a: unknown, b: unknown, aSource: string, bSource: string): unknown {
  // hot path
  if (typeof a === 'string' || typeof b === 'string') {
    // AWS: Velocity 1.7 concatenates a null operand as its literal source text; test/conformance/vtl/vtl-operators.ts
    return (toJavaString(a) ?? aSource) + (toJavaString(b) ?? bSource);
  }
  if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b)) {
    return integerResult(a + b, () => big(a) + big(b));
  }
  return arithmetic(a, b, '+');
}

export function arithmetic(a: unknown, b: unknown, op: '+' | '-' | '*' | '/' | '%'): unknown {
  if (!isJavaNumber(a) || !isJavaNumber(b)) return null;
  if (isJavaDouble(a) || isJavaDouble(b)) {
    const x = toDouble(a);
    const y = toDouble(b);
    if ((op === '/' || op === '%') && y === 0) return null;
    switch (op) {
      case '+': return makeDouble(x + y);
      case '-': return makeDouble(x - y);
      case '*': return makeDouble(x * y);
      case '/': return makeDouble(x / y);
      case '%': return makeDouble(x % y);
    }
  }
  const x = a as number | bigint;
  const y = b as number | bigint;
  if ((op === '/' || op === '%') && (y === 0 || y === 0n)) return null;
  if (typeof x === 'number' && typeof y === 'number') {
    switch (op) {
      case '+': return integerResult(x + y, () => big(x) + big(y));
      case '-': return integerResult(x - y, () => big(x) - big(y));
      case '*': return integerResult(x * y, () => big(x) * big(y));
      case '/': return Math.abs(x) < 2 ** 31 && Math.abs(y) < 2 ** 31 ? Math.trunc(x / y) + 0 : narrow(big(x) / big(y));
      case '%': return (x % y) + 0;
    }
  }
  const bx = big(x);
  const by = big(y);
  switch (op) {
    case '+': return narrow(bx + by);
    case '-': return narrow(bx - by);
    case '*': return narrow(bx * by);
    case '/': return narrow(bx / by);
    case '%': return narrow(bx % by);
  }
}

function narrow(n: bigint): number | bigint {
  const back = Number(n);
  return Number.isSafeInteger(back) ? back : n;
}

/** Compares two Java numbers by value (MathUtils.compare). */
export function compareNumbers(a: JavaNumber, b: JavaNumber): number {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    if (!isJavaDouble(a) && !isJavaDouble(b)) {
      const x = a as number | bigint;
      const y = b as number | bigint;
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
  const x = toDouble(a);
  const y = toDouble(b);
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
}

/** `<`, `<=`, `>`, `>=`: false unless both sides are numbers. */
export function relational(a: unknown, b: unknown, op: '<' | '<=' | '>' | '>='): boolean {
  if (!isJavaNumber(a) || !isJavaNumber(b)) return false;
  const c = compareNumbers(a, b);
  switch (op) {
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
  }
}

/** The Java class family used by `==`'s isAssignableFrom test. */
function javaClass(value: unknown): string {
  switch (typeof value) {
    case 'string': return 'String';
    case 'boolean': return 'Boolean';
    case 'object':
      if (Array.isArray(value)) return 'List';
      if (value instanceof Map || isRecord(value)) return 'Map';
      if (value instanceof MapEntry) return 'Entry';
      return 'Object';
    default: return 'Other';
  }
}

/** Velocity 1.7 `==`. */
export function velocityEquals(a: unknown, b: unknown): boolean {
  // hot path
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (isJavaNumber(a) && isJavaNumber(b)) return compareNumbers(a, b) === 0;
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (!aNull && !bNull && javaClass(a) === javaClass(b) && javaClass(a) !== 'Object') return javaEquals(a, b);
  // AWS: a null reference compares equal to both $null and ""; test/conformance/vtl/vtl-operators.ts (reference §3.1)
  const left = aNull ? '' : toJavaString(a);
  const right = bNull ? '' : toJavaString(b);
  return left === right;
}

/** Java's Object.equals for VTL values. */
export function javaEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (isJavaNumber(a) && isJavaNumber(b)) return isJavaDouble(a) === isJavaDouble(b) && compareNumbers(a, b) === 0;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => javaEquals(item, b[i]));
  if (isJavaMap(a) && isJavaMap(b)) {
    const left = [...mapEntries(a)];
    const right = new Map(mapEntries(b));
    return left.length === right.size && left.every(([k, v]) => right.has(k) && javaEquals(v, right.get(k)));
  }
  if (a instanceof MapEntry && b instanceof MapEntry) return javaEquals(a.key, b.key) && javaEquals(a.value, b.value);
  return false;
}
