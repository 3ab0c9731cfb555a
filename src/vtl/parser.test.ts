// Unit tests for the template parser: node shapes, Velocity 1.7's gobbling decisions made at
// parse time (#set indentation, directive newlines), macro hoisting and error positions.

import { describe, expect, it } from 'vitest';
import type { Node } from './ast.js';
import { VtlCompileError } from './mapping-template.js';
import { parseTemplate } from './parser.js';

const kinds = (nodes: Node[]): string[] => nodes.map((n) => (n.kind === 'text' ? `text:${n.text}` : n.kind));

describe('parseTemplate', () => {
  it('splits text and references', () => {
    const { body } = parseTemplate('a $b.c(1)[2] d');
    expect(kinds(body)).toEqual(['text:a ', 'reference', 'text: d']);
    const ref = body[1];
    expect(ref?.kind === 'reference' && ref.ref.chain.map((a) => a.kind)).toEqual(['method', 'index']);
  });

  it('records quiet, escaped and prefix of references', () => {
    const { body } = parseTemplate('$!a\\$b\\\\$c');
    const refs = body.filter((n) => n.kind === 'reference');
    expect(refs.map((n) => n.kind === 'reference' && [n.quiet, n.escaped, n.prefix])).toEqual([[true, false, ''], [false, true, ''], [false, false, '\\']]);
  });

  it('eats the indentation before #set only at a token start', () => {
    expect(kinds(parseTemplate('#set($a = 1)\n  #set($b = 2)\nx').body)).toEqual(['set', 'set', 'text:x']);
    expect(kinds(parseTemplate('t\n  #set($b = 2)\nx').body)).toEqual(['text:t\n  ', 'set', 'text:x']);
  });

  it('nests #if / #elseif / #else', () => {
    const [node] = parseTemplate('#if($a)1#elseif($b)2#{else}3#end').body;
    expect(node?.kind).toBe('if');
    if (node?.kind === 'if') {
      expect(node.branches).toHaveLength(2);
      expect(node.otherwise).toEqual([{ kind: 'text', text: '3' }]);
    }
  });

  it('hoists macro definitions out of the body', () => {
    const ast = parseTemplate('#macro(m $x)[$x]#end#m(1)');
    expect(ast.macros.get('m')?.params).toEqual(['x']);
    expect(kinds(ast.body)).toEqual(['macro-call']);
  });

  it('keeps an unknown #word as a macro call with its literal source', () => {
    const [node] = parseTemplate('#nope(a, "b")').body;
    expect(node?.kind === 'macro-call' && node.literal).toBe('#nope(a, "b")');
  });

  it('reports unclosed blocks at the opening directive', () => {
    try {
      parseTemplate('x\n  #foreach($a in $b)\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(VtlCompileError);
      expect((error as VtlCompileError).line).toBe(2);
      expect((error as VtlCompileError).column).toBe(3);
    }
  });

  it('rejects templates nested beyond the bound', () => {
    expect(() => parseTemplate('#set($a = ' + '('.repeat(500) + '1' + ')'.repeat(500) + ')')).toThrowError(VtlCompileError);
  });

  it('parses interpolated string literals as templates', () => {
    const [node] = parseTemplate('#set($a = "x$b#if(true)y#end")').body;
    expect(node?.kind === 'set' && node.value.kind).toBe('interpolated');
  });
});
