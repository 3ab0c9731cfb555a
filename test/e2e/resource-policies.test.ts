// API resource policies end to end: `policy` on CreateRestApi / UpdateRestApi (validated, expanded,
// returned in AWS's escaped form), frozen by deployments, evaluated per request with the caller's
// source IP (127.0.0.1 here) and joined with NONE, Lambda authorizer (CUSTOM) and AWS_IAM callers
// as the developer guide's "How API Gateway resource policies affect authorization workflow" says.

import { CreateDeploymentCommand, CreateRestApiCommand, GetRestApiCommand, GetRestApisCommand, UpdateRestApiCommand } from '@aws-sdk/client-api-gateway';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIamPrincipals } from '../../src/iam/principals.js';
import { createAuthorizerFunction, deployProtectedApi, lambdaProxyTo } from '../support/authorizers.js';
import { deployTestApi, signedCall, type TestApi } from '../support/iam.js';
import { call, createFixtureFunction, lambdaClient, type CallResult } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

const OUTSIDER = { accessKeyId: 'AKIDOUTSIDER', secretAccessKey: 'outsider-secret' };
const principals = parseIamPrincipals([
  { accessKeyId: 'test', secretAccessKey: 'test', arn: 'arn:aws:iam::000000000000:root' },
  { ...OUTSIDER, arn: 'arn:aws:iam::111122223333:user/outsider' },
]);

let portico: TestPortico;
let lambda: LambdaClient;

beforeAll(async () => {
  portico = await startTestPortico({ iamPrincipals: principals });
  lambda = lambdaClient(portico);
  await Promise.all([createAuthorizerFunction(lambda, 'rp-counting', 'counting.js'), createAuthorizerFunction(lambda, 'rp-implicit', 'implicit-deny.js'), createFixtureFunction(lambda, 'rp-echo', 'proxy-echo.js')]);
});
afterAll(async () => {
  await portico.close();
});

interface Statement {
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  Resource?: string | string[];
  Condition?: unknown;
}
const policyOf = (...statements: Statement[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements.map((statement) => ({ Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', ...statement })) });
const fromIps = (...ranges: string[]) => ({ IpAddress: { 'aws:SourceIp': ranges } });
const answer = (response: CallResult) => ({ status: response.status, body: response.text, errorType: response.headers['x-amzn-errortype'] });
const anonymousDenial = (api: { apiId: string }, method: string, path: string, explicit: boolean) =>
  `{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:${api.apiId}/test/${method}${path}${explicit ? ' with an explicit deny' : ''}"}`;

const INVALID_POLICY = 'Invalid policy document. Please check the policy syntax and ensure that Principals are valid.';

describe('NONE methods need an explicit allow', () => {
  it('allows a caller whose source IP is in an allowed range (IPv4 CIDRs and a single address)', async () => {
    for (const ranges of [['127.0.0.1'], ['192.0.2.0/24', '127.0.0.0/8'], ['::1/128', '127.0.0.1/32']]) {
      const api = await deployTestApi(portico, { authorizationType: 'NONE', policy: policyOf({ Effect: 'Allow', Condition: fromIps(...ranges) }) });
      expect((await call(api.url('/mock'))).status).toBe(200);
    }
  });

  it('denies with AWS message: implicitly when nothing allows, explicitly with a matching Deny', async () => {
    const implicit = await deployTestApi(portico, { authorizationType: 'NONE', policy: policyOf({ Effect: 'Allow', Condition: fromIps('10.0.0.0/8', '2001:db8::/32') }) });
    expect(answer(await call(implicit.url('/mock')))).toEqual({ status: 403, body: anonymousDenial(implicit, 'GET', '/mock', false), errorType: 'AccessDeniedException' });
    const explicit = await deployTestApi(portico, { authorizationType: 'NONE', policy: policyOf({ Effect: 'Allow' }, { Effect: 'Deny', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }) });
    expect(answer(await call(explicit.url('/mock')))).toEqual({ status: 403, body: anonymousDenial(explicit, 'GET', '/mock', true), errorType: 'AccessDeniedException' });
  });

  it('matches resource ARNs per method: a Deny on one path leaves the others allowed', async () => {
    const api = await deployTestApi(portico, { authorizationType: 'NONE', policy: policyOf({ Effect: 'Allow' }, { Effect: 'Deny', Resource: 'execute-api:/*/POST/*' }) });
    expect((await call(api.url('/mock'))).status).toBe(200);
    expect((await call(api.url('/mock'), { method: 'POST' })).status).toBe(403);
  });
});

describe('Date and Numeric conditions on the request time', () => {
  it('aws:CurrentTime (DateGreaterThan) and aws:EpochTime (NumericLessThan) bound a Deny to a window around now', async () => {
    const now = Math.floor(Date.now() / 1000);
    const isoTime = (epochSeconds: number) => `${new Date(epochSeconds * 1000).toISOString().slice(0, 19)}Z`;
    // AWS: a Deny holds only while every condition does (IAM User Guide "Condition operators").
    const denyBetween = (after: number, before: number) =>
      policyOf({ Effect: 'Allow' }, { Effect: 'Deny', Condition: { DateGreaterThan: { 'aws:CurrentTime': isoTime(after) }, NumericLessThan: { 'aws:EpochTime': String(before) } } });
    const inside = await deployTestApi(portico, { authorizationType: 'NONE', policy: denyBetween(now - 3600, now + 3600) });
    expect(answer(await call(inside.url('/mock')))).toEqual({ status: 403, body: anonymousDenial(inside, 'GET', '/mock', true), errorType: 'AccessDeniedException' });
    const notYet = await deployTestApi(portico, { authorizationType: 'NONE', policy: denyBetween(now + 3600, now + 7200) });
    expect((await call(notYet.url('/mock'))).status).toBe(200);
    const over = await deployTestApi(portico, { authorizationType: 'NONE', policy: denyBetween(now - 7200, now - 3600) });
    expect((await call(over.url('/mock'))).status).toBe(200);
  });
});

describe('the policy is frozen by deployments', () => {
  it('a changed policy applies only after a new deployment (redeploy needed)', async () => {
    const api = await deployTestApi(portico, { authorizationType: 'NONE' });
    expect((await call(api.url('/mock'))).status).toBe(200);
    await portico.client.send(new UpdateRestApiCommand({ restApiId: api.apiId, patchOperations: [{ op: 'replace', path: '/policy', value: policyOf({ Effect: 'Deny' }) }] }));
    expect((await call(api.url('/mock'))).status).toBe(200);
    await api.redeploy();
    expect(answer(await call(api.url('/mock')))).toMatchObject({ status: 403, body: anonymousDenial(api, 'GET', '/mock', true) });
    await portico.client.send(new UpdateRestApiCommand({ restApiId: api.apiId, patchOperations: [{ op: 'remove', path: '/policy' }] }));
    await api.redeploy();
    expect((await call(api.url('/mock'))).status).toBe(200);
  });
});

describe('UpdateRestApi / CreateRestApi policy (management API)', () => {
  it('round trip: execute-api:/ expanded, returned minified with escaped quotes and slashes by GetRestApi', async () => {
    const created = await portico.client.send(new CreateRestApiCommand({ name: 'with-policy', policy: policyOf({ Effect: 'Allow', Condition: fromIps('127.0.0.1') }) }));
    const expected = (apiId: string) =>
      `{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Principal\\":\\"*\\",\\"Action\\":\\"execute-api:Invoke\\",\\"Resource\\":\\"arn:aws:execute-api:us-east-1:000000000000:${apiId}\\/*\\",\\"Effect\\":\\"Allow\\",\\"Condition\\":{\\"IpAddress\\":{\\"aws:SourceIp\\":[\\"127.0.0.1\\"]}}}]}`;
    expect(created.policy).toBe(expected(created.id!));
    const updated = await portico.client.send(new UpdateRestApiCommand({ restApiId: created.id!, patchOperations: [{ op: 'replace', path: '/policy', value: policyOf({ Effect: 'Deny', Resource: ['execute-api:/*/GET/mock'] }) }] }));
    const deny = `{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Principal\\":\\"*\\",\\"Action\\":\\"execute-api:Invoke\\",\\"Resource\\":[\\"arn:aws:execute-api:us-east-1:000000000000:${created.id!}\\/*\\/GET\\/mock\\"],\\"Effect\\":\\"Deny\\"}]}`;
    expect(updated.policy).toBe(deny);
    expect((await portico.client.send(new GetRestApiCommand({ restApiId: created.id! }))).policy).toBe(deny);
    const removed = await portico.client.send(new UpdateRestApiCommand({ restApiId: created.id!, patchOperations: [{ op: 'replace', path: '/policy', value: '' }] }));
    expect(removed.policy).toBeUndefined();
  });

  it('refuses an invalid policy with BadRequestException and changes nothing', async () => {
    const created = await portico.client.send(new CreateRestApiCommand({ name: 'keeps-policy', policy: policyOf({ Effect: 'Allow' }) }));
    const before = (await portico.client.send(new GetRestApiCommand({ restApiId: created.id! }))).policy;
    const long = policyOf({ Effect: 'Allow', Resource: Array.from({ length: 300 }, (_, i) => `execute-api:/stage/GET/path-${i}`) });
    for (const value of ['{', '{"Version":"2012-10-17"}', policyOf({ Effect: 'Allow', Principal: { AWS: 'bob' } }), policyOf({ Effect: 'Allow', Condition: fromIps('10.0.0.0/99') }), long]) {
      const error = await portico.client.send(new UpdateRestApiCommand({ restApiId: created.id!, patchOperations: [{ op: 'replace', path: '/policy', value }] })).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'BadRequestException', message: INVALID_POLICY });
    }
    expect((await portico.client.send(new GetRestApiCommand({ restApiId: created.id! }))).policy).toBe(before);
    const count = (await portico.client.send(new GetRestApisCommand({ limit: 500 }))).items!.length;
    await expect(portico.client.send(new CreateRestApiCommand({ name: 'bad', policy: '{"Statement":[]' }))).rejects.toMatchObject({ name: 'BadRequestException', message: INVALID_POLICY });
    expect((await portico.client.send(new GetRestApisCommand({ limit: 500 }))).items!.length).toBe(count);
  });
});

describe('with a Lambda authorizer (CUSTOM)', () => {
  it('an explicit deny answers before the authorizer is invoked', async () => {
    const api = await deployProtectedApi(portico, { functionName: 'rp-counting', authorizer: { authorizerResultTtlInSeconds: 0 }, integration: lambdaProxyTo('rp-echo') });
    await portico.client.send(new UpdateRestApiCommand({ restApiId: api.apiId, patchOperations: [{ op: 'replace', path: '/policy', value: policyOf({ Effect: 'Deny', Resource: 'execute-api:/*/*/blocked' }) }] }));
    await redeploy(api.apiId);
    const headers = { Authorization: 'token' };
    expect(answer(await call(api.url('/blocked'), { headers }))).toEqual({ status: 403, body: anonymousDenial(api, 'GET', '/blocked', true), errorType: 'AccessDeniedException' });
    const open = await call(api.url('/open'), { headers });
    expect(open.status).toBe(200);
    // The authorizer counts its invocations: the denied request never reached it.
    expect((JSON.parse(open.text) as { requestContext: { authorizer: Record<string, unknown> } }).requestContext.authorizer.invocations).toBe('1');
  });

  it('an authorizer implicit deny is overridden by a resource policy Allow (Table A), else denied', async () => {
    const api = await deployProtectedApi(portico, { functionName: 'rp-implicit', authorizer: { authorizerResultTtlInSeconds: 0 }, integration: lambdaProxyTo('rp-echo') });
    const headers = { Authorization: 'token' };
    await portico.client.send(new UpdateRestApiCommand({ restApiId: api.apiId, patchOperations: [{ op: 'replace', path: '/policy', value: policyOf({ Effect: 'Allow', Condition: fromIps('127.0.0.1') }) }] }));
    await redeploy(api.apiId);
    expect((await call(api.url('/x'), { headers })).status).toBe(200);
    await portico.client.send(new UpdateRestApiCommand({ restApiId: api.apiId, patchOperations: [{ op: 'replace', path: '/policy', value: policyOf({ Effect: 'Allow', Condition: fromIps('10.0.0.0/8') }) }] }));
    await redeploy(api.apiId);
    expect(answer(await call(api.url('/x'), { headers }))).toEqual({ status: 403, body: '{"Message":"User is not authorized to access this resource"}', errorType: 'AccessDeniedException' });
  });
});

describe('with AWS_IAM callers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await deployTestApi(portico, { policy: policyOf({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Resource: 'execute-api:/*/GET/mock' }, { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Resource: 'execute-api:/*/GET/mock', Condition: { StringEquals: { 'aws:UserAgent': 'denied' } } }) });
  });

  it('same account: the identity (allow-all) suffices unless the resource policy explicitly denies', async () => {
    expect((await signedCall(api.url('/mock'))).status).toBe(200);
    expect(answer(await signedCall(api.url('/mock'), { headers: { 'user-agent': 'denied' } }))).toEqual({
      status: 403,
      body: `{"Message":"User: arn:aws:iam::000000000000:root is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:${api.apiId}/test/GET/mock with an explicit deny in a resource-based policy"}`,
      errorType: 'AccessDeniedException',
    });
  });

  it('cross-account: the resource policy must allow the caller too (Table B)', async () => {
    const response = await signedCall(api.url('/mock'), { credentials: OUTSIDER });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ accountId: '111122223333', userArn: 'arn:aws:iam::111122223333:user/outsider' });
    const elsewhere = await deployTestApi(portico);
    expect(answer(await signedCall(elsewhere.url('/mock'), { credentials: OUTSIDER }))).toEqual({
      status: 403,
      body: `{"Message":"User: arn:aws:iam::111122223333:user/outsider is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:${elsewhere.apiId}/test/GET/mock because no resource-based policy allows the execute-api:Invoke action"}`,
      errorType: 'AccessDeniedException',
    });
  });
});

describe('with a Cognito user pool authorizer', () => {
  it('authenticates first (401 without a token), then needs an explicit allow from the resource policy', async () => {
    const minted = await fetch(`${portico.url}/_portico/user-pools/us-east-1_PolicyPool/tokens`, { method: 'POST', body: JSON.stringify({ tokenUse: 'id' }), headers: { 'Content-Type': 'application/json' } });
    const token = ((await minted.json()) as { token: string }).token;
    const elsewhere = await deployTestApi(portico, { authorizationType: 'COGNITO_USER_POOLS', userPoolId: 'us-east-1_PolicyPool', policy: policyOf({ Effect: 'Allow', Condition: fromIps('10.0.0.0/8') }) });
    expect((await call(elsewhere.url('/mock'))).status).toBe(401);
    expect(answer(await call(elsewhere.url('/mock'), { headers: { Authorization: token } }))).toEqual({ status: 403, body: anonymousDenial(elsewhere, 'GET', '/mock', false), errorType: 'AccessDeniedException' });
    const local = await deployTestApi(portico, { authorizationType: 'COGNITO_USER_POOLS', userPoolId: 'us-east-1_PolicyPool', policy: policyOf({ Effect: 'Allow', Condition: fromIps('127.0.0.1') }) });
    expect((await call(local.url('/mock'), { headers: { Authorization: token } })).status).toBe(200);
  });
});

async function redeploy(restApiId: string): Promise<void> {
  await portico.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'test' }));
}
