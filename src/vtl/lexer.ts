// The VTL lexer: source positions, Velocity 1.7's character classes and the tokens of its
// DIRECTIVE lexical state (expressions inside #set/#if/#foreach and method arguments).
// Text-level constructs ($, #, \) are recognised by the parser, which drives this scanner.

import { VtlCompileError } from './mapping-template.js';

/** Nesting depth past which a template is rejected (keeps the recursive parser off the JS stack limit). */
export const MAX_NESTING = 200;

export class SourceText {
  private lineStarts: number[] | undefined;

  constructor(readonly text: string) {}

  /** 1-based line and column of a source offset. */
  locate(offset: number): { line: number; column: number } {
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** The parser's position in the source; `end` bounds the region parsed (a string literal's body). */
export class Cursor {
  pos: number;
  depth = 0;

  constructor(
    readonly source: SourceText,
    start = 0,
    readonly end = source.text.length,
  ) {
    this.pos = start;
  }

  get text(): string {
    return this.source.text;
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  /** The char code at `pos + ahead`, or -1 past the end of the region. */
  code(ahead = 0): number {
    const i = this.pos + ahead;
    return i < this.end ? this.source.text.charCodeAt(i) : -1;
  }

  startsWith(s: string): boolean {
    return this.pos + s.length <= this.end && this.source.text.startsWith(s, this.pos);
  }

  error(message: string, at = this.pos): VtlCompileError {
    const { line, column } = this.source.locate(at);
    return new VtlCompileError(`${message} at line ${line}, column ${column}`, line, column);
  }

  enter(): void {
    if (++this.depth > MAX_NESTING) throw this.error('Template nests too deeply');
  }

  leave(): void {
    this.depth--;
  }
}

export function isAlpha(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Reference identifiers: `( ALPHA | "_" ) ( ALPHA | DIGIT | "-" | "_" )*` (Velocity 1.7 allows hyphens). */
export function isIdentifierStart(c: number): boolean {
  return isAlpha(c) || c === 95;
}

export function isIdentifierPart(c: number): boolean {
  return isAlpha(c) || isDigit(c) || c === 45 || c === 95;
}

/** Directive words: `( LETTER | "_" | "@" ) ( LETTER | DIGIT | "_" | "@" )*`. */
export function isWordStart(c: number): boolean {
  return isAlpha(c) || c === 95 || c === 64;
}

export function isWordPart(c: number): boolean {
  return isAlpha(c) || isDigit(c) || c === 95 || c === 64;
}

export function readWhile(c: Cursor, test: (code: number) => boolean): string {
  const start = c.pos;
  while (!c.atEnd() && test(c.code())) c.pos++;
  return c.text.slice(start, c.pos);
}

/** After a directive's `)` or an `#end`/`#else`: eat trailing spaces/tabs and one newline, if a newline follows. */
export function eatLineEnd(c: Cursor): void {
  let i = 0;
  for (let ch = c.code(i); ch === 32 || ch === 9; ch = c.code(++i));
  const ch = c.code(i);
  if (ch === 10) c.pos += i + 1;
  else if (ch === 13) c.pos += c.code(i + 1) === 10 ? i + 2 : i + 1;
}

/** Skips whitespace and `##`/`#* *#` comments inside a directive; true when anything was skipped. */
export function skipWhitespace(c: Cursor): boolean {
  const start = c.pos;
  for (;;) {
    const ch = c.code();
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) c.pos++;
    else if (ch === 35 && c.code(1) === 35) {
      while (!c.atEnd() && c.code() !== 10 && c.code() !== 13) c.pos++;
    } else if (ch === 35 && c.code(1) === 42) {
      const close = c.text.indexOf('*#', c.pos + 2);
      if (close < 0 || close + 2 > c.end) throw c.error('Unterminated comment');
      c.pos = close + 2;
    } else return c.pos > start;
  }
}

export type TokenType = 'int' | 'float' | 'string' | 'word' | 'op' | 'punct' | 'dollar' | 'eof';

export interface Token {
  type: TokenType;
  text: string;
  at: number;
  end: number;
}

const TWO_CHAR_OPS = new Set(['&&', '||', '==', '!=', '<=', '>=']);
const ONE_CHAR_OPS = '<>!=+-*/%';
const PUNCT = '()[]{},:';

/** Reads the DIRECTIVE-state token at the cursor (after whitespace) without consuming it. */
export function peekToken(c: Cursor): Token {
  skipWhitespace(c);
  const at = c.pos;
  const ch = c.code();
  if (ch < 0) return { type: 'eof', text: '', at, end: at };
  if (ch === 36) return { type: 'dollar', text: '$', at, end: at + 1 };
  const number = scanNumber(c);
  if (number !== undefined) return number;
  if (ch === 34 || ch === 39) return scanString(c, ch);
  if (isWordStart(ch)) {
    let end = at + 1;
    while (end < c.end && isWordPart(c.text.charCodeAt(end))) end++;
    return { type: 'word', text: c.text.slice(at, end), at, end };
  }
  const two = c.text.slice(at, Math.min(at + 2, c.end));
  if (two === '..') return { type: 'punct', text: '..', at, end: at + 2 };
  if (TWO_CHAR_OPS.has(two)) return { type: 'op', text: two, at, end: at + 2 };
  const one = String.fromCharCode(ch);
  if (ONE_CHAR_OPS.includes(one)) return { type: 'op', text: one, at, end: at + 1 };
  if (PUNCT.includes(one)) return { type: 'punct', text: one, at, end: at + 1 };
  throw c.error(`Encountered "${one}"`);
}

export function nextToken(c: Cursor): Token {
  const token = peekToken(c);
  c.pos = token.end;
  return token;
}

/** INTEGER_LITERAL `-?\d+` (not followed by `.` unless `..`) and FLOATING_POINT_LITERAL. */
function scanNumber(c: Cursor): Token | undefined {
  const text = c.text;
  const at = c.pos;
  let i = at;
  if (text.charCodeAt(i) === 45) i++;
  const intStart = i;
  while (i < c.end && isDigit(text.charCodeAt(i))) i++;
  const hasInt = i > intStart;
  const dot = i < c.end && text.charCodeAt(i) === 46;
  if (dot && text.charCodeAt(i + 1) === 46) {
    return hasInt ? { type: 'int', text: text.slice(at, i), at, end: i } : undefined;
  }
  let isFloat = false;
  if (dot) {
    let j = i + 1;
    while (j < c.end && isDigit(text.charCodeAt(j))) j++;
    if (!hasInt && j === i + 1) return undefined;
    isFloat = true;
    i = j;
  } else if (!hasInt) return undefined;
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    const expStart = j;
    while (j < c.end && isDigit(text.charCodeAt(j))) j++;
    if (j > expStart) {
      isFloat = true;
      i = j;
    }
  }
  return { type: isFloat ? 'float' : 'int', text: text.slice(at, i), at, end: i };
}

/** STRING_LITERAL: double-quoted (backslash escapes keep the string open) or single-quoted. */
function scanString(c: Cursor, quote: number): Token {
  const text = c.text;
  const at = c.pos;
  let i = at + 1;
  while (i < c.end) {
    const ch = text.charCodeAt(i);
    if (ch === quote) return { type: 'string', text: text.slice(at, i + 1), at, end: i + 1 };
    i += ch === 92 && quote === 34 && i + 1 < c.end ? 2 : 1;
  }
  throw c.error('Unterminated string literal', at);
}
