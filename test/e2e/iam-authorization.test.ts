// AWS_IAM methods end to end (reference §1.3, §5.3): requests signed by the AWS SDK's SigV4 signer
// over plain HTTP against principals configured in Portico (the default `test`/`test` root and a
// principals list with identity policies), AWS's 403 answers, and `$context.identity` in a MOCK
// template and in the AWS_PROXY event.

import type { LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIamPrincipals } from '../../src/iam/principals.js';
import { ManualClock } from '../../src/shared/clock.js';
import { deployTestApi, presignedUrl, signedCall, type TestApi } from '../support/iam.js';
import { call, createFixtureFunction, lambdaClient, type CallResult } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

const clock = new ManualClock(Date.UTC(2026, 5, 1, 12, 0, 0));
const ALICE = { accessKeyId: 'AKIDALICE', secretAccessKey: 'alice-secret' };
const BOB = { accessKeyId: 'AKIDBOB', secretAccessKey: 'bob-secret' };
const principals = parseIamPrincipals([
  { accessKeyId: 'test', secretAccessKey: 'test', arn: 'arn:aws:iam::000000000000:root' },
  {
    ...ALICE,
    arn: 'arn:aws:iam::000000000000:user/alice',
    userId: 'AIDAALICE',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:us-east-1:000000000000:*/*/GET/mock' }] },
  },
  {
    ...BOB,
    arn: 'arn:aws:sts::000000000000:assumed-role/Builder/bob-session',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'execute-api:*', Resource: '*', Condition: { StringEquals: { 'aws:UserAgent': 'blocked-agent' } } }] },
  },
]);

let portico: TestPortico;
let defaults: TestPortico;
let lambda: LambdaClient;
let api: TestApi;

beforeAll(async () => {
  portico = await startTestPortico({ clock, iamPrincipals: principals });
  defaults = await startTestPortico({ clock });
  lambda = lambdaClient(portico);
  await createFixtureFunction(lambda, 'echo-event', 'proxy-echo.js');
  api = await deployTestApi(portico, { proxyFunction: 'echo-event' });
});
afterAll(async () => {
  await portico.close();
  await defaults.close();
});

const at = () => clock.now();
const json = (response: CallResult): Record<string, unknown> => JSON.parse(response.text) as Record<string, unknown>;
const answer = (response: CallResult) => ({ status: response.status, body: response.text, errorType: response.headers['x-amzn-errortype'] });

describe('signed requests (reference §5.3)', () => {
  it('accepts the local default test/test as the account root and fills $context.identity (MOCK template)', async () => {
    const other = await deployTestApi(defaults);
    const response = await signedCall(other.url('/mock'), { at: at() });
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({ accessKey: 'test', accountId: '000000000000', caller: '000000000000', user: '000000000000', userArn: 'arn:aws:iam::000000000000:root' });
  });

  it('verifies a signed POST with a body and a query, and hands the identity to the AWS_PROXY event', async () => {
    const body = JSON.stringify({ name: 'Rex', note: 'a/b c' });
    const response = await signedCall(api.url('/pets/a%20b?q=x%20y&z=1&z=2'), { method: 'POST', body, headers: { 'content-type': 'application/json' }, credentials: BOB, at: at() });
    expect(response.status).toBe(200);
    const event = json(response) as { body: string; path: string; multiValueQueryStringParameters: unknown; requestContext: { identity: Record<string, unknown> } };
    expect(event.body).toBe(body);
    expect(event.multiValueQueryStringParameters).toEqual({ q: ['x y'], z: ['1', '2'] });
    expect(event.requestContext.identity).toMatchObject({
      accessKey: 'AKIDBOB',
      accountId: '000000000000',
      caller: expect.stringMatching(/^AROA[A-Z2-7]{17}:bob-session$/) as unknown,
      userArn: 'arn:aws:sts::000000000000:assumed-role/Builder/bob-session',
      sourceIp: '127.0.0.1',
    });
    expect(event.requestContext.identity.user).toBe(event.requestContext.identity.caller);
  });

  it('accepts a presigned URL until X-Amz-Expires has passed (expiry message UNCONFIRMED)', async () => {
    const url = await presignedUrl(api.url('/mock?x=1'), { at: at(), expiresIn: 60 });
    const response = await call(url);
    expect(response.status).toBe(200);
    expect(json(response)).toMatchObject({ accessKey: 'test', userArn: 'arn:aws:iam::000000000000:root' });
    clock.advance(61_000);
    try {
      expect(answer(await call(url))).toEqual({
        status: 403,
        body: '{"message":"Signature expired: 20260601T120000Z is now earlier than 20260601T120001Z (20260601T120101Z - 60 sec.)"}',
        errorType: 'InvalidSignatureException',
      });
    } finally {
      clock.advance(-61_000);
    }
  });
});

describe('refused requests: AWS 403 answers (reference §1.3)', () => {
  it('unsigned: Missing Authentication Token', async () => {
    expect(answer(await call(api.url('/mock')))).toEqual({ status: 403, body: '{"message":"Missing Authentication Token"}', errorType: 'MissingAuthenticationTokenException' });
  });

  it('wrong secret: AWS message with the canonical string and string to sign', async () => {
    const response = await signedCall(api.url('/mock?b=2&a=1'), { credentials: { accessKeyId: 'test', secretAccessKey: 'nope' }, at: at() });
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
    const message = json(response).message as string;
    const host = new URL(portico.url).host;
    expect(message).toContain(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n' +
        `'GET\n/_aws/execute-api/${api.apiId}/test/mock\na=1&b=2\nhost:${host}\n`,
    );
    expect(message).toMatch(/\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20260601T120000Z\n20260601\/us-east-1\/execute-api\/aws4_request\n[0-9a-f]{64}'\n$/);
  });

  it('unknown access key: the security token is invalid (error type UNCONFIRMED)', async () => {
    const response = await signedCall(api.url('/mock'), { credentials: { accessKeyId: 'AKIDNOBODY', secretAccessKey: 'x' }, at: at() });
    expect(answer(response)).toEqual({ status: 403, body: '{"message":"The security token included in the request is invalid."}', errorType: 'UnrecognizedClientException' });
  });

  it('signed more than 5 minutes ago: Signature expired', async () => {
    const response = await signedCall(api.url('/mock'), { at: at() - 6 * 60_000 });
    expect(answer(response)).toEqual({
      status: 403,
      body: '{"message":"Signature expired: 20260601T115400Z is now earlier than 20260601T115500Z (20260601T120000Z - 5 min.)"}',
      errorType: 'InvalidSignatureException',
    });
  });

  it('a non-SigV4 Authorization header: AWS key=value message (error type UNCONFIRMED)', async () => {
    const response = await call(api.url('/mock'), { headers: { Authorization: 'Bearer abc' } });
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('IncompleteSignatureException');
    expect(json(response).message).toMatch(/^Invalid key=value pair \(missing equal-sign\) in Authorization header \(hashed with SHA-256 and encoded with Base64\): '.{44}'\.$/);
  });

  it('a credential scoped to another region', async () => {
    const response = await signedCall(api.url('/mock'), { region: 'eu-west-1', at: at() });
    expect(answer(response)).toEqual({ status: 403, body: '{"message":"Credential should be scoped to a valid region. "}', errorType: 'IncompleteSignatureException' });
  });
});

describe('identity policies', () => {
  it('allows what the principal policy allows; else AWS denial naming the user and the masked method ARN', async () => {
    const allowed = await signedCall(api.url('/mock'), { credentials: ALICE, at: at() });
    expect(allowed.status).toBe(200);
    expect(json(allowed)).toEqual({ accessKey: 'AKIDALICE', accountId: '000000000000', caller: 'AIDAALICE', user: 'AIDAALICE', userArn: 'arn:aws:iam::000000000000:user/alice' });
    const denied = await signedCall(api.url('/pets/1'), { method: 'DELETE', credentials: ALICE, at: at() });
    expect(answer(denied)).toEqual({
      status: 403,
      body: `{"Message":"User: arn:aws:iam::000000000000:user/alice is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:${api.apiId}/test/DELETE/pets/1 because no identity-based policy allows the execute-api:Invoke action"}`,
      errorType: 'AccessDeniedException',
    });
  });

  it('an explicit Deny in the identity policy (a condition on aws:UserAgent) wins', async () => {
    expect((await signedCall(api.url('/mock'), { credentials: BOB, at: at(), headers: { 'user-agent': 'fine-agent' } })).status).toBe(200);
    const denied = await signedCall(api.url('/mock'), { credentials: BOB, at: at(), headers: { 'user-agent': 'blocked-agent' } });
    expect(answer(denied)).toEqual({
      status: 403,
      body: `{"Message":"User: arn:aws:sts::000000000000:assumed-role/Builder/bob-session is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:${api.apiId}/test/GET/mock with an explicit deny in an identity-based policy"}`,
      errorType: 'AccessDeniedException',
    });
  });
});
