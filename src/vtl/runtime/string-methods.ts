// java.lang.String methods a template may call (Java 8's set), with Java's semantics: regex
// methods use java.util.regex rules, split drops trailing empty strings, trim strips chars <= ' ',
// out-of-range indexes throw StringIndexOutOfBoundsException.

import { arity, checkedString, indexOutOfBounds, intArg, mismatch, stringArg } from './java-args.js';
import { javaReplace, javaSplit, type RegexCache } from './java-regex.js';
import { isJavaNumber, JavaStringArray, makeDouble, NO_SUCH_METHOD, toDouble, VtlFault, type JavaDecimal, type JavaDouble } from './java-values.js';
import { compareNumbers, javaEquals } from './operators.js';
import { toJavaString } from './print.js';

type StringMethod = (s: string, args: unknown[], regex: RegexCache) => unknown;

function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && s.charCodeAt(end - 1) <= 32) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function searchArg(value: unknown): string {
  if (typeof value === 'number') return String.fromCodePoint(intArg(value));
  return stringArg(value);
}

function parseJavaInt(s: unknown, radix = 10): number {
  const text = stringArg(s);
  const valid = radix === 10 ? /^[+-]?\d+$/ : /^[+-]?[0-9a-zA-Z]+$/;
  const n = parseInt(text, radix);
  if (!valid.test(text) || Number.isNaN(n) || n > 2147483647 || n < -2147483648) {
    throw new VtlFault(`java.lang.NumberFormatException: For input string: "${text}"`);
  }
  return n + 0;
}

const METHODS = new Map<string, StringMethod>([
  ['length', (s, a) => (arity(a, 0), s.length)],
  ['isEmpty', (s, a) => (arity(a, 0), s.length === 0)],
  ['charAt', (s, a) => {
    arity(a, 1);
    const i = intArg(a[0]);
    if (i < 0 || i >= s.length) throw indexOutOfBounds('String', i, s.length);
    return s[i];
  }],
  ['codePointAt', (s, a) => {
    arity(a, 1);
    const i = intArg(a[0]);
    if (i < 0 || i >= s.length) throw indexOutOfBounds('String', i, s.length);
    return s.codePointAt(i);
  }],
  ['substring', (s, a) => {
    arity(a, 1, 2);
    const begin = intArg(a[0]);
    const end = a.length === 2 ? intArg(a[1]) : s.length;
    if (begin < 0) throw indexOutOfBounds('String', begin, s.length);
    if (end > s.length) throw indexOutOfBounds('String', end, s.length);
    if (end - begin < 0) throw indexOutOfBounds('String', end - begin, s.length);
    return s.slice(begin, end);
  }],
  ['indexOf', (s, a) => {
    arity(a, 1, 2);
    const from = a.length === 2 ? Math.max(0, intArg(a[1])) : 0;
    return s.indexOf(searchArg(a[0]), from);
  }],
  ['lastIndexOf', (s, a) => {
    arity(a, 1, 2);
    const needle = searchArg(a[0]);
    if (a.length === 1) return s.lastIndexOf(needle);
    const from = intArg(a[1]);
    return from < 0 ? -1 : s.lastIndexOf(needle, from);
  }],
  ['contains', (s, a) => (arity(a, 1), s.includes(stringArg(a[0])))],
  ['startsWith', (s, a) => {
    arity(a, 1, 2);
    const prefix = stringArg(a[0]);
    const offset = a.length === 2 ? intArg(a[1]) : 0;
    return offset >= 0 && offset <= s.length && s.startsWith(prefix, offset);
  }],
  ['endsWith', (s, a) => (arity(a, 1), s.endsWith(stringArg(a[0])))],
  ['equals', (s, a) => (arity(a, 1), javaEquals(s, a[0]))],
  ['equalsIgnoreCase', (s, a) => {
    arity(a, 1);
    const other = a[0];
    if (typeof other !== 'string') return false;
    return s.length === other.length && (s === other || s.toUpperCase() === other.toUpperCase() || s.toLowerCase() === other.toLowerCase());
  }],
  ['compareTo', (s, a) => (arity(a, 1), compareStrings(s, stringArg(a[0])))],
  ['compareToIgnoreCase', (s, a) => (arity(a, 1), compareStrings(s.toUpperCase().toLowerCase(), stringArg(a[0]).toUpperCase().toLowerCase()))],
  ['concat', (s, a) => (arity(a, 1), checkedString(s + stringArg(a[0])))],
  ['trim', (s, a) => (arity(a, 0), javaTrim(s))],
  ['toLowerCase', (s, a) => (arity(a, 0), s.toLowerCase())],
  ['toUpperCase', (s, a) => (arity(a, 0), s.toUpperCase())],
  ['toString', (s, a) => (arity(a, 0), s)],
  ['intern', (s, a) => (arity(a, 0), s)],
  ['hashCode', (s, a) => (arity(a, 0), javaStringHash(s))],
  ['replace', (s, a) => {
    arity(a, 2);
    const target = stringArg(a[0]);
    const replacement = stringArg(a[1]);
    return checkedString(s.replaceAll(target, () => replacement));
  }],
  ['replaceAll', (s, a, regex) => (arity(a, 2), checkedString(javaReplace(s, regex.get(stringArg(a[0])), stringArg(a[1]), false)))],
  ['replaceFirst', (s, a, regex) => (arity(a, 2), checkedString(javaReplace(s, regex.get(stringArg(a[0])), stringArg(a[1]), true)))],
  ['matches', (s, a, regex) => (arity(a, 1), regex.get(stringArg(a[0])).full.test(s))],
  ['split', (s, a, regex) => {
    arity(a, 1, 2);
    const parts = javaSplit(s, regex.get(stringArg(a[0])), a.length === 2 ? intArg(a[1]) : 0);
    const array = new JavaStringArray();
    for (const part of parts) array.push(part);
    return array;
  }],
  // Static methods Velocity lets a template call through any String instance.
  ['valueOf', (_s, a) => (arity(a, 1), toJavaString(a[0]) ?? 'null')],
  ['join', (_s, a) => {
    if (a.length < 1) mismatch();
    const delimiter = stringArg(a[0]);
    const rest = a.slice(1);
    const items = rest.length === 1 && Array.isArray(rest[0]) ? (rest[0] as unknown[]) : rest;
    return checkedString(items.map((item) => toJavaString(item) ?? 'null').join(delimiter));
  }],
]);

export function invokeStringMethod(s: string, name: string, args: unknown[], regex: RegexCache): unknown {
  const method = METHODS.get(name);
  return method === undefined ? NO_SUCH_METHOD : method(s, args, regex);
}

/** Integer/Long/Double methods, including the static parsers reachable through an instance. */
export function invokeNumberMethod(n: number | bigint | JavaDouble | JavaDecimal, name: string, args: unknown[]): unknown {
  switch (name) {
    case 'toString':
      arity(args, 0);
      return toJavaString(n);
    case 'equals':
      arity(args, 1);
      return javaEquals(n, args[0]);
    case 'compareTo':
      arity(args, 1);
      if (!isJavaNumber(args[0])) mismatch();
      return compareNumbers(n, args[0]);
    case 'intValue':
    case 'longValue': {
      arity(args, 0);
      const d = typeof n === 'bigint' ? n : Math.trunc(toDouble(n));
      if (name === 'intValue') return typeof d === 'bigint' ? Number(BigInt.asIntN(32, d)) : d | 0;
      return typeof d === 'number' && !Number.isSafeInteger(d) ? BigInt(d) : d;
    }
    case 'doubleValue':
    case 'floatValue':
      arity(args, 0);
      return makeDouble(toDouble(n));
    case 'isNaN':
      arity(args, 0);
      return Number.isNaN(toDouble(n));
    case 'isInfinite':
      arity(args, 0);
      return !Number.isFinite(toDouble(n)) && !Number.isNaN(toDouble(n));
    case 'parseInt':
    case 'valueOf':
      arity(args, 1, 2);
      return parseJavaInt(args[0], args.length === 2 ? intArg(args[1]) : 10);
    case 'parseLong': {
      arity(args, 1);
      const text = stringArg(args[0]);
      if (!/^[+-]?\d+$/.test(text)) throw new VtlFault(`java.lang.NumberFormatException: For input string: "${text}"`);
      const big = BigInt(text);
      return Number.isSafeInteger(Number(big)) ? Number(big) : big;
    }
    case 'parseDouble': {
      arity(args, 1);
      const text = stringArg(args[0]).trim();
      const d = Number(text);
      if (text === '' || (Number.isNaN(d) && text !== 'NaN')) throw new VtlFault(`java.lang.NumberFormatException: For input string: "${text}"`);
      return makeDouble(d);
    }
    default:
      return NO_SUCH_METHOD;
  }
}
