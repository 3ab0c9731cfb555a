// Unit tests of the Lambda authorizer output parser and the IAM-style policy evaluation.

import { describe, expect, it } from 'vitest';
import { evaluatePolicy, MalformedAuthorizerOutput, parseAuthorizerOutput } from './authorizer-result.js';

const ARN = 'arn:aws:execute-api:us-east-1:000000000000:abc123/prod/GET/pets/1';
const policy = (...statements: unknown[]) => JSON.stringify({ principalId: 'p', policyDocument: { Version: '2012-10-17', Statement: statements } });
const decide = (...statements: unknown[]) => evaluatePolicy(parseAuthorizerOutput(policy(...statements)).statements, ARN);

describe('evaluatePolicy', () => {
  it('allows on a matching Allow, with any of the Invoke action spellings', () => {
    for (const action of ['execute-api:Invoke', 'execute-api:invoke', 'execute-api:*', '*', ['s3:GetObject', 'execute-api:Invoke']]) {
      expect(decide({ Effect: 'Allow', Action: action, Resource: '*' })).toBe('allow');
    }
  });

  it('is an implicit deny without a matching Allow, and an explicit deny wins over an Allow', () => {
    expect(decide({ Effect: 'Allow', Action: 's3:*', Resource: '*' })).toBe('implicit-deny');
    expect(decide({ Effect: 'Allow', Action: '*', Resource: ['arn:aws:execute-api:*:*:other/*'] })).toBe('implicit-deny');
    expect(decide({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: `${ARN.slice(0, -1)}?` })).toBe('explicit-deny');
    expect(decide()).toBe('implicit-deny');
  });

  it('accepts a single Statement object and a policy document given as a JSON string', () => {
    const single = parseAuthorizerOutput(JSON.stringify({ principalId: 1, policyDocument: JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }) }));
    expect(single.principalId).toBe('1');
    expect(evaluatePolicy(single.statements, ARN)).toBe('allow');
  });
});

describe('parseAuthorizerOutput', () => {
  it('stringifies context values and keeps usageIdentifierKey', () => {
    const result = parseAuthorizerOutput(
      JSON.stringify({ principalId: 'u', policyDocument: { Statement: [] }, context: { s: 'x', n: 4.5, t: true, f: false }, usageIdentifierKey: 'key' }),
    );
    expect(result).toEqual({ principalId: 'u', statements: [], context: { s: 'x', n: '4.5', t: 'true', f: 'false' }, usageIdentifierKey: 'key' });
  });

  it.each([
    ['not json', 'x{'],
    ['a string', '"allow"'],
    ['no principalId', JSON.stringify({ policyDocument: { Statement: [] } })],
    ['no policyDocument', JSON.stringify({ principalId: 'u' })],
    ['no Statement', JSON.stringify({ principalId: 'u', policyDocument: {} })],
    ['a bad Effect', policy({ Effect: 'allow', Action: '*', Resource: '*' })],
    ['no Resource', policy({ Effect: 'Allow', Action: '*' })],
    ['an object in context', JSON.stringify({ principalId: 'u', policyDocument: { Statement: [] }, context: { o: {} } })],
    ['an array in context', JSON.stringify({ principalId: 'u', policyDocument: { Statement: [] }, context: { a: [] } })],
    ['a non-string usageIdentifierKey', JSON.stringify({ principalId: 'u', policyDocument: { Statement: [] }, usageIdentifierKey: 5 })],
  ])('refuses %s', (_name, payload) => {
    expect(() => parseAuthorizerOutput(payload)).toThrow(MalformedAuthorizerOutput);
  });
});
