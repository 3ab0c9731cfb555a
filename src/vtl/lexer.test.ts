// Unit tests for the VTL lexer: source positions, DIRECTIVE-state tokens (Velocity 1.7's
// INTEGER_LITERAL with ranges, FLOATING_POINT_LITERAL, strings, word operators) and line eating.

import { describe, expect, it } from 'vitest';
import { Cursor, eatLineEnd, nextToken, peekToken, SourceText } from './lexer.js';

const tokens = (text: string): string[] => {
  const c = new Cursor(new SourceText(text));
  const out: string[] = [];
  for (let t = nextToken(c); t.type !== 'eof'; t = nextToken(c)) out.push(`${t.type}:${t.text}`);
  return out;
};

describe('SourceText.locate', () => {
  it('gives 1-based lines and columns for \\n, \\r\\n and \\r', () => {
    const s = new SourceText('ab\ncd\r\nef\rgh');
    expect(s.locate(0)).toEqual({ line: 1, column: 1 });
    expect(s.locate(4)).toEqual({ line: 2, column: 2 });
    expect(s.locate(7)).toEqual({ line: 3, column: 1 });
    expect(s.locate(10)).toEqual({ line: 4, column: 1 });
  });
});

describe('directive tokens', () => {
  it('reads integers, negative integers and the range operator', () => {
    expect(tokens('1..3')).toEqual(['int:1', 'punct:..', 'int:3']);
    expect(tokens('-7 - 2')).toEqual(['int:-7', 'op:-', 'int:2']);
  });

  it('reads floating point literals', () => {
    expect(tokens('1.5 2. .5 1e3 -2.5E-2')).toEqual(['float:1.5', 'float:2.', 'float:.5', 'float:1e3', 'float:-2.5E-2']);
  });

  it('reads strings, keeping escapes as written', () => {
    expect(tokens(`"a\\"b" 'c\\'`)).toEqual(['string:"a\\"b"', "string:'c\\'"]);
  });

  it('reads symbolic and word operators', () => {
    expect(tokens('a && b || !c == d != e <= f >= g < h > i')).toEqual([
      'word:a', 'op:&&', 'word:b', 'op:||', 'op:!', 'word:c', 'op:==', 'word:d', 'op:!=', 'word:e', 'op:<=', 'word:f', 'op:>=', 'word:g', 'op:<', 'word:h', 'op:>', 'word:i',
    ]);
  });

  it('skips whitespace and comments inside directives', () => {
    expect(tokens('1 ## note\n , #* block *# 2')).toEqual(['int:1', 'punct:,', 'int:2']);
  });

  it('reports a stray character with its position', () => {
    const c = new Cursor(new SourceText('1 ?'));
    nextToken(c);
    expect(() => peekToken(c)).toThrowError(/line 1, column 3/);
  });

  it('rejects an unterminated string', () => {
    expect(() => tokens('"abc')).toThrowError(/Unterminated string/);
  });
});

describe('eatLineEnd', () => {
  it('eats spaces and one newline only when a newline follows', () => {
    const eat = (text: string): number => {
      const c = new Cursor(new SourceText(text));
      eatLineEnd(c);
      return c.pos;
    };
    expect(eat('  \nx')).toBe(3);
    expect(eat('\r\n\n')).toBe(2);
    expect(eat('  x')).toBe(0);
    expect(eat('\t\rx')).toBe(2);
  });
});
