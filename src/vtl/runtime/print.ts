// String.valueOf for VTL values: what `$ref` writes into the output and what `+` concatenates.
// Template lists print `[a, b]`, JSON lists compact JSON (json-smart), maps `{k=v, k2=v2}`.
// AWS developer guide: "Mapping template reference" ($input.path printing); reference §3.1.

import { writeJson } from './json.js';
import { HostObject, isRecord, JavaDecimal, JavaDouble, javaDoubleToString, JavaList, JavaStringArray, mapEntries, MapEntry, VtlFault } from './java-values.js';
import { javaStringHash } from './string-methods.js';

/** String.valueOf(value), or undefined for null. */
export function toJavaString(value: unknown): string | undefined {
  // hot path
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isInteger(value) ? String(value + 0) : javaDoubleToString(value);
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      if (value === null) return undefined;
      return value instanceof HostObject ? value.toJavaString() : objectToJavaString(value, 0);
    default:
      return undefined;
  }
}

const MAX_PRINT_DEPTH = 100;

function objectToJavaString(value: object, depth: number): string {
  if (depth > MAX_PRINT_DEPTH) throw new VtlFault('java.lang.StackOverflowError while printing a nested collection');
  if (value instanceof JavaDouble) return javaDoubleToString(value.value);
  if (value instanceof JavaDecimal) return value.text;
  if (value instanceof HostObject) return value.toJavaString() ?? 'null';
  if (value instanceof MapEntry) return `${element(value.key, depth)}=${element(value.value, depth)}`;
  // AWS: a Java array prints as its identity (String[] from split); test/conformance/vtl/vtl-string-methods.ts
  if (value instanceof JavaStringArray) return `[Ljava.lang.String;@${(javaStringHash(value.join('\u0000')) >>> 0).toString(16)}`;
  if (Array.isArray(value)) {
    // AWS: a list parsed from JSON prints as compact JSON (json-smart JSONArray.toString); test/conformance/vtl/vtl-input.ts
    if (!(value instanceof JavaList)) return writeJson(value, true);
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ', ';
      const item: unknown = value[i];
      out += item === value ? '(this Collection)' : element(item, depth);
    }
    return `${out}]`;
  }
  if (value instanceof Map || isRecord(value)) {
    let out = '{';
    let first = true;
    for (const [k, v] of mapEntries(value)) {
      if (!first) out += ', ';
      first = false;
      out += `${k === value ? '(this Map)' : element(k, depth)}=${v === value ? '(this Map)' : element(v, depth)}`;
    }
    return `${out}}`;
  }
  return '';
}

function element(value: unknown, depth: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return objectToJavaString(value, depth + 1);
  return toJavaString(value) ?? 'null';
}
