// JSON in and out of the VTL runtime. Parsing keeps what Java keeps (object key order, Integer vs
// Double, big integers) as json-smart reads it for Jayway JsonPath; writing follows json-smart's
// escaping. Used by $input.path/json, $util.parseJson and JSON-list printing.

import { HostObject, isRecord, JavaDecimal, JavaDouble, javaDoubleToString, mapEntries, MapEntry, VtlFault } from './java-values.js';
import { containerEnd, InvalidJsonFault, scanJson, type JsonScan } from './json-scan.js';

export { InvalidJsonFault } from './json-scan.js';

const MAX_DEPTH = 512;

/**
 * JSON text the native JSON.parse would read differently from json-smart: integral doubles (1.0),
 * exponents, 16+ digit numbers, doubles Java prints in E notation, integer-like keys (JS reorders
 * them). Strings are not told apart from numbers: a false alarm only costs the exact reader.
 */
const NATIVE_UNSAFE = /[0-9](?:\.0+(?![0-9])|[eE]|[0-9]{15}|[0-9]{7}\.)|(?<![0-9])0\.000|"(?:0|[1-9][0-9]*)"\s*:/;

/** Whether the native JSON.parse reads `text` differently from json-smart (see NATIVE_UNSAFE). */
export function readsDifferentlyNatively(text: string): boolean {
  return NATIVE_UNSAFE.test(text);
}

/**
 * JSON text whose strings JSON.stringify writes differently from json-smart: \\u escapes (they may
 * decode to anything), U+007F..U+009F and U+2000..U+20FF (json-smart escapes them), lone surrogates.
 * hot path: SUSPECT is one character class plus `\u`, so payloads with only `\"`-style escapes
 * never run the slower UNSAFE expression (which has lookarounds for lone surrogates).
 */
const STRINGIFY_SUSPECT = /\\u|[\u007f-\u009f\u2000-\u20ff\ud800-\udfff]/;
const STRINGIFY_UNSAFE = /\\u|[\u007f-\u009f\u2000-\u20ff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Parses JSON as json-smart does for Jayway (objects keep key order, Integer vs Double, big
 * integers, BigDecimal): with the native parser when that is exact, else with the exact reader.
 */
export function parseJsonText(text: string): unknown {
  return parseJsonPayload(text).value;
}

/** The parsed value, and whether it came from the native parser (see stringifiesLikeJsonSmart). */
export function parseJsonPayload(text: string): { value: unknown; native: boolean } {
  return readsDifferentlyNatively(text) ? { value: parseJsonExactly(text), native: false } : parseJsonNatively(text);
}

/**
 * hot path: the native reading without the fidelity check, for callers that run the check only when
 * a result depends on it (see InputBinding). Text JSON.parse refuses fails as parseJsonPayload fails.
 */
export function parseJsonNatively(text: string): { value: unknown; native: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    if (readsDifferentlyNatively(text)) return { value: parseJsonExactly(text), native: false };
    scanJson(text);
    throw new InvalidJsonFault('Invalid JSON');
  }
  return { value, native: true };
}

/** The exact reader (json-smart's Integer/Double/BigDecimal, key order); throws InvalidJsonFault. */
export function parseJsonExactly(text: string): unknown {
  const doc = new JsonDocument(text, scanJson(text));
  return doc.readValue(doc.skipWhitespace(0));
}

/** Whether JSON.stringify writes the values natively parsed from `text` exactly as json-smart does. */
export function stringifiesLikeJsonSmart(text: string): boolean {
  return !STRINGIFY_SUSPECT.test(text) || !STRINGIFY_UNSAFE.test(text);
}

/** A payload the exact reader materializes level by level as the template reads it. */
class JsonDocument {
  /** Offset just past the value last read by readValue. */
  pos = 0;

  constructor(
    readonly text: string,
    readonly scan: JsonScan,
  ) {}

  /** The value at offset i (validated text): primitives parsed, objects lazy, arrays one level deep. */
  readValue(i: number): unknown {
    const s = this.text;
    const c = s.charCodeAt(i);
    if (c === 34) return this.readString(i);
    if (c === 123) {
      const end = containerEnd(this.scan, i);
      this.pos = end;
      return new LazyJsonMap(this, i);
    }
    if (c === 91) return this.readArray(i);
    if (c === 116) return this.literal(i + 4, true);
    if (c === 102) return this.literal(i + 5, false);
    if (c === 110) return this.literal(i + 4, null);
    return this.readNumber(i);
  }

  private literal(end: number, value: boolean | null): boolean | null {
    this.pos = end;
    return value;
  }

  skipWhitespace(i: number): number {
    const s = this.text;
    for (let c = s.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = s.charCodeAt(++i));
    return i;
  }

  readString(i: number): string {
    const s = this.text;
    let j = s.indexOf('"', i + 1);
    let k = s.indexOf('\\', i + 1);
    if (k < 0 || k > j) {
      this.pos = j + 1;
      return s.slice(i + 1, j);
    }
    let out = s.slice(i + 1, k);
    j = k;
    for (;;) {
      const c = s.charCodeAt(j);
      if (c === 34) break;
      if (c !== 92) {
        k = j;
        while (j < s.length && s.charCodeAt(j) !== 92 && s.charCodeAt(j) !== 34) j++;
        out += s.slice(k, j);
        continue;
      }
      const e = s[j + 1];
      j += 2;
      switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': out += String.fromCharCode(parseInt(s.slice(j, j + 4), 16)); j += 4; break;
        default: out += e;
      }
    }
    this.pos = j + 1;
    return out;
  }

  private readArray(i: number): unknown[] {
    const list: unknown[] = [];
    const end = containerEnd(this.scan, i);
    let j = this.skipWhitespace(i + 1);
    if (this.text.charCodeAt(j) !== 93) {
      for (;;) {
        list.push(this.readValue(j));
        j = this.skipWhitespace(this.pos);
        if (this.text.charCodeAt(j) === 93) break;
        j = this.skipWhitespace(j + 1);
      }
    }
    this.pos = end;
    return list;
  }

  private readNumber(i: number): unknown {
    const s = this.text;
    let j = i;
    let isFloat = false;
    for (let c = s.charCodeAt(j); (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69; c = s.charCodeAt(++j)) {
      if (c === 46 || c === 101 || c === 69) isFloat = true;
    }
    this.pos = j;
    const text = s.slice(i, j);
    if (!isFloat) {
      const n = Number(text);
      return Number.isSafeInteger(n) ? n + 0 : BigInt(text);
    }
    // AWS: json-smart reads floats longer than 18 characters as BigDecimal, printed as written; test/conformance/vtl/vtl-input.ts
    if (text.length > 18) return new JavaDecimal(text);
    const d = Number(text);
    return Number.isInteger(d) ? new JavaDouble(d) : d;
  }
}

/** A JSON object read by the exact reader (a LinkedHashMap): its entries are read on first use. */
class LazyJsonMap extends Map<string, unknown> {
  private doc: JsonDocument | undefined;

  constructor(
    doc: JsonDocument,
    private readonly start: number,
  ) {
    super();
    this.doc = doc;
  }

  private load(): void {
    const doc = this.doc;
    if (doc === undefined) return;
    this.doc = undefined;
    const s = doc.text;
    let i = doc.skipWhitespace(this.start + 1);
    if (s.charCodeAt(i) === 125) return;
    for (;;) {
      const key = doc.readString(i);
      i = doc.skipWhitespace(doc.skipWhitespace(doc.pos) + 1);
      super.set(key, doc.readValue(i));
      i = doc.skipWhitespace(doc.pos);
      if (s.charCodeAt(i) === 125) return;
      i = doc.skipWhitespace(i + 1);
    }
  }

  override get(key: string): unknown {
    this.load();
    return super.get(key);
  }

  override has(key: string): boolean {
    this.load();
    return super.has(key);
  }

  override set(key: string, value: unknown): this {
    this.load();
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.load();
    return super.delete(key);
  }

  override clear(): void {
    this.doc = undefined;
    super.clear();
  }

  override get size(): number {
    this.load();
    return super.size;
  }

  override keys(): MapIterator<string> {
    this.load();
    return super.keys();
  }

  override values(): MapIterator<unknown> {
    this.load();
    return super.values();
  }

  override entries(): MapIterator<[string, unknown]> {
    this.load();
    return super.entries();
  }

  override forEach(callback: (value: unknown, key: string, map: Map<string, unknown>) => void, thisArg?: unknown): void {
    this.load();
    super.forEach(callback, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[string, unknown]> {
    this.load();
    return super[Symbol.iterator]();
  }
}

function needsEscape(s: string, escapeSlash: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c === 47 && escapeSlash) || (c >= 0x7f && c <= 0x9f) || (c >= 0x2000 && c <= 0x20ff)) return true;
  }
  return false;
}

/** A JSON string literal as json-smart writes it (`escapeSlash`: its default style, `/` → `\/`). */
export function quoteJson(s: string, escapeSlash: boolean): string {
  if (!needsEscape(s, escapeSlash)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 34: out += '\\"'; break;
      case 92: out += '\\\\'; break;
      case 8: out += '\\b'; break;
      case 12: out += '\\f'; break;
      case 10: out += '\\n'; break;
      case 13: out += '\\r'; break;
      case 9: out += '\\t'; break;
      case 47: out += escapeSlash ? '\\/' : '/'; break;
      default:
        if (c < 32 || (c >= 0x7f && c <= 0x9f) || (c >= 0x2000 && c <= 0x20ff)) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
        else out += s[i];
    }
  }
  return `${out}"`;
}

/** Compact JSON for a VTL value (maps and lists recursively; other objects as their string form). */
export function writeJson(value: unknown, escapeSlash: boolean): string {
  return write(value, escapeSlash, 0);
}

function write(value: unknown, escapeSlash: boolean, depth: number): string {
  if (depth > MAX_DEPTH) throw new VtlFault('java.lang.StackOverflowError while writing JSON');
  switch (typeof value) {
    case 'string':
      return quoteJson(value, escapeSlash);
    case 'number':
      return Number.isInteger(value) ? String(value + 0) : javaDoubleToString(value);
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'null';
    case 'object':
      break;
    default:
      return 'null';
  }
  if (value === null) return 'null';
  if (value instanceof JavaDouble) return javaDoubleToString(value.value);
  if (value instanceof JavaDecimal) return value.text;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + write(value[i], escapeSlash, depth + 1);
    return `${out}]`;
  }
  if (value instanceof Map || isRecord(value)) {
    let out = '{';
    let first = true;
    for (const [k, v] of mapEntries(value)) {
      out += `${first ? '' : ','}${quoteJson(keyString(k), escapeSlash)}:${write(v, escapeSlash, depth + 1)}`;
      first = false;
    }
    return `${out}}`;
  }
  if (value instanceof MapEntry) return `{${quoteJson(keyString(value.key), escapeSlash)}:${write(value.value, escapeSlash, depth + 1)}}`;
  if (value instanceof HostObject) {
    const text = value.toJavaString();
    return text === undefined ? 'null' : quoteJson(text, escapeSlash);
  }
  return 'null';
}

function keyString(key: unknown): string {
  if (typeof key === 'string') return key;
  if (key === null || key === undefined) return 'null';
  return write(key, false, MAX_DEPTH).replace(/^"|"$/g, '');
}
