// One validating pass over a JSON payload (as strict as Jackson) for the exact reader: it records
// where every object and array ends, so values are materialized on demand. Used when the native
// JSON.parse would read the payload differently from json-smart (see json.ts).

import { VtlFault } from './java-values.js';

/** Invalid JSON where a template asked for it ($input.path/json, $util.parseJson). */
export class InvalidJsonFault extends VtlFault {
  override name = 'InvalidJsonFault';
}

export interface JsonScan {
  /** Offsets of every `{`/`[`, ascending; `ends[k]` is the offset just past the match of `starts[k]`. */
  starts: number[];
  ends: number[];
}

const MAX_DEPTH = 512;

function fail(message: string, at: number): never {
  throw new InvalidJsonFault(`${message} at character ${at + 1}`);
}

/** Validates JSON text in one pass; throws InvalidJsonFault where Jackson would refuse it. */
export function scanJson(s: string): JsonScan {
  // hot path: one function, local state only (this loop is the cost of reading a payload)
  const n = s.length;
  const starts: number[] = [];
  const ends: number[] = [];
  const stack: number[] = [];
  let i = 0;
  let c = 0;
  let expectKey = false;
  // Runs of string characters needing no attention (native regex speed): stops at `"`, `\` and controls.
  // eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
  const plain = /[^"\\\u0000-\u001f]*/y;
  const string = (): void => {
    let j = i + 1;
    for (;;) {
      plain.lastIndex = j;
      plain.test(s);
      j = plain.lastIndex;
      const d = s.charCodeAt(j);
      if (d === 34) break;
      if (d === 92) j = escapeEnd(s, j);
      else fail(j >= n ? 'Unexpected end of input in a string' : 'Illegal unquoted character in a string', j);
    }
    i = j + 1;
  };
  const whitespace = (): number => {
    let d = s.charCodeAt(i);
    while (d === 32 || d === 10 || d === 13 || d === 9) d = s.charCodeAt(++i);
    return d;
  };
  for (;;) {
    c = whitespace();
    if (expectKey) {
      // an object key, its colon and the whitespace before the value
      if (c !== 34) fail('Expected a double-quoted field name', i);
      string();
      c = whitespace();
      if (c !== 58) fail('Expected ":"', i);
      i++;
      c = whitespace();
      expectKey = false;
    }
    // a value at i
    if (c === 34) string();
    else if (c === 123 || c === 91) {
      if (stack.length >= MAX_DEPTH) fail('JSON nests too deeply', i);
      stack.push(starts.length);
      starts.push(i);
      ends.push(0);
      const isObject = c === 123;
      i++;
      c = whitespace();
      if (c === (isObject ? 125 : 93)) {
        i++;
        ends[stack.pop() ?? 0] = i;
      } else {
        expectKey = isObject;
        continue;
      }
    } else if (c === 45 || (c >= 48 && c <= 57)) i = numberEnd(s, i);
    else if (c === 116 && s.startsWith('true', i)) i += 4;
    else if (c === 102 && s.startsWith('false', i)) i += 5;
    else if (c === 110 && s.startsWith('null', i)) i += 4;
    else fail(i >= n ? 'Unexpected end of JSON input' : 'Unrecognized token', i);
    // after a value: commas and closing brackets
    for (;;) {
      c = whitespace();
      const open = stack[stack.length - 1];
      if (open === undefined) {
        if (i < n) fail('Unexpected character after the JSON value', i);
        return { starts, ends };
      }
      const isObject = s.charCodeAt(starts[open] ?? 0) === 123;
      if (c === 44) {
        i++;
        expectKey = isObject;
        break;
      }
      if (c !== (isObject ? 125 : 93)) fail(isObject ? 'Expected "," or "}"' : 'Expected "," or "]"', i);
      i++;
      ends[open] = i;
      stack.pop();
    }
  }
}

/** Offset just past the `}`/`]` matching the `{`/`[` at `start`. */
export function containerEnd(scan: JsonScan, start: number): number {
  const starts = scan.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  return scan.ends[lo] ?? 0;
}

/** Offset past the escape sequence at j (a backslash), validating it. */
function escapeEnd(s: string, j: number): number {
  const e = s.charCodeAt(j + 1);
  if (e === 117) {
    for (let k = j + 2; k < j + 6; k++) {
      const h = s.charCodeAt(k);
      if (!((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102))) fail('Invalid \\u escape', j);
    }
    return j + 6;
  }
  if (e !== 34 && e !== 92 && e !== 47 && e !== 98 && e !== 102 && e !== 110 && e !== 114 && e !== 116) fail('Unrecognized character escape', j);
  return j + 2;
}

/** Offset past the JSON number starting at i, validating its grammar. */
function numberEnd(s: string, i: number): number {
  if (s.charCodeAt(i) === 45) i++;
  const intStart = i;
  while (isDigit(s.charCodeAt(i))) i++;
  if (i === intStart || (s.charCodeAt(intStart) === 48 && i - intStart > 1)) fail('Invalid number', i);
  if (s.charCodeAt(i) === 46) {
    const fracStart = ++i;
    while (isDigit(s.charCodeAt(i))) i++;
    if (i === fracStart) fail('Invalid number: expected a digit after "."', i);
  }
  const e = s.charCodeAt(i);
  if (e === 101 || e === 69) {
    i++;
    if (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45) i++;
    const expStart = i;
    while (isDigit(s.charCodeAt(i))) i++;
    if (i === expStart) fail('Invalid number: expected a digit in the exponent', i);
  }
  return i;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
