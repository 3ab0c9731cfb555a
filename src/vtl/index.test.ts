// Unit tests for the engine's contract (mapping-template.ts): compile once, render many times
// with independent state, VtlCompileError / VtlRuntimeError with 1-based positions, overrides.

import { describe, expect, it } from 'vitest';
import { compileMappingTemplate, VtlCompileError, VtlInvalidJsonError, VtlRuntimeError, type MappingTemplateInput } from './index.js';

const input = (body = '', context: Record<string, unknown> = {}): MappingTemplateInput => ({
  body,
  params: { path: {}, querystring: {}, header: {} },
  context,
  stageVariables: {},
});

describe('compileMappingTemplate', () => {
  it('renders many times from one compilation, each render starting fresh', () => {
    const template = compileMappingTemplate("#set($n = $input.path('$.n'))#set($l = [])#set($d = $l.add($n))$l|$context.responseOverride.status");
    expect(template.render(input('{"n": 1}')).output).toBe('[1]|');
    expect(template.render(input('{"n": 2}')).output).toBe('[2]|');
  });

  it('reads strings from the native parse and switches to the exact reader once a number shows (AWS: 1.0 prints as 1.0, reference §3.1)', () => {
    const template = compileMappingTemplate("$input.path('$.a')|$input.json('$.a')|$input.path('$.n')|$input.json('$')|$input.path('$.m')");
    expect(template.render(input('{"a": "x/y", "n": 1.0, "m": 2}')).output).toBe('x/y|"x/y"|1.0|{"a":"x/y","n":1.0,"m":2}|2');
    expect(template.render(input('{"a": "x/y", "n": 1.5, "m": 2}')).output).toBe('x/y|"x/y"|1.5|{"a":"x/y","n":1.5,"m":2}|2');
    expect(template.render(input('{"2": "b", "1": "a"}')).output).toBe('|||{"2":"b","1":"a"}|');
    expect(compileMappingTemplate("$input.path('$.1')|$input.json('$')").render(input('{"2": "b", "1": "a"}')).output).toBe('a|{"2":"b","1":"a"}');
  });

  it('returns overrides per render', () => {
    const template = compileMappingTemplate('#set($context.responseOverride.status = $input.path(\'$.s\'))');
    expect(template.render(input('{"s": 418}')).responseOverride.status).toBe(418);
    expect(template.render(input('{"s": "202"}')).responseOverride.status).toBe(202);
    expect(template.render(input('{}')).responseOverride).toEqual({ header: {}, status: undefined });
  });

  it('throws VtlCompileError with a 1-based position', () => {
    try {
      compileMappingTemplate('ok\n  #if(');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(VtlCompileError);
      expect((error as VtlCompileError).line).toBe(2);
      expect((error as VtlCompileError).message).toMatch(/line 2/);
    }
  });

  it('throws VtlRuntimeError with the failing construct position', () => {
    const template = compileMappingTemplate('a\n  $input.path(\'$.s\').substring(9)');
    try {
      template.render(input('{"s": "x"}'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(VtlRuntimeError);
      expect((error as VtlRuntimeError).line).toBe(2);
      expect((error as VtlRuntimeError).column).toBe(22);
    }
  });

  it('throws VtlInvalidJsonError when the payload is not JSON', () => {
    expect(() => compileMappingTemplate("$input.json('$')").render(input('{'))).toThrowError(VtlInvalidJsonError);
  });

  it('keeps templates independent (caches live in each compiled template)', () => {
    const a = compileMappingTemplate('$input.body.matches("[a-z]+")');
    const b = compileMappingTemplate('$input.body.matches("[0-9]+")');
    expect(a.render(input('abc')).output).toBe('true');
    expect(b.render(input('abc')).output).toBe('false');
  });

  it('does not modify the gateway input', () => {
    const context = { stage: 'dev', identity: { sourceIp: '1.1.1.1' } };
    const frozen = structuredClone(context);
    const template = compileMappingTemplate("#set($x = $context.identity)$x.put('a', 1)");
    expect(() => template.render(input('', context))).toThrowError(/read-only/);
    expect(context).toEqual(frozen);
  });

  it('calls $util.escapeJavaScript directly with the generic dispatch results (null, numbers, a rebound $util, errors)', () => {
    const template = compileMappingTemplate("$util.escapeJavaScript($input.path('$.s'))|$util.escapeJavaScript($input.path('$.n'))|$util.escapeJavaScript($nothing)|#set($util = 'x')$util.escapeJavaScript('a')|$nothing.escapeJavaScript('a')");
    expect(template.render(input('{"s": "\u00e9 \\"q\\" it\'s a/b\\n\\u0001", "n": 1.0}')).output).toBe('\\u00E9 \\"q\\" it\\\'s a\\/b\\n\\u0001|1.0|||');
    expect(() => compileMappingTemplate('$util.escapeJavaScript($input.path(\'$.s\'))').render(input('{'))).toThrowError(VtlInvalidJsonError);
  });

  it('evaluates the target of $x.path / json / params / escapeJavaScript once when it is not $input or $util', () => {
    for (const call of ["path('$')", "json('$')", "params('a')", "escapeJavaScript('a')"]) {
      expect(compileMappingTemplate(`#set($l = [])$l.add(1).${call}$l`).render(input('{}')).output).toBe('[1]');
    }
  });
});
