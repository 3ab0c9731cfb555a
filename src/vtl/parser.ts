// The VTL template parser: text, references, directives and comments into an AST, following
// Velocity 1.7's lexer rules as API Gateway runs them (which newlines a directive eats, when
// #set eats its indentation, how backslashes escape $ and #). Compile time only.

import type { Expr, IfBranch, MacroDefinition, Node, RefExpr, TemplateAst } from './ast.js';
import { Cursor, eatLineEnd, isWordPart, isWordStart, nextToken, peekToken, skipWhitespace, SourceText } from './lexer.js';
import { expectPunct, parseExpression, parsePrimary, parseReference, type ExpressionParser } from './parse-expression.js';

type Terminator =
  | { kind: 'end' | 'else' | 'eof'; at: number }
  | { kind: 'elseif'; condition: Expr; at: number };

interface Block {
  nodes: Node[];
  term: Terminator;
}

/** Directives Velocity 1.7 recognises when escaped (`\#if` prints `#if`). */
const CONTROL_DIRECTIVES = new Set(['if', 'else', 'elseif', 'end', 'stop']);
const PLUGGABLE_DIRECTIVES = new Set(['foreach', 'include', 'parse', 'macro', 'literal', 'evaluate', 'break', 'define']);

export function parseTemplate(source: string): TemplateAst {
  const parser = new TemplateParser(new Cursor(new SourceText(source)));
  const body = parser.parseTemplateBody(parser.c);
  return { body, macros: parser.macros };
}

class TemplateParser implements ExpressionParser {
  readonly macros = new Map<string, MacroDefinition>();

  constructor(public c: Cursor) {}

  parseTemplateBody = (c: Cursor): Node[] => {
    const saved = this.c;
    this.c = c;
    try {
      const { nodes, term } = this.parseBlock();
      if (term.kind !== 'eof') throw c.error(`Encountered "#${term.kind}" without a matching directive`, term.at);
      return nodes;
    } finally {
      this.c = saved;
    }
  };

  /** Statements up to EOF or a terminating `#end` / `#else` / `#elseif`. */
  private parseBlock(): Block {
    const c = this.c;
    c.enter();
    try {
      const nodes: Node[] = [];
      let text = '';
      let runStart = c.pos;
      const src = c.text;
      for (;;) {
        let i = c.pos;
        while (i < c.end) {
          const ch = src.charCodeAt(i);
          if (ch === 36 || ch === 35 || ch === 92) break;
          i++;
        }
        if (i >= c.end) {
          text += src.slice(runStart, c.end);
          c.pos = c.end;
          if (text) nodes.push({ kind: 'text', text });
          return { nodes, term: { kind: 'eof', at: c.end } };
        }
        const ch = src.charCodeAt(i);
        // AWS: #set eats the spaces before it when they start a token (Velocity 1.7 SET_DIRECTIVE); test/conformance/vtl/vtl-whitespace.ts
        const eatsIndent = ch === 35 && this.isSetDirective(i) && /^[ \t]+$/.test(src.slice(runStart, i));
        if (!eatsIndent) text += src.slice(runStart, i);
        c.pos = i;
        const result = ch === 36 ? this.parseDollar(0) : ch === 92 ? this.parseBackslashes() : this.parseHash();
        if (typeof result === 'string') text += result;
        else if (result !== undefined) {
          if ('term' in result) {
            if (text) nodes.push({ kind: 'text', text });
            return { nodes, term: result.term };
          }
          if (text) nodes.push({ kind: 'text', text });
          text = '';
          nodes.push(result);
        }
        runStart = c.pos;
      }
    } finally {
      c.leave();
    }
  }

  private isSetDirective(at: number): boolean {
    const src = this.c.text;
    let i = src.startsWith('#set', at) ? at + 4 : src.startsWith('#{set}', at) ? at + 6 : -1;
    if (i < 0) return false;
    while (src.charCodeAt(i) === 32) i++;
    return src.charCodeAt(i) === 40 && i < this.c.end;
  }

  /** `$...` at the cursor after `backslashes` escapes: a reference node, or literal text. */
  private parseDollar(backslashes: number): Node | string {
    const c = this.c;
    const quiet = c.code(1) === 33;
    const ref = parseReference(this);
    if (ref === undefined) {
      c.pos += quiet ? 2 : 1;
      // AWS: a `$!` that starts no reference prints `$` (Velocity keeps only `$` of the special token); test/conformance/vtl/vtl-escapes.ts
      return '\\'.repeat(backslashes) + '$';
    }
    return { kind: 'reference', ref, quiet, escaped: backslashes % 2 === 1, prefix: '\\'.repeat(backslashes >> 1) };
  }

  private parseBackslashes(): Node | string {
    const c = this.c;
    const start = c.pos;
    while (c.code() === 92) c.pos++;
    const n = c.pos - start;
    if (c.code() === 36) return this.parseDollar(n);
    if (c.code() !== 35) return '\\'.repeat(n);
    const word = this.readDirectiveWord(c.pos);
    if (word === undefined) return '\\'.repeat(n);
    const known = CONTROL_DIRECTIVES.has(word.name) || PLUGGABLE_DIRECTIVES.has(word.name) || this.macros.has(word.name);
    if (n % 2 === 1) {
      c.pos = word.end;
      const image = c.text.slice(start + n, word.end);
      return (known || word.name === 'set' ? '\\'.repeat((n - 1) / 2) : '\\'.repeat(n)) + image;
    }
    return (known ? '\\' : '\\\\').repeat(n / 2);
  }

  private readDirectiveWord(at: number): { name: string; end: number; bracketed: boolean } | undefined {
    const src = this.c.text;
    const limit = this.c.end;
    let i = at + 1;
    const bracketed = src.charCodeAt(i) === 123;
    if (bracketed) i++;
    const start = i;
    if (i >= limit || !isWordStart(src.charCodeAt(i)) || (bracketed && src.charCodeAt(i) === 64)) return undefined;
    while (i < limit && isWordPart(src.charCodeAt(i))) i++;
    const name = src.slice(start, i);
    if (bracketed) {
      if (src.charCodeAt(i) !== 125) return undefined;
      i++;
    }
    return { name, end: i, bracketed };
  }

  private parseHash(): Node | string | { term: Terminator } | undefined {
    const c = this.c;
    const at = c.pos;
    if (c.startsWith('##')) {
      while (!c.atEnd() && c.code() !== 10 && c.code() !== 13) c.pos++;
      eatLineEnd(c);
      return undefined;
    }
    if (c.startsWith('#*')) {
      const close = c.text.indexOf('*#', at + 2);
      if (close < 0 || close + 2 > c.end) throw c.error('Unterminated comment', at);
      c.pos = close + 2;
      return undefined;
    }
    if (c.startsWith('#[[')) {
      const close = c.text.indexOf(']]#', at + 3);
      if (close < 0 || close + 3 > c.end) throw c.error('Unterminated #[[ ]]# block', at);
      c.pos = close + 3;
      return c.text.slice(at + 3, close);
    }
    const word = this.readDirectiveWord(at);
    if (word === undefined) {
      c.pos = at + 1;
      return '#';
    }
    c.pos = word.end;
    switch (word.name) {
      case 'end':
      case 'else':
        eatLineEnd(c);
        return { term: { kind: word.name, at } };
      case 'elseif':
        return { term: { kind: 'elseif', condition: this.parseCondition(), at } };
      case 'if':
        return this.parseIf(at);
      case 'stop':
        return { kind: 'stop', at };
      case 'set':
        if (this.isSetDirective(at)) return this.parseSet(at);
        break;
      case 'foreach':
        return this.parseForeach(at);
      case 'macro':
        this.parseMacro(at);
        return undefined;
      case 'define':
        return this.parseDefine(at);
      case 'break':
        if (this.hasLeftParen()) this.parseDirectiveArgs(false);
        return { kind: 'break', at };
      case 'literal':
        return this.parseLiteral(at);
      case 'include':
      case 'parse':
      case 'evaluate':
        if (this.hasLeftParen()) this.parseDirectiveArgs(false);
        return { kind: 'unsupported', directive: word.name, at };
    }
    return this.parseMacroCall(word.name, at);
  }

  private hasLeftParen(): boolean {
    const c = this.c;
    let i = 0;
    for (let ch = c.code(i); ch === 32 || ch === 9 || ch === 10 || ch === 13; ch = c.code(++i));
    return c.code(i) === 40;
  }

  /** `[ws] ( expression )` then the directive's `)` eats a trailing newline. */
  private parseCondition(): Expr {
    const c = this.c;
    if (!this.hasLeftParen()) throw c.error('Expected "(" after the directive');
    expectPunct(c, '(');
    const condition = parseExpression(this);
    this.closeDirective();
    return condition;
  }

  private closeDirective(): void {
    expectPunct(this.c, ')');
    // AWS: a directive's closing parenthesis eats trailing spaces and one newline (Velocity 1.7 RPAREN); test/conformance/vtl/vtl-whitespace.ts
    eatLineEnd(this.c);
  }

  private parseIf(at: number): Node {
    const branches: IfBranch[] = [{ condition: this.parseCondition(), body: [] }];
    for (;;) {
      const { nodes, term } = this.parseBlock();
      const branch = branches[branches.length - 1];
      if (branch) branch.body = nodes;
      if (term.kind === 'elseif') branches.push({ condition: term.condition, body: [] });
      else if (term.kind === 'else') {
        const rest = this.parseBlock();
        if (rest.term.kind !== 'end') throw this.unclosed('#else', rest.term, at);
        return { kind: 'if', branches, otherwise: rest.nodes, at };
      } else if (term.kind === 'end') return { kind: 'if', branches, otherwise: undefined, at };
      else throw this.unclosed('#if', term, at);
    }
  }

  private unclosed(directive: string, term: Terminator, at: number): Error {
    if (term.kind === 'eof') return this.c.error(`${directive} has no matching #end`, at);
    return this.c.error(`Encountered "#${term.kind}" inside ${directive}`, term.at);
  }

  /** A block directive's body, which must close with `#end`. */
  private parseBody(directive: string, at: number): Node[] {
    const { nodes, term } = this.parseBlock();
    if (term.kind !== 'end') throw this.unclosed(directive, term, at);
    return nodes;
  }

  private parseSet(at: number): Node {
    const c = this.c;
    expectPunct(c, '(');
    const target = this.expectReference('#set');
    const eq = nextToken(c);
    if (eq.type !== 'op' || eq.text !== '=') throw c.error(`Encountered "${eq.text}" where "=" was expected in #set`, eq.at);
    const value = parseExpression(this);
    this.closeDirective();
    return { kind: 'set', target, value, at };
  }

  private expectReference(directive: string): RefExpr {
    const token = peekToken(this.c);
    const ref = token.type === 'dollar' ? parseReference(this) : undefined;
    if (ref === undefined) throw this.c.error(`${directive} expects a reference`, token.at);
    return ref;
  }

  private expectSimpleReference(directive: string): string {
    const ref = this.expectReference(directive);
    if (ref.chain.length > 0) throw this.c.error(`${directive} expects a simple reference`, ref.at);
    return ref.root;
  }

  private parseForeach(at: number): Node {
    const c = this.c;
    if (!this.hasLeftParen()) throw c.error('#foreach requires arguments', at);
    expectPunct(c, '(');
    const variable = this.expectSimpleReference('#foreach');
    const inWord = nextToken(c);
    if (inWord.type !== 'word' || inWord.text !== 'in') throw c.error('#foreach expects "in" as its second argument', inWord.at);
    const iterable = parseExpression(this);
    this.closeDirective();
    return { kind: 'foreach', variable, iterable, body: this.parseBody('#foreach', at), at };
  }

  private parseMacro(at: number): void {
    const c = this.c;
    if (!this.hasLeftParen()) throw c.error('A macro declaration requires at least a name argument', at);
    expectPunct(c, '(');
    const nameToken = nextToken(c);
    if (nameToken.type !== 'word') throw c.error('Invalid first arg in #macro() directive - must be a word token', nameToken.at);
    const params: string[] = [];
    for (;;) {
      skipWhitespace(c);
      if (c.code() === 44) c.pos++;
      const token = peekToken(c);
      if (token.type === 'punct' && token.text === ')') break;
      params.push(this.expectSimpleReference('#macro'));
    }
    this.closeDirective();
    const body = this.parseBody('#macro', at);
    this.macros.set(nameToken.text, { name: nameToken.text, params, body, at });
  }

  private parseDefine(at: number): Node {
    const c = this.c;
    if (!this.hasLeftParen()) throw c.error('#define requires a reference argument', at);
    expectPunct(c, '(');
    const name = this.expectSimpleReference('#define');
    this.closeDirective();
    return { kind: 'define', name, body: this.parseBody('#define', at), at };
  }

  /** `#literal() ... #end`: the body's source text, unrendered (it must still parse). */
  private parseLiteral(at: number): Node | string {
    const c = this.c;
    if (!this.hasLeftParen()) return this.parseMacroCall('literal', at);
    this.parseDirectiveArgs(false);
    const start = c.pos;
    const { term } = this.parseBlock();
    if (term.kind !== 'end') throw this.unclosed('#literal', term, at);
    return c.text.slice(start, term.at);
  }

  /** `( arg arg, arg )`: Velocity's DirectiveArg list (whitespace or commas between arguments). */
  private parseDirectiveArgs(rejectWords: boolean): Expr[] {
    const c = this.c;
    expectPunct(c, '(');
    const args: Expr[] = [];
    for (;;) {
      skipWhitespace(c);
      if (c.code() === 44) c.pos++;
      const token = peekToken(c);
      if (token.type === 'punct' && token.text === ')') break;
      if (token.type === 'word' && token.text !== 'true' && token.text !== 'false') {
        if (rejectWords) throw c.error(`Invalid arg "${token.text}" in a macro call`, token.at);
        c.pos = token.end;
        args.push({ kind: 'literal', value: token.text, at: token.at });
      } else args.push(parsePrimary(this));
    }
    this.closeDirective();
    return args;
  }

  /** `#name(args)` or `#name`: a macro call, printed literally when no such macro exists. */
  private parseMacroCall(name: string, at: number): Node | string {
    const c = this.c;
    const isBlock = name.startsWith('@');
    if (!this.hasLeftParen()) {
      if (isBlock) throw c.error(`#${name} requires arguments`, at);
      return { kind: 'macro-call', name, args: [], body: undefined, literal: c.text.slice(at, c.pos), at };
    }
    const args = this.parseDirectiveArgs(this.macros.has(name));
    const literal = c.text.slice(at, c.pos);
    const body = isBlock ? this.parseBody(`#${name}`, at) : undefined;
    return { kind: 'macro-call', name: isBlock ? name.slice(1) : name, args, body, literal, at };
  }
}
