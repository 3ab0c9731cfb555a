// FunctionRegistry resolution: names, ARNs, partial ARNs, `:qualifier`, versions, aliases (weighted).

import { describe, expect, it } from 'vitest';
import type { FunctionDefinition } from './function-definition.js';
import { FunctionRegistry } from './function-registry.js';

const definition = (version: string): FunctionDefinition => ({
  region: 'us-east-1',
  functionName: 'hello',
  functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:hello',
  version,
  runtime: 'nodejs20.x',
  handler: 'index.handler',
  codeDirectory: '/tmp',
  mounted: false,
  timeout: 3,
  memorySize: 128,
  environment: {},
  reservedConcurrency: undefined,
  revisionId: `rev-${version}`,
});

function registry(draw = 0.5): FunctionRegistry {
  const functions = new FunctionRegistry('000000000000', () => draw);
  functions.set('us-east-1', {
    functionName: 'hello',
    latest: definition('$LATEST'),
    versions: new Map([
      ['1', definition('1')],
      ['2', definition('2')],
    ]),
    aliases: new Map([
      ['live', { functionVersion: '1', additionalVersionWeights: [] }],
      ['canary', { functionVersion: '1', additionalVersionWeights: [['2', 0.3]] }],
    ]),
  });
  return functions;
}

describe('FunctionRegistry', () => {
  it('resolves $LATEST, versions and aliases', () => {
    const functions = registry();
    expect(functions.resolve('us-east-1', 'hello', undefined)?.version).toBe('$LATEST');
    expect(functions.resolve('us-east-1', 'hello', '$LATEST')?.version).toBe('$LATEST');
    expect(functions.resolve('us-east-1', 'hello', '2')?.version).toBe('2');
    expect(functions.resolve('us-east-1', 'hello', 'live')?.version).toBe('1');
    expect(functions.resolve('us-east-1', 'hello', '3')).toBeUndefined();
    expect(functions.resolve('us-east-1', 'hello', 'nope')).toBeUndefined();
    expect(functions.resolve('eu-west-1', 'hello', undefined)).toBeUndefined();
  });

  it('splits a weighted alias by its weights', () => {
    expect(registry(0.1).resolve('us-east-1', 'hello', 'canary')?.version).toBe('2');
    expect(registry(0.5).resolve('us-east-1', 'hello', 'canary')?.version).toBe('1');
  });

  it('resolves names, partial ARNs and ARNs, refusing other accounts and regions', () => {
    const functions = registry();
    expect(functions.resolveReference('us-east-1', 'hello:2')?.version).toBe('2');
    expect(functions.resolveReference('us-east-1', '000000000000:function:hello')?.version).toBe('$LATEST');
    expect(functions.resolveReference('us-east-1', 'arn:aws:lambda:us-east-1:000000000000:function:hello:live')?.version).toBe('1');
    expect(functions.resolveReference('us-east-1', 'arn:aws:lambda:us-east-1:111111111111:function:hello')).toBeUndefined();
    expect(functions.resolveReference('us-east-1', 'arn:aws:lambda:eu-west-1:000000000000:function:hello')).toBeUndefined();
    expect(functions.resolveReference('us-east-1', 'hello:1', '2')).toBeUndefined();
  });

  it('forgets a deleted function', () => {
    const functions = registry();
    functions.delete('us-east-1', 'hello');
    expect(functions.get('us-east-1', 'hello')).toBeUndefined();
  });
});
