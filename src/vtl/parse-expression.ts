// VTL expressions (Velocity 1.7 DIRECTIVE state): literals, references, ranges, list and map
// literals, arithmetic, comparison and logical operators with Velocity's precedence.
// Compile time only; string literals with `$` or `#` are parsed here as nested templates.

import type { Accessor, BinaryOp, Expr, Node, RefExpr } from './ast.js';
import { Cursor, isAlpha, isIdentifierPart, isIdentifierStart, nextToken, peekToken, skipWhitespace, SourceText, type Token } from './lexer.js';
import { JavaDouble } from './runtime/java-values.js';

/** Parses template text between two offsets (the body of an interpolated string literal). */
export type TemplateBodyParser = (c: Cursor) => Node[];

export interface ExpressionParser {
  c: Cursor;
  parseTemplateBody: TemplateBodyParser;
}

const WORD_OPS: Record<string, BinaryOp | 'not'> = {
  and: '&&', or: '||', eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=', not: 'not',
};

function binaryOp(token: Token): BinaryOp | 'not' | undefined {
  if (token.type === 'op') return token.text === '!' ? 'not' : token.text === '=' ? undefined : (token.text as BinaryOp);
  if (token.type === 'word') return WORD_OPS[token.text];
  return undefined;
}

const LEVELS: ReadonlyArray<ReadonlySet<BinaryOp>> = [
  new Set<BinaryOp>(['||']),
  new Set<BinaryOp>(['&&']),
  new Set<BinaryOp>(['==', '!=']),
  new Set<BinaryOp>(['<', '<=', '>', '>=']),
  new Set<BinaryOp>(['+', '-']),
  new Set<BinaryOp>(['*', '/', '%']),
];

export function parseExpression(p: ExpressionParser): Expr {
  p.c.enter();
  try {
    return parseLevel(p, 0);
  } finally {
    p.c.leave();
  }
}

function parseLevel(p: ExpressionParser, level: number): Expr {
  const ops = LEVELS[level];
  if (ops === undefined) return parseUnary(p);
  let left = parseLevel(p, level + 1);
  for (;;) {
    const token = peekToken(p.c);
    const op = binaryOp(token);
    if (op === undefined || op === 'not' || !ops.has(op)) return left;
    p.c.pos = token.end;
    const right = parseLevel(p, level + 1);
    left = { kind: 'binary', op, left, right, at: token.at };
  }
}

function parseUnary(p: ExpressionParser): Expr {
  const token = peekToken(p.c);
  if (binaryOp(token) === 'not') {
    p.c.pos = token.end;
    p.c.enter();
    try {
      return { kind: 'not', operand: parseUnary(p), at: token.at };
    } finally {
      p.c.leave();
    }
  }
  return parsePrimary(p);
}

export function parsePrimary(p: ExpressionParser): Expr {
  const c = p.c;
  const token = peekToken(c);
  switch (token.type) {
    case 'dollar': {
      const ref = parseReference(p);
      if (ref === undefined) throw c.error('Encountered "$"', token.at);
      return ref;
    }
    case 'int':
      c.pos = token.end;
      return { kind: 'literal', value: parseIntegerLiteral(token.text), at: token.at };
    case 'float':
      c.pos = token.end;
      return { kind: 'literal', value: parseFloatLiteral(token.text), at: token.at };
    case 'string':
      c.pos = token.end;
      return parseStringLiteral(p, token);
    case 'word':
      if (token.text === 'true' || token.text === 'false') {
        c.pos = token.end;
        return { kind: 'literal', value: token.text === 'true', at: token.at };
      }
      throw c.error(`Encountered "${token.text}"`, token.at);
    case 'punct':
      if (token.text === '(') {
        c.pos = token.end;
        const inner = parseExpression(p);
        expectPunct(c, ')');
        return inner;
      }
      if (token.text === '[') return parseListOrRange(p);
      if (token.text === '{') return parseMapLiteral(p);
      throw c.error(`Encountered "${token.text}"`, token.at);
    default:
      throw c.error(token.type === 'eof' ? 'Unexpected end of template' : `Encountered "${token.text}"`, token.at);
  }
}

export function expectPunct(c: Cursor, text: string): Token {
  const token = nextToken(c);
  if (token.type !== 'punct' || token.text !== text) {
    throw c.error(`Encountered "${token.text || '<EOF>'}" where "${text}" was expected`, token.at);
  }
  return token;
}

function parseListOrRange(p: ExpressionParser): Expr {
  const c = p.c;
  const open = expectPunct(c, '[');
  if (peekToken(c).text === ']') {
    c.pos = peekToken(c).end;
    return { kind: 'list', items: [], at: open.at };
  }
  const first = parseExpression(p);
  const sep = peekToken(c);
  if (sep.type === 'punct' && sep.text === '..') {
    c.pos = sep.end;
    const to = parseExpression(p);
    expectPunct(c, ']');
    return { kind: 'range', from: first, to, at: open.at };
  }
  const items = [first];
  for (;;) {
    const token = nextToken(c);
    if (token.type === 'punct' && token.text === ']') return { kind: 'list', items, at: open.at };
    if (token.type !== 'punct' || token.text !== ',') throw c.error(`Encountered "${token.text}" in a list`, token.at);
    items.push(parseExpression(p));
  }
}

function parseMapLiteral(p: ExpressionParser): Expr {
  const c = p.c;
  const open = expectPunct(c, '{');
  const entries: Array<[Expr, Expr]> = [];
  if (peekToken(c).text === '}') {
    c.pos = peekToken(c).end;
    return { kind: 'map', entries, at: open.at };
  }
  for (;;) {
    const key = parseExpression(p);
    expectPunct(c, ':');
    entries.push([key, parseExpression(p)]);
    const token = nextToken(c);
    if (token.type === 'punct' && token.text === '}') return { kind: 'map', entries, at: open.at };
    if (token.type !== 'punct' || token.text !== ',') throw c.error(`Encountered "${token.text}" in a map`, token.at);
  }
}

/** Integer literal as Java reads it: Integer, Long, else BigInteger (a JS bigint past 2^53). */
export function parseIntegerLiteral(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n + 0 : BigInt(text);
}

/** Floating-point literal: a Java Double. */
export function parseFloatLiteral(text: string): number | JavaDouble {
  const n = Number(text);
  return Number.isInteger(n) ? new JavaDouble(n) : n;
}

/** `'literal'` strings are verbatim; `"interpolated"` strings with `$` or `#` are templates. */
function parseStringLiteral(p: ExpressionParser, token: Token): Expr {
  const body = token.text.slice(1, -1);
  if (token.text.startsWith("'")) return { kind: 'literal', value: body, at: token.at };
  if (!body.includes('$') && !body.includes('#')) return { kind: 'literal', value: unescapeUnicode(body), at: token.at };
  const inner = body.includes('\\u')
    ? new Cursor(new SourceText(unescapeUnicode(body)))
    : new Cursor(p.c.source, token.at + 1, token.end - 1);
  return { kind: 'interpolated', body: p.parseTemplateBody(inner), at: token.at };
}

/** Velocity 1.7 only decodes `\uXXXX` in string literals; `\n`, `\"` and friends stay as written. */
export function unescapeUnicode(s: string): string {
  return s.includes('\\u') ? s.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/**
 * A reference at the cursor (`$` or `$!`, optionally `${...}`), or undefined when the text there is
 * not a reference. Method arguments accept full expressions (a superset of Velocity 1.7's grammar).
 */
export function parseReference(p: ExpressionParser): RefExpr | undefined {
  const c = p.c;
  const at = c.pos;
  let i = 1;
  if (c.code(i) === 33) i++;
  const formal = c.code(i) === 123;
  if (formal) i++;
  if (!isIdentifierStart(c.code(i))) return undefined;
  c.pos += i;
  c.enter();
  try {
    const root = readIdentifier(c);
    const chain: Accessor[] = [];
    for (;;) {
      const ch = c.code();
      if (ch === 91) chain.push(parseIndex(p));
      else if (ch === 46 && isAlpha(c.code(1))) {
        const nameAt = c.pos + 1;
        c.pos++;
        const name = readIdentifier(c);
        if (c.code() === 40) chain.push({ kind: 'method', name, args: parseArguments(p), at: nameAt });
        else chain.push({ kind: 'property', name, at: nameAt });
      } else break;
    }
    if (formal) {
      if (c.code() !== 125) throw c.error('Encountered text where "}" closes a formal reference');
      c.pos++;
    }
    return { kind: 'ref', root, chain, source: c.text.slice(at, c.pos), at };
  } finally {
    c.leave();
  }
}

function readIdentifier(c: Cursor): string {
  const start = c.pos;
  while (!c.atEnd() && isIdentifierPart(c.code())) c.pos++;
  return c.text.slice(start, c.pos);
}

function parseIndex(p: ExpressionParser): Accessor {
  const c = p.c;
  const at = c.pos;
  c.pos++;
  const index = parseExpression(p);
  skipWhitespace(c);
  if (c.code() !== 93) throw c.error('Encountered text where "]" closes an index', c.pos);
  c.pos++;
  return { kind: 'index', index, at };
}

function parseArguments(p: ExpressionParser): Expr[] {
  const c = p.c;
  c.pos++;
  const args: Expr[] = [];
  if (peekToken(c).text === ')') {
    c.pos = peekToken(c).end;
    return args;
  }
  for (;;) {
    args.push(parseExpression(p));
    const token = nextToken(c);
    if (token.type === 'punct' && token.text === ')') return args;
    if (token.type !== 'punct' || token.text !== ',') throw c.error(`Encountered "${token.text}" in method arguments`, token.at);
  }
}
