// IAM policy compilation and evaluation: effects, principals, actions, resources with wildcards and
// the condition operators Portico evaluates (IAM User Guide "Policy evaluation logic").

import { describe, expect, it } from 'vitest';
import { evaluatePolicy, type PolicyPrincipal } from './evaluate-policy.js';
import { ipInRange, parseIpAddress, parseIpRange } from './ip-range.js';
import { compilePolicy, PolicyDocumentError } from './policy-document.js';
import { matchesWildcard } from './wildcard.js';

const ARN = 'arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/pets/1';
const ALICE: PolicyPrincipal = { arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333' };
const SESSION: PolicyPrincipal = { arn: 'arn:aws:sts::444455556666:assumed-role/Reader/s1', accountId: '444455556666' };

interface Ask {
  principal?: PolicyPrincipal;
  keys?: Record<string, string>;
  resource?: string;
  action?: string;
}

function decide(statements: unknown[], ask: Ask = {}, kind: 'identity' | 'resource' = 'resource') {
  const policy = compilePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), kind);
  const keys = Object.fromEntries(Object.entries(ask.keys ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
  return evaluatePolicy(policy, { action: ask.action ?? 'execute-api:Invoke', resource: ask.resource ?? ARN, principal: ask.principal, context: (key) => keys[key] });
}

const allow = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*', ...extra });
const deny = (extra: Record<string, unknown> = {}) => ({ ...allow(extra), Effect: 'Deny', ...extra });

describe('matchesWildcard', () => {
  it.each([
    ['*', true],
    ['arn:aws:execute-api:*:*:abc123/*/GET/*', true],
    ['arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/pets/?', true],
    ['arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/pets/??', false],
    ['arn:aws:execute-api:us-east-1:111122223333:abc123/prod/POST/*', false],
    ['arn:aws:execute-api:us-east-1:111122223333:ABC123/*', false],
    [ARN, true],
    [`${ARN}*`, true],
    [`${ARN}**`, true],
    [`${ARN}x`, false],
    [ARN.slice(0, -1), false],
    ['', false],
    ['arn:*/pets/*1', true],
    ['arn:*GET*pets*', true],
    ['arn:*/pets/*2', false],
  ])('%s → %s', (pattern, expected) => expect(matchesWildcard(pattern, ARN)).toBe(expected));
});

describe('IP ranges', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1', true],
    ['127.0.0.1', '127.0.0.0/8', true],
    ['10.1.2.3', '10.0.0.0/16', false],
    ['203.0.113.9', '0.0.0.0/0', true],
    ['::1', '::1/128', true],
    ['2001:db8::7', '2001:db8::/32', true],
    ['2001:db9::7', '2001:db8::/32', false],
    ['::ffff:127.0.0.1', '127.0.0.0/24', true],
    ['127.0.0.1', '::/0', false],
  ])('%s in %s → %s', (address, range, expected) => expect(ipInRange(parseIpAddress(address)!, parseIpRange(range)!)).toBe(expected));

  it('refuses what is not an address or range', () => {
    for (const text of ['300.1.1.1', '10.0.0.0/33', 'abc', '::1/129', '10.0.0.0/x']) expect(parseIpRange(text)).toBeUndefined();
  });
});

describe('evaluatePolicy', () => {
  it('an explicit Deny wins over an Allow; no matching Allow is an implicit deny', () => {
    expect(decide([allow()])).toBe('allow');
    expect(decide([allow(), deny({ Resource: 'arn:aws:execute-api:*:*:abc123/prod/GET/pets/*' })])).toBe('explicit-deny');
    expect(decide([allow({ Resource: 'arn:aws:execute-api:*:*:other/*' })])).toBe('implicit-deny');
    expect(decide([allow({ Action: 's3:GetObject' })])).toBe('implicit-deny');
    expect(decide([allow({ Action: ['s3:*', 'EXECUTE-API:invoke'] })])).toBe('allow');
  });

  it('NotAction and NotResource invert the match', () => {
    expect(decide([allow({ Action: undefined, NotAction: 's3:*' })])).toBe('allow');
    expect(decide([allow({ Resource: undefined, NotResource: 'arn:aws:execute-api:*:*:abc123/*/POST/*' })])).toBe('allow');
    expect(decide([allow({ Resource: undefined, NotResource: ['arn:aws:execute-api:*:*:abc123/*'] })])).toBe('implicit-deny');
  });

  it('matches principals: *, {"AWS":"*"}, account ids, root, exact ARNs and a role for its sessions', () => {
    expect(decide([allow({ Principal: { AWS: '*' } })])).toBe('allow');
    expect(decide([allow({ Principal: { AWS: '111122223333' } })])).toBe('implicit-deny');
    expect(decide([allow({ Principal: { AWS: '111122223333' } })], { principal: ALICE })).toBe('allow');
    expect(decide([allow({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })], { principal: ALICE })).toBe('allow');
    expect(decide([allow({ Principal: { AWS: ['arn:aws:iam::111122223333:user/bob'] } })], { principal: ALICE })).toBe('implicit-deny');
    expect(decide([allow({ Principal: { AWS: 'arn:aws:iam::444455556666:role/Reader' } })], { principal: SESSION })).toBe('allow');
    expect(decide([allow({ Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/alice' } })], { principal: ALICE })).toBe('implicit-deny');
    expect(decide([allow({ Principal: { Service: 'lambda.amazonaws.com' } })], { principal: ALICE })).toBe('implicit-deny');
  });

  it('IpAddress / NotIpAddress on aws:SourceIp, with a list of ranges', () => {
    const onlyLocal = allow({ Condition: { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '127.0.0.1'] } } });
    expect(decide([onlyLocal], { keys: { 'aws:SourceIp': '127.0.0.1' } })).toBe('allow');
    expect(decide([onlyLocal], { keys: { 'aws:SourceIp': '198.51.100.1' } })).toBe('implicit-deny');
    const blockOthers = deny({ Condition: { NotIpAddress: { 'aws:sourceip': '10.0.0.0/8' } } });
    expect(decide([allow(), blockOthers], { keys: { 'aws:SourceIp': '127.0.0.1' } })).toBe('explicit-deny');
    expect(decide([allow(), blockOthers], { keys: { 'aws:SourceIp': '10.9.9.9' } })).toBe('allow');
  });

  it('a key absent from the request fails positive operators, satisfies negated ones, IfExists and Null', () => {
    expect(decide([allow({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } })])).toBe('implicit-deny');
    expect(decide([allow({ Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } })])).toBe('allow');
    expect(decide([allow({ Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } } })])).toBe('allow');
    expect(decide([allow({ Condition: { Null: { 'aws:SourceVpce': 'true' } } })])).toBe('allow');
    expect(decide([allow({ Condition: { Null: { 'aws:SourceIp': true } } })], { keys: { 'aws:SourceIp': '1.2.3.4' } })).toBe('implicit-deny');
  });

  it('String and Arn operators, all conditions must hold', () => {
    const keys = { 'aws:PrincipalArn': ALICE.arn, 'aws:UserAgent': 'curl/8.0' };
    expect(decide([allow({ Condition: { StringLike: { 'aws:UserAgent': 'curl/*' }, ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/a*' } } })], { keys })).toBe('allow');
    expect(decide([allow({ Condition: { StringLike: { 'aws:UserAgent': 'curl/*' }, StringNotLike: { 'aws:PrincipalArn': '*alice' } } })], { keys })).toBe('implicit-deny');
    expect(decide([allow({ Condition: { StringEqualsIgnoreCase: { 'aws:UserAgent': 'CURL/8.0' } } })], { keys })).toBe('allow');
    expect(decide([allow({ Condition: { StringEquals: { 'aws:UserAgent': 'CURL/8.0' } } })], { keys })).toBe('implicit-deny');
  });

  it('identity policies apply to their own principal and may not name one', () => {
    expect(decide([{ Effect: 'Allow', Action: 'execute-api:*', Resource: 'arn:aws:execute-api:*:*:abc123/*' }], { principal: ALICE }, 'identity')).toBe('allow');
    expect(() => decide([allow()], {}, 'identity')).toThrow(PolicyDocumentError);
  });
});

describe('compilePolicy refuses what IAM refuses', () => {
  it.each([
    ['not JSON', '{'],
    ['no Statement', '{"Version":"2012-10-17"}'],
    ['a bad Version', JSON.stringify({ Version: '2020-01-01', Statement: [allow()] })],
    ['a bad Effect', JSON.stringify({ Statement: [allow({ Effect: 'allow' })] })],
    ['no Principal in a resource policy', JSON.stringify({ Statement: [allow({ Principal: undefined })] })],
    ['an invalid principal', JSON.stringify({ Statement: [allow({ Principal: { AWS: 'bob' } })] })],
    ['no Action', JSON.stringify({ Statement: [allow({ Action: undefined })] })],
    ['both Resource and NotResource', JSON.stringify({ Statement: [allow({ NotResource: '*' })] })],
    ['an invalid CIDR', JSON.stringify({ Statement: [allow({ Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/40' } } })] })],
    ['an unknown operator', JSON.stringify({ Statement: [allow({ Condition: { StringSoundsLike: { 'aws:UserAgent': 'x' } } })] })],
  ])('%s', (_name, text) => expect(() => compilePolicy(text, 'resource')).toThrow(PolicyDocumentError));
});
