// JSONPath as Jayway JsonPath evaluates it for $input.path/$input.json: `$`, `.a`, `['a']`, `[0]`,
// `[-1]`, `[0,2]`, `[1:3]`, `[*]`, `..`, filters `[?(...)]` and trailing functions (`length()`).
// A definite path yields one value (MISSING when absent); an indefinite one a JSON list.

import { isJavaMap, VtlFault } from './java-values.js';
import { mapGet, mapHas } from './collection-methods.js';
import { compileFilter, type FilterPredicate } from './jsonpath-filter.js';
import { applyPathFunction, PATH_FUNCTIONS } from './jsonpath-functions.js';

export const MISSING: unique symbol = Symbol('missing');

export type PathStep =
  | { t: 'prop'; names: string[] }
  | { t: 'index'; indexes: number[] }
  | { t: 'slice'; from: number | undefined; to: number | undefined }
  | { t: 'wild' }
  | { t: 'filter'; predicate: FilterPredicate }
  | { t: 'scan'; inner: PathStep };

export interface CompiledJsonPath {
  steps: PathStep[];
  definite: boolean;
  fn: string | undefined;
}

export function invalidPath(message: string, path: string): VtlFault {
  return new VtlFault(`com.jayway.jsonpath.InvalidPathException: ${message} in path ${path}`);
}

/** Compiles a Jayway path; a path not starting with `$` or `@` is read as `$.path`. */
export function compileJsonPath(input: string): CompiledJsonPath {
  let path = input.trim();
  if (path === '') throw invalidPath('Path may not be empty', input);
  if (!path.startsWith('$') && !path.startsWith('@')) path = path.startsWith('[') ? `$${path}` : `$.${path}`;
  const steps: PathStep[] = [];
  let fn: string | undefined;
  let i = 1;
  while (i < path.length) {
    if (fn !== undefined) throw invalidPath('A function must be the last element', input);
    const c = path[i];
    if (c === '.') {
      const deep = path[i + 1] === '.';
      i += deep ? 2 : 1;
      let step: PathStep;
      if (path[i] === '[') {
        [step, i] = readBracket(path, i, input);
      } else if (path[i] === '*') {
        step = { t: 'wild' };
        i++;
      } else {
        let end = i;
        while (end < path.length && !'.[( '.includes(path[end] ?? '')) end++;
        const name = path.slice(i, end);
        if (name === '') throw invalidPath('Path must not end with a \'.\' or \'..\'', input);
        i = end;
        if (path[i] === '(') {
          if (path[i + 1] !== ')' || deep || !PATH_FUNCTIONS.has(name)) throw invalidPath(`Function of name: ${name} cannot be created`, input);
          fn = name;
          i += 2;
          continue;
        }
        step = { t: 'prop', names: [name] };
      }
      steps.push(deep ? { t: 'scan', inner: step } : step);
    } else if (c === '[') {
      let step: PathStep;
      [step, i] = readBracket(path, i, input);
      steps.push(step);
    } else if (c === ' ') i++;
    else throw invalidPath(`Could not parse token starting at position ${i}`, input);
  }
  const definite = steps.every((s) => (s.t === 'prop') || (s.t === 'index' && s.indexes.length === 1));
  return { steps, definite, fn };
}

function readBracket(path: string, start: number, input: string): [PathStep, number] {
  let i = start + 1;
  while (path[i] === ' ') i++;
  if (path[i] === '*') {
    const close = path.indexOf(']', i);
    if (close < 0) throw invalidPath('Unclosed bracket', input);
    return [{ t: 'wild' }, close + 1];
  }
  if (path[i] === '?') {
    if (path[i + 1] !== '(') throw invalidPath('Filter must start with "?("', input);
    const end = matchingParen(path, i + 1, input);
    let close = end + 1;
    while (path[close] === ' ') close++;
    if (path[close] !== ']') throw invalidPath('Filter must end with ")]"', input);
    return [{ t: 'filter', predicate: compileFilter(path.slice(i + 2, end), input) }, close + 1];
  }
  if (path[i] === "'" || path[i] === '"') {
    const names: string[] = [];
    for (;;) {
      const quote = path[i] ?? '';
      let j = i + 1;
      let name = '';
      while (j < path.length && path[j] !== quote) {
        if (path[j] === '\\' && j + 1 < path.length) j++;
        name += path[j];
        j++;
      }
      if (j >= path.length) throw invalidPath('Property has not been closed - missing closing quote', input);
      names.push(name);
      i = j + 1;
      while (path[i] === ' ') i++;
      if (path[i] === ']') return [{ t: 'prop', names }, i + 1];
      if (path[i] !== ',') throw invalidPath('Expected "," or "]" after a property', input);
      i++;
      while (path[i] === ' ') i++;
    }
  }
  const close = path.indexOf(']', i);
  if (close < 0) throw invalidPath('Unclosed bracket', input);
  const body = path.slice(i, close).replace(/\s+/g, '');
  if (body.includes(':')) {
    const m = /^(-?\d+)?:(-?\d+)?$/.exec(body);
    if (m === null) throw invalidPath(`Failed to parse SliceOperation: ${body}`, input);
    return [{ t: 'slice', from: m[1] === undefined ? undefined : Number(m[1]), to: m[2] === undefined ? undefined : Number(m[2]) }, close + 1];
  }
  if (!/^-?\d+(,-?\d+)*$/.test(body)) throw invalidPath(`Could not parse token "${body}"`, input);
  return [{ t: 'index', indexes: body.split(',').map(Number) }, close + 1];
}

export function matchingParen(path: string, open: number, input: string): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < path.length; i++) {
    const c = path[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw invalidPath('Unclosed parenthesis', input);
}

function children(node: unknown): unknown[] {
  if (Array.isArray(node)) return node as unknown[];
  if (node instanceof Map) return [...node.values()];
  if (isJavaMap(node)) return Object.values(node);
  return [];
}

function applyStep(step: PathStep, node: unknown, out: unknown[], root: unknown, leaf: boolean): void {
  // hot path
  switch (step.t) {
    case 'prop':
      if (!isJavaMap(node)) return;
      if (step.names.length === 1) {
        const name = step.names[0] ?? '';
        if (mapHas(node, name)) out.push(mapGet(node, name));
      } else if (leaf) {
        const merged = new Map<string, unknown>();
        for (const name of step.names) if (mapHas(node, name)) merged.set(name, mapGet(node, name));
        out.push(merged);
      } else for (const name of step.names) if (mapHas(node, name)) out.push(mapGet(node, name));
      return;
    case 'index':
      if (!Array.isArray(node)) return;
      for (const index of step.indexes) {
        const i = index < 0 ? node.length + index : index;
        if (i >= 0 && i < node.length) out.push(node[i]);
      }
      return;
    case 'slice': {
      if (!Array.isArray(node)) return;
      const len = node.length;
      let from = step.from ?? 0;
      let to = step.to ?? len;
      if (from < 0) from = Math.max(0, len + from);
      if (to < 0) to = len + to;
      for (let i = from; i < Math.min(to, len); i++) out.push(node[i]);
      return;
    }
    case 'wild':
      for (const child of children(node)) out.push(child);
      return;
    case 'filter':
      if (Array.isArray(node)) {
        for (const item of node) if (step.predicate(item, root)) out.push(item);
      } else if (isJavaMap(node) && step.predicate(node, root)) out.push(node);
      return;
    case 'scan':
      scan(step.inner, node, out, root, leaf, 0);
      return;
  }
}

function scan(inner: PathStep, node: unknown, out: unknown[], root: unknown, leaf: boolean, depth: number): void {
  if (depth > 512) throw new VtlFault('JSONPath deep scan nests too deeply');
  if (inner.t === 'filter') {
    if (isJavaMap(node) && inner.predicate(node, root)) out.push(node);
  } else applyStep(inner, node, out, root, leaf);
  for (const child of children(node)) if (isJavaMap(child) || Array.isArray(child)) scan(inner, child, out, root, leaf, depth + 1);
}

/** Evaluates a compiled path against a parsed JSON document. */
export function evaluateJsonPath(path: CompiledJsonPath, root: unknown): unknown {
  // hot path
  let current: unknown[] = [root];
  const last = path.steps.length - 1;
  for (let s = 0; s <= last; s++) {
    const step = path.steps[s];
    if (step === undefined) break;
    const next: unknown[] = [];
    for (const node of current) applyStep(step, node, next, root, s === last);
    current = next;
  }
  let result: unknown;
  if (path.definite) result = current.length > 0 ? current[0] : MISSING;
  else {
    result = current;
  }
  return path.fn === undefined ? result : applyPathFunction(path.fn, result);
}
