// Unit tests for JSON in the VTL runtime: native and exact parsing paths give the same Java
// values (order, Integer vs Double, big numbers), strict validation, json-smart writing.

import { describe, expect, it } from 'vitest';
import { JavaDecimal, JavaDouble } from './java-values.js';
import { InvalidJsonFault, parseJsonPayload, parseJsonText, quoteJson, stringifiesLikeJsonSmart, writeJson } from './json.js';
import { scanJson } from './json-scan.js';
import { toJavaString } from './print.js';

describe('parseJsonText', () => {
  it('reads plain payloads with the native parser and allows JSON.stringify', () => {
    const text = '{"a": [1, 2.5, "x"], "b": null}';
    const { value, native } = parseJsonPayload(text);
    expect(native && stringifiesLikeJsonSmart(text)).toBe(true);
    expect(stringifiesLikeJsonSmart('"\\u00e9"')).toBe(false);
    expect(toJavaString(value)).toBe('{a=[1,2.5,"x"], b=null}');
  });

  it('keeps integral doubles, exponents and big integers exact', () => {
    const value = parseJsonText('{"d": 1.0, "e": 1e2, "big": 123456789012345678901, "dec": 1.2345678901234567890}') as Map<string, unknown>;
    expect(value.get('d')).toBeInstanceOf(JavaDouble);
    expect(toJavaString(value.get('e'))).toBe('100.0');
    expect(value.get('big')).toBe(123456789012345678901n);
    expect(value.get('dec')).toBeInstanceOf(JavaDecimal);
  });

  it('keeps integer-like keys in payload order', () => {
    expect(toJavaString(parseJsonText('{"b": 1, "2": 2, "1": 3}'))).toBe('{b=1, 2=2, 1=3}');
  });

  it('reads strings with escapes on the exact path', () => {
    expect(toJavaString(parseJsonText('{"1": "a\\u00e9\\n\\"q\\""}'))).toBe('{1=aé\n"q"}');
  });

  it('rejects invalid JSON on both paths', () => {
    for (const bad of ['{"a": }', '{"a": 1,}', '[1 2]', '{a: 1}', '"\\x"', '01', '{"1": 1.0', 'tru', '"a\u0001"', '1 2']) {
      expect(() => parseJsonText(bad), bad).toThrowError(InvalidJsonFault);
    }
  });

  it('accepts scalars and nested empties', () => {
    expect(parseJsonText(' "s" ')).toBe('s');
    expect(toJavaString(parseJsonText('{"a": {}, "b": [], "1": 1.0}'))).toBe('{a={}, b=[], 1=1.0}');
    expect(toJavaString(parseJsonText(' { "1" : [ ] , "b" : { } , "c" : [ 1.0 , { } ] } '))).toBe('{1=[], b={}, c=[1.0,{}]}');
  });
});

describe('writeJson', () => {
  it("escapes as json-smart does, '/' only in its default style", () => {
    expect(quoteJson('a/b"\\\n\u0001\u2028', false)).toBe('"a/b\\"\\\\\\n\\u0001\\u2028"');
    expect(quoteJson('a/b', true)).toBe('"a\\/b"');
  });

  it('writes maps, lists and Java numbers compactly', () => {
    const map = new Map<unknown, unknown>([['a', [1, new JavaDouble(2), 2.5, null, true]], ['b', { c: 'd' }]]);
    expect(writeJson(map, false)).toBe('{"a":[1,2.0,2.5,null,true],"b":{"c":"d"}}');
  });
});

describe('validation agrees with the JSON grammar', () => {
  it('accepts and rejects exactly what JSON.parse does (randomized mutations of valid JSON)', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const base = ['{"a": [1, 2.5, -3e2, "x\\\\y\\u00e9"], "b": {"c": null, "d": [true, false, {}]}, "1": []}', '[ {"k" : "v"} , 0 , -0.5 , "\\n" ]', '"s"'];
    const pieces = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '1', '.', 'e', '-', 'true', 'nul', '0', '"k"', '\u0001'];
    for (let round = 0; round < 3000; round++) {
      const chars = [...(base[random(base.length)] ?? '')];
      const edits = 1 + random(3);
      for (let e = 0; e < edits; e++) {
        const at = random(chars.length + 1);
        if (random(2) === 0) chars.splice(at, 1);
        else chars.splice(at, 0, pieces[random(pieces.length)] ?? '');
      }
      const text = chars.join('');
      let nativeOk = true;
      try {
        JSON.parse(text);
      } catch {
        nativeOk = false;
      }
      for (const read of [parseJsonText, scanJson]) {
        let ours = true;
        try {
          read(text);
        } catch (error) {
          if (!(error instanceof InvalidJsonFault)) throw error;
          ours = false;
        }
        expect(ours, text).toBe(nativeOk);
      }
    }
  });
});
