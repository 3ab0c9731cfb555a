// The principals file (parseIamPrincipals), the local default, and resource policies as the control
// plane stores them (normalizeResourcePolicy / parseStoredResourcePolicy).

import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from './evaluate-policy.js';
import { PolicyDocumentError } from './policy-document.js';
import { defaultIamPrincipals, parseIamPrincipals, PrincipalConfigError } from './principals.js';
import { normalizeResourcePolicy, parseStoredResourcePolicy } from './resource-policy-text.js';

describe('IAM principals', () => {
  it('defaults to test/test as the account root with no identity policy', () => {
    expect(defaultIamPrincipals('000000000000')).toEqual([
      { accessKeyId: 'test', secretAccessKey: 'test', arn: 'arn:aws:iam::000000000000:root', accountId: '000000000000', userId: '000000000000', policy: undefined },
    ]);
  });

  it('reads users, roles and sessions, with GetCallerIdentity-like user ids', () => {
    const [user, session, given] = parseIamPrincipals([
      { accessKeyId: 'AKIDALICE', secretAccessKey: 's1', arn: 'arn:aws:iam::111122223333:user/alice', policy: { Version: '2012-10-17', Statement: { Effect: 'Deny', Action: '*', Resource: '*' } } },
      { accessKeyId: 'ASIAROLE', secretAccessKey: 's2', arn: 'arn:aws:sts::111122223333:assumed-role/Reader/build-7' },
      { accessKeyId: 'AKIDBOB', secretAccessKey: 's3', arn: 'arn:aws:iam::111122223333:user/bob', userId: 'AIDABOB' },
    ]);
    expect(user).toMatchObject({ accountId: '111122223333', userId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/) as unknown });
    expect(evaluatePolicy(user!.policy!, { action: 'execute-api:Invoke', resource: 'x', principal: undefined, context: () => undefined })).toBe('explicit-deny');
    expect(session!.userId).toMatch(/^AROA[A-Z2-7]{17}:build-7$/);
    expect(given!.userId).toBe('AIDABOB');
  });

  it.each([
    ['not a list', {}, 'the IAM principals must be a JSON list'],
    ['a bad key', [{ accessKeyId: 'a-b', secretAccessKey: 's', arn: 'arn:aws:iam::111122223333:root' }], 'IAM principal 1: accessKeyId must be letters and digits'],
    ['a bad ARN', [{ accessKeyId: 'A', secretAccessKey: 's', arn: 'arn:aws:s3:::bucket' }], 'IAM principal 1: arn must be an IAM user, role, assumed-role or root ARN'],
    ['no secret', [{ accessKeyId: 'A', arn: 'arn:aws:iam::111122223333:root' }], 'IAM principal 1: secretAccessKey must be a non-empty string'],
    [
      'a duplicate key',
      [
        { accessKeyId: 'A', secretAccessKey: 's', arn: 'arn:aws:iam::111122223333:root' },
        { accessKeyId: 'A', secretAccessKey: 's', arn: 'arn:aws:iam::111122223333:root' },
      ],
      'IAM principal 2: accessKeyId A is listed twice',
    ],
    ['a bad policy', [{ accessKeyId: 'A', secretAccessKey: 's', arn: 'arn:aws:iam::111122223333:root', policy: { Statement: [] , Version: 1 } }], 'IAM principal 1: invalid policy: unsupported Version: 1'],
  ])('refuses %s', (_name, value, message) => {
    expect(() => parseIamPrincipals(value)).toThrow(new PrincipalConfigError(message));
  });
});

describe('resource policy text', () => {
  const target = { region: 'us-east-1', accountId: '000000000000', apiId: 'abc123' };

  it('expands execute-api:/ resources and returns the escaped, minified form AWS stores', () => {
    const policy = JSON.stringify(
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: ['execute-api:/*', 'arn:aws:execute-api:us-east-1:000000000000:other/*'] }] },
      null,
      2,
    );
    const stored = normalizeResourcePolicy(policy, target);
    expect(stored).toBe(
      '{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"execute-api:Invoke\\",\\"Resource\\":[\\"arn:aws:execute-api:us-east-1:000000000000:abc123\\/*\\",\\"arn:aws:execute-api:us-east-1:000000000000:other\\/*\\"]}]}',
    );
    const compiled = parseStoredResourcePolicy(stored);
    expect(compiled.statements[0]!.resources).toEqual(['arn:aws:execute-api:us-east-1:000000000000:abc123/*', 'arn:aws:execute-api:us-east-1:000000000000:other/*']);
    expect(parseStoredResourcePolicy(policy).statements).toHaveLength(1);
  });

  it('refuses invalid JSON, an invalid document and a policy longer than 8192 characters', () => {
    expect(() => normalizeResourcePolicy('{', target)).toThrow(PolicyDocumentError);
    expect(() => normalizeResourcePolicy('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', target)).toThrow(PolicyDocumentError);
    const long = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*', Sid: 'x'.repeat(8200) }] });
    expect(() => normalizeResourcePolicy(long, target)).toThrow('the policy is longer than 8192 characters');
  });
});
