// Jayway JsonPath filter expressions (`[?(@.price < 10 && @.tag == 'a')]`), compiled once to a
// predicate: relative `@` and root `$` paths, literals, /regex/ (full match), &&, ||, !, and the
// operators ==, !=, <, <=, >, >=, =~, in, nin, subsetof, anyof, noneof, size, empty.

import { compileJavaRegex } from './java-regex.js';
import { isJavaNumber, VtlFault } from './java-values.js';
import { compileJsonPath, evaluateJsonPath, invalidPath, matchingParen, MISSING } from './jsonpath.js';
import { compareNumbers, javaEquals } from './operators.js';

export type FilterPredicate = (node: unknown, root: unknown) => boolean;
type Operand = (node: unknown, root: unknown) => unknown;

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '=~', ' in ', ' nin ', ' subsetof ', ' anyof ', ' noneof ', ' size ', ' empty '];

export function compileFilter(source: string, path: string): FilterPredicate {
  return parseOr(source.trim(), path);
}

/** Splits `source` at top-level occurrences of `separator` (outside quotes, brackets and parens). */
function splitTopLevel(source: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '/' && depth === 0 && /=~\s*$/.test(source.slice(start, i))) quote = '/';
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && source.startsWith(separator, i)) {
      parts.push(source.slice(start, i));
      i += separator.length - 1;
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

function parseOr(source: string, path: string): FilterPredicate {
  const parts = splitTopLevel(source, '||').map((p) => parseAnd(p.trim(), path));
  return parts.length === 1 ? (parts[0] as FilterPredicate) : (n, r) => parts.some((p) => p(n, r));
}

function parseAnd(source: string, path: string): FilterPredicate {
  const parts = splitTopLevel(source, '&&').map((p) => parseUnary(p.trim(), path));
  return parts.length === 1 ? (parts[0] as FilterPredicate) : (n, r) => parts.every((p) => p(n, r));
}

function parseUnary(source: string, path: string): FilterPredicate {
  if (source.startsWith('!')) {
    const inner = parseUnary(source.slice(1).trim(), path);
    return (n, r) => !inner(n, r);
  }
  if (source.startsWith('(') && matchingParen(source, 0, path) === source.length - 1) return parseOr(source.slice(1, -1).trim(), path);
  for (const op of OPERATORS) {
    const parts = splitTopLevel(source, op);
    if (parts.length === 2) return comparison(operand(parts[0]?.trim() ?? '', path), op.trim(), operand(parts[1]?.trim() ?? '', path), path);
  }
  const exists = operand(source, path);
  return (n, r) => {
    const v = exists(n, r);
    return v !== MISSING;
  };
}

function operand(source: string, path: string): Operand {
  if (source.startsWith('@') || source.startsWith('$')) {
    const compiled = compileJsonPath(source);
    const relative = source.startsWith('@');
    return (n, r) => evaluateJsonPath(compiled, relative ? n : r);
  }
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(source)) {
    const n = Number(source);
    return () => n;
  }
  if ((source.startsWith("'") && source.endsWith("'")) || (source.startsWith('"') && source.endsWith('"'))) {
    const s = source.slice(1, -1).replace(/\\(.)/g, '$1');
    return () => s;
  }
  if (source === 'true' || source === 'false') {
    const b = source === 'true';
    return () => b;
  }
  if (source === 'null') return () => null;
  if (source.startsWith('/')) {
    const end = source.lastIndexOf('/');
    const flags = source.slice(end + 1);
    const regex = compileJavaRegex(`${flags.includes('i') ? '(?i)' : ''}${source.slice(1, end)}`);
    return () => regex;
  }
  if (source.startsWith('[') && source.endsWith(']')) {
    const items = source.slice(1, -1).trim() === '' ? [] : splitTopLevel(source.slice(1, -1), ',').map((s) => operand(s.trim(), path));
    return (n, r) => items.map((item) => item(n, r));
  }
  throw invalidPath(`Could not parse filter operand "${source}"`, path);
}

function filterEquals(a: unknown, b: unknown): boolean {
  if (isJavaNumber(a) && isJavaNumber(b)) return compareNumbers(a, b) === 0;
  if (a === null || b === null) return a === b;
  return javaEquals(a, b);
}

function compare(a: unknown, b: unknown): number | undefined {
  if (isJavaNumber(a) && isJavaNumber(b)) return compareNumbers(a, b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function asList(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? (value as unknown[]) : undefined;
}

function comparison(left: Operand, op: string, right: Operand, path: string): FilterPredicate {
  return (n, r) => {
    const a = left(n, r);
    const b = right(n, r);
    if (a === MISSING) return op === '!=';
    switch (op) {
      case '==': return b !== MISSING && filterEquals(a, b);
      case '!=': return b === MISSING || !filterEquals(a, b);
      case '<': { const c = compare(a, b); return c !== undefined && c < 0; }
      case '<=': { const c = compare(a, b); return c !== undefined && c <= 0; }
      case '>': { const c = compare(a, b); return c !== undefined && c > 0; }
      case '>=': { const c = compare(a, b); return c !== undefined && c >= 0; }
      case '=~':
        if (typeof a !== 'string' || typeof b !== 'object' || b === null || !('full' in b)) return false;
        return (b as { full: RegExp }).full.test(a);
      case 'in': return asList(b)?.some((x) => filterEquals(a, x)) ?? false;
      case 'nin': return !(asList(b)?.some((x) => filterEquals(a, x)) ?? false);
      case 'subsetof': { const xs = asList(a); const ys = asList(b); return xs !== undefined && ys !== undefined && xs.every((x) => ys.some((y) => filterEquals(x, y))); }
      case 'anyof': { const xs = asList(a); const ys = asList(b); return xs !== undefined && ys !== undefined && xs.some((x) => ys.some((y) => filterEquals(x, y))); }
      case 'noneof': { const xs = asList(a); const ys = asList(b); return xs !== undefined && ys !== undefined && !xs.some((x) => ys.some((y) => filterEquals(x, y))); }
      case 'size': {
        const size = Array.isArray(a) ? a.length : typeof a === 'string' ? a.length : undefined;
        return size !== undefined && isJavaNumber(b) && compareNumbers(size, b) === 0;
      }
      case 'empty': {
        const empty = Array.isArray(a) ? a.length === 0 : typeof a === 'string' ? a.length === 0 : undefined;
        return empty !== undefined && b === empty;
      }
      default: throw new VtlFault(`Unsupported filter operator ${op} in path ${path}`);
    }
  };
}
