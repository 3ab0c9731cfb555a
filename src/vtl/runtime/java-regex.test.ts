// Unit tests for the Java regex translation: java.util.regex semantics that differ from
// JavaScript ($, ., \s, \Q..\E, inline flags, classes), replacement syntax and String.split.

import { describe, expect, it } from 'vitest';
import { compileJavaRegex, javaReplace, javaSplit, RegexCache } from './java-regex.js';
import { VtlFault } from './java-values.js';

const full = (pattern: string, input: string): boolean => compileJavaRegex(pattern).full.test(input);

describe('compileJavaRegex', () => {
  it('matches whole inputs for String.matches', () => {
    expect(full('a+', 'aaa')).toBe(true);
    expect(full('a+', 'aab')).toBe(false);
    expect(full('a|b', 'b')).toBe(true);
  });

  it("gives $ Java's meaning: end of input or before a final line terminator", () => {
    expect(javaReplace('ab\n', compileJavaRegex('b$'), 'X', false)).toBe('aX\n');
    expect(javaReplace('ab\nb', compileJavaRegex('(?m)b$'), 'X', false)).toBe('aX\nX');
  });

  it('keeps \\s and \\p{Alpha} ASCII, . away from line terminators', () => {
    expect(full('\\s', '\u00a0')).toBe(false);
    expect(full('\\p{Alpha}+', 'abcé')).toBe(false);
    expect(full('.', '\u0085')).toBe(false);
    expect(full('(?s).', '\n')).toBe(true);
  });

  it('quotes \\Q...\\E and accepts literal ] and }', () => {
    expect(full('\\Q.*\\E', '.*')).toBe(true);
    expect(full('a]}', 'a]}')).toBe(true);
  });

  it('supports character classes with ranges, escapes and unions', () => {
    expect(full('[a-c\\d]+', 'ab12c')).toBe(true);
    expect(full('[\\w-]+', 'a-b_c')).toBe(true);
    expect(full('[a-c[x-z]]+', 'axz')).toBe(true);
  });

  it('ignores possessive and atomic markers (same matches without backtracking)', () => {
    expect(full('a*+b', 'aab')).toBe(true);
    expect(full('(?>ab)c', 'abc')).toBe(true);
  });

  it('throws PatternSyntaxException faults for invalid or unsupported patterns', () => {
    expect(() => compileJavaRegex('(')).toThrowError(VtlFault);
    expect(() => compileJavaRegex('[a&&b]')).toThrowError(/intersection/);
    expect(() => compileJavaRegex('\\y')).toThrowError(/escape/);
    expect(() => compileJavaRegex('x{')).toThrowError(/repetition/);
  });
});

describe('javaReplace', () => {
  it('expands $n, ${name} and backslash escapes', () => {
    expect(javaReplace('a-b', compileJavaRegex('(\\w)-(\\w)'), '$2$1', false)).toBe('ba');
    expect(javaReplace('a-b', compileJavaRegex('(?<l>\\w)-(\\w)'), '${l}!', false)).toBe('a!');
    expect(javaReplace('x', compileJavaRegex('x'), '\\$1\\\\', false)).toBe('$1\\');
  });

  it('takes the longest group number that exists', () => {
    expect(javaReplace('ab', compileJavaRegex('(a)(b)'), '$10', false)).toBe('a0');
  });

  it('throws like Matcher.appendReplacement on bad references', () => {
    expect(() => javaReplace('a', compileJavaRegex('a'), '$1', false)).toThrowError(/No group 1/);
    expect(() => javaReplace('a', compileJavaRegex('a'), '$x', false)).toThrowError(/Illegal group reference/);
    expect(() => javaReplace('a', compileJavaRegex('a'), 'x\\', false)).toThrowError(/escaped is missing/);
  });

  it('replaces only the first match for replaceFirst', () => {
    expect(javaReplace('aaa', compileJavaRegex('a'), 'b', true)).toBe('baa');
  });
});

describe('javaSplit', () => {
  const split = (s: string, re: string, limit = 0): string[] => javaSplit(s, compileJavaRegex(re), limit);

  it('follows String.split', () => {
    expect(split('a,b,,', ',')).toEqual(['a', 'b']);
    expect(split(',a', ',')).toEqual(['', 'a']);
    expect(split('', ',')).toEqual(['']);
    expect(split(',,', ',')).toEqual([]);
    expect(split('abc', '')).toEqual(['a', 'b', 'c']);
    expect(split('a,b,c', ',', 2)).toEqual(['a', 'b,c']);
    expect(split('a,b,,', ',', -1)).toEqual(['a', 'b', '', '']);
  });
});

describe('RegexCache', () => {
  it('caches compiled patterns and their failures', () => {
    const cache = new RegexCache(2);
    expect(cache.get('a')).toBe(cache.get('a'));
    expect(() => cache.get('(')).toThrowError(VtlFault);
    expect(() => cache.get('(')).toThrowError(VtlFault);
    cache.get('b');
    cache.get('c');
    expect(cache.get('a').full.test('a')).toBe(true);
  });
});
