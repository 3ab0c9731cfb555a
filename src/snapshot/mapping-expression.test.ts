// Mapping expressions compiled to closures (reference §2.1).

import { describe, expect, it } from 'vitest';
import { compileMappingExpression, type MappingInput } from './mapping-expression.js';

const input: MappingInput = {
  pathParameter: (name) => ({ id: '7' })[name],
  queryValue: (name) => ({ q: 'last' })[name],
  queryValues: (name) => ({ q: ['first', 'last'] })[name],
  headerValue: (name) => ({ 'x-h': 'hv' })[name],
  headerValues: (name) => ({ 'x-h': ['h1', 'hv'] })[name],
  bodyText: () => '{"a":{"b":[1,{"c":"deep"}]}}',
  bodyJson: () => ({ a: { b: [1, { c: 'deep' }] } }),
  stageVariable: (name) => ({ v: 'sv' })[name],
  contextValue: (path) => (path.join('.') === 'identity.sourceIp' ? '1.2.3.4' : undefined),
};

describe('compileMappingExpression', () => {
  it.each([
    ["'static value'", 'static value'],
    ["''", ''],
    ['method.request.path.id', '7'],
    ['method.request.querystring.q', 'last'],
    ['method.request.multivaluequerystring.q', ['first', 'last']],
    ['method.request.header.X-H', 'hv'],
    ['method.request.multivalueheader.x-h', ['h1', 'hv']],
    ['method.request.body', '{"a":{"b":[1,{"c":"deep"}]}}'],
    ['method.request.body.a.b[1].c', 'deep'],
    ['method.request.body.a.b', '[1,{"c":"deep"}]'],
    ['method.request.body.missing.x', undefined],
    ['stageVariables.v', 'sv'],
    ['context.identity.sourceIp', '1.2.3.4'],
    ['method.request.path.absent', undefined],
  ])('%s', (expression, expected) => {
    expect(compileMappingExpression(expression)?.(input)).toEqual(expected);
  });

  it.each(['nonsense', 'method.request.path.', 'method.response.header.x', 'true'])('%s is not an expression', (expression) => {
    expect(compileMappingExpression(expression)).toBeUndefined();
  });
});
