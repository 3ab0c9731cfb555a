// Unit tests for the Jayway-style JSONPath compiler and evaluator: path syntax, definite vs
// indefinite results, filters and functions, and InvalidPathException for bad paths.

import { describe, expect, it } from 'vitest';
import { VtlFault } from './java-values.js';
import { parseJsonText } from './json.js';
import { compileJsonPath, evaluateJsonPath, MISSING } from './jsonpath.js';
import { toJavaString } from './print.js';

const doc = parseJsonText('{"a": {"b": [1, 2, 3], "c": null}, "l": [{"x": 1, "y": "p"}, {"x": 5}], "k e y": true}');
const run = (path: string): unknown => evaluateJsonPath(compileJsonPath(path), doc);

describe('compileJsonPath', () => {
  it('tells definite from indefinite paths', () => {
    expect(compileJsonPath('$.a.b[0]').definite).toBe(true);
    expect(compileJsonPath("$['a']").definite).toBe(true);
    for (const p of ['$.a.b[*]', '$..x', '$.a.b[0,1]', '$.a.b[1:]', '$.l[?(@.x)]']) expect(compileJsonPath(p).definite, p).toBe(false);
  });

  it('reads a path without $ as $.path', () => {
    expect(run('a.b[1]')).toBe(2);
  });

  it('rejects malformed paths', () => {
    for (const p of ['', '$.', '$.a[', "$['a", '$.a.b[x]', '$.a.nope()']) expect(() => compileJsonPath(p), p).toThrowError(VtlFault);
  });
});

describe('evaluateJsonPath', () => {
  it('returns MISSING for absent definite paths and null for JSON null', () => {
    expect(run('$.a.zz')).toBe(MISSING);
    expect(run('$.a.c')).toBeNull();
    expect(run('$.a.c.d')).toBe(MISSING);
    expect(run('$.a.b[7]')).toBe(MISSING);
  });

  it('collects indefinite results in document order', () => {
    expect(run('$..x')).toEqual([1, 5]);
    expect(run('$.a.b[-2:]')).toEqual([2, 3]);
    expect(run("$['k e y']")).toBe(true);
  });

  it('evaluates filters and functions', () => {
    expect(run("$.l[?(@.x > 1 || @.y == 'p')].x")).toEqual([1, 5]);
    expect(run('$.l[?(!@.y)].x')).toEqual([5]);
    expect(run('$.a.b.length()')).toBe(3);
    expect(toJavaString(run('$.a.b.sum()'))).toBe('6.0');
  });
});
