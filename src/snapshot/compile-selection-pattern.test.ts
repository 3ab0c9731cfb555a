// Selection patterns are Java regexes matched against the WHOLE subject (String.matches), as the
// developer guide's examples and AWS's `.+`-and-newlines warning imply (reference §2.3).

import { describe, expect, it } from 'vitest';
import { compileSelectionPattern } from './compile-selection-pattern.js';

const matches = (pattern: string, subject: string): boolean => compileSelectionPattern(pattern).test(subject);

describe('compileSelectionPattern', () => {
  it('matches the whole status code, not a part of it', () => {
    expect(matches('4\\d{2}', '400')).toBe(true);
    expect(matches('4\\d{2}', '4000')).toBe(false);
    expect(matches('4\\d{2}', '1400')).toBe(false);
    expect(matches('2\\d{2}', '200')).toBe(true);
    expect(matches('400|404', '404')).toBe(true);
    expect(matches('400|404', '4040')).toBe(false);
    expect(matches('5..', '503')).toBe(true);
  });

  it('needs .* around a Lambda errorMessage fragment, as AWS does', () => {
    expect(matches('Invalid*', 'Invalid input')).toBe(false);
    expect(matches('Invalid.*', 'Invalid input')).toBe(true);
    expect(matches('404', 'foo 404 bar')).toBe(false);
    expect(matches('.*404.*', 'foo 404 bar')).toBe(true);
    expect(matches('Malformed.*', 'Malformed input ...')).toBe(true);
  });

  it('`.` does not cross line terminators (AWS warns `.+` misses messages with \\n)', () => {
    expect(matches('.+', 'line one\nline two')).toBe(false);
    expect(matches('.+', 'a\u0085b')).toBe(false);
    expect(matches('(\\n|.)*', 'line one\nline two')).toBe(true);
    expect(matches('(?s).+', 'line one\nline two')).toBe(true);
  });

  it('.* matches the empty subject (a successful Lambda invocation)', () => {
    expect(matches('.*', '')).toBe(true);
    expect(matches('.+', '')).toBe(false);
  });

  it('translates Java-only syntax', () => {
    expect(matches('\\QBad request (400)\\E.*', 'Bad request (400): x')).toBe(true);
    expect(matches('\\p{Alpha}+ \\p{Digit}{3}', 'Error 500')).toBe(true);
    expect(matches('[\\p{Upper}]\\p{Lower}*', 'Error')).toBe(true);
    expect(matches('\\AError\\z', 'Error')).toBe(true);
    expect(matches('Err\\w*+', 'Error')).toBe(true);
    expect(matches('(?>Err)or', 'Error')).toBe(true);
    expect(matches('(?i)error.*', 'ERROR: x')).toBe(true);
    expect(matches('[]a]+', ']a]')).toBe(true);
    expect(matches('\\s', '\u00a0')).toBe(false);
    expect(matches('\\s', ' ')).toBe(true);
  });

  it('throws for invalid or untranslatable patterns', () => {
    expect(() => compileSelectionPattern('(unclosed')).toThrow();
    expect(() => compileSelectionPattern('[a-z')).toThrow();
    expect(() => compileSelectionPattern('\\p{L}')).toThrow();
    expect(() => compileSelectionPattern('[a-z&&[^aeiou]]')).toThrow();
    expect(() => compileSelectionPattern('\\Gx')).toThrow();
  });
});
