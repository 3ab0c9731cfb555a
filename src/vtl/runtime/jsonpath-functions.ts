// Jayway JsonPath's trailing path functions (`$.items.length()`, `sum()`, `keys()`...), applied to
// the value the path selected. Results are Integer for counts and Double for aggregates.

import { isJavaMap, isJavaNumber, makeDouble, toDouble } from './java-values.js';

export const PATH_FUNCTIONS = new Set(['length', 'size', 'min', 'max', 'avg', 'sum', 'stddev', 'keys', 'first', 'last']);

const MISSING_RESULT = null;

function numbers(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: number[] = [];
  for (const item of value) if (isJavaNumber(item)) out.push(toDouble(item));
  return out.length > 0 ? out : undefined;
}

export function applyPathFunction(name: string, value: unknown): unknown {
  switch (name) {
    case 'length':
    case 'size':
      if (Array.isArray(value)) return value.length;
      if (isJavaMap(value)) return value instanceof Map ? value.size : Object.keys(value).length;
      if (typeof value === 'string') return value.length;
      return MISSING_RESULT;
    case 'keys': {
      if (!isJavaMap(value)) return MISSING_RESULT;
      return value instanceof Map ? [...value.keys()] : Object.keys(value);
    }
    case 'first':
      return Array.isArray(value) && value.length > 0 ? (value[0] as unknown) : MISSING_RESULT;
    case 'last':
      return Array.isArray(value) && value.length > 0 ? (value[value.length - 1] as unknown) : MISSING_RESULT;
  }
  const xs = numbers(value);
  if (xs === undefined) return MISSING_RESULT;
  const sum = xs.reduce((a, b) => a + b, 0);
  switch (name) {
    case 'min': return makeDouble(Math.min(...xs));
    case 'max': return makeDouble(Math.max(...xs));
    case 'sum': return makeDouble(sum);
    case 'avg': return makeDouble(sum / xs.length);
    default: {
      const mean = sum / xs.length;
      return makeDouble(Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length));
    }
  }
}
