// Lambda TOKEN and REQUEST authorizers end to end (reference §5.1): APIs and authorizers created
// with the real API Gateway SDK, authorizer functions from real handler files, an HTTP_PROXY to a
// real backend (which must see nothing on 401/403/500) and an AWS_PROXY echoing its event.

import { CreateApiKeyCommand, CreateUsagePlanCommand, CreateUsagePlanKeyCommand } from '@aws-sdk/client-api-gateway';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { createAuthorizerFunction, deployProtectedApi, httpProxyTo, lambdaProxyTo } from '../support/authorizers.js';
import { startBackend, type TestBackend } from '../support/backend.js';
import { call, createFixtureFunction, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let lambda: LambdaClient;
let backend: TestBackend;
const clock = new ManualClock();

const FUNCTIONS: Record<string, string> = {
  'auth-allow': 'allow-all.js',
  'auth-deny': 'deny.js',
  'auth-implicit': 'implicit-deny.js',
  'auth-wildcards': 'wildcards.js',
  'auth-unauthorized': 'unauthorized.js',
  'auth-error': 'error.js',
  'auth-malformed': 'malformed.js',
  'auth-context': 'context.js',
};

beforeAll(async () => {
  portico = await startTestPortico({ clock });
  lambda = lambdaClient(portico);
  backend = await startBackend();
  await Promise.all(Object.entries(FUNCTIONS).map(([name, fixture]) => createAuthorizerFunction(lambda, name, fixture)));
  await createFixtureFunction(lambda, 'echo-event', 'proxy-echo.js');
});
afterAll(async () => {
  await portico.close();
  await backend.close();
});
beforeEach(() => {
  backend.requests.length = 0;
});

const UNAUTHORIZED = '{"message":"Unauthorized"}';
const EXPLICIT_DENY = '{"Message":"User is not authorized to access this resource with an explicit deny"}';
const IMPLICIT_DENY = '{"Message":"User is not authorized to access this resource"}';
const CONFIGURATION_ERROR = '{"message": null}';

const httpApi = (functionName: string, authorizer = {}) => deployProtectedApi(portico, { functionName, authorizer, integration: httpProxyTo(backend.url) });
const lambdaApi = (functionName: string, authorizer = {}, extra = {}) => deployProtectedApi(portico, { functionName, authorizer, integration: lambdaProxyTo('echo-event'), ...extra });
const bearer = { Authorization: 'Bearer abc' };

interface EchoedEvent {
  requestContext: { authorizer?: Record<string, unknown> };
}
const echoedAuthorizer = (text: string): Record<string, unknown> => (JSON.parse(text) as EchoedEvent).requestContext.authorizer ?? {};

async function expectGatewayError(url: string, headers: Record<string, string>, status: number, body: string, errorType: string): Promise<void> {
  const response = await call(url, { headers });
  expect({ status: response.status, body: response.text, errorType: response.headers['x-amzn-errortype'] }).toEqual({ status, body, errorType });
}

describe('TOKEN authorizer outcomes (reference §5.1)', () => {
  it('allows: the backend is called and the function got AWS TOKEN event with the methodArn', async () => {
    const api = await lambdaApi('auth-allow');
    const response = await call(api.url('/pets/1?x=1'), { headers: bearer });
    expect(response.status).toBe(200);
    const authorizer = echoedAuthorizer(response.text);
    expect(authorizer).toMatchObject({ principalId: 'user-1' });
    expect(typeof authorizer.integrationLatency).toBe('number');
    expect(JSON.parse(authorizer.event as string)).toEqual({
      type: 'TOKEN',
      authorizationToken: 'Bearer abc',
      methodArn: `arn:aws:execute-api:us-east-1:000000000000:${api.apiId}/test/GET/pets/1`,
    });
    const http = await httpApi('auth-allow');
    expect((await call(http.url('/pets/2'), { headers: bearer })).status).toBe(200);
    expect(backend.requests.map((request) => request.url)).toEqual(['/pets/2']);
  });

  it('answers 401 without invoking when the identity source is missing or empty', async () => {
    const api = await httpApi('auth-allow');
    await expectGatewayError(api.url('/pets/1'), {}, 401, UNAUTHORIZED, 'UnauthorizedException');
    await expectGatewayError(api.url('/pets/1'), { Authorization: '' }, 401, UNAUTHORIZED, 'UnauthorizedException');
    expect(backend.requests).toHaveLength(0);
  });

  it('answers 401 when the function throws Unauthorized', async () => {
    const api = await httpApi('auth-unauthorized');
    await expectGatewayError(api.url('/pets/1'), bearer, 401, UNAUTHORIZED, 'UnauthorizedException');
    expect(backend.requests).toHaveLength(0);
  });

  it('denies: an explicit Deny wins over an Allow; no matching Allow is an implicit deny', async () => {
    const deny = await httpApi('auth-deny');
    await expectGatewayError(deny.url('/pets/1'), bearer, 403, EXPLICIT_DENY, 'AccessDeniedException');
    const implicit = await httpApi('auth-implicit');
    await expectGatewayError(implicit.url('/pets/1'), bearer, 403, IMPLICIT_DENY, 'AccessDeniedException');
    expect(backend.requests).toHaveLength(0);
  });

  it('matches resource ARNs with * and ? wildcards', async () => {
    const api = await httpApi('auth-wildcards', { authorizerResultTtlInSeconds: 0 });
    expect((await call(api.url('/pets/1'), { headers: bearer })).status).toBe(200);
    expect((await call(api.url('/pets/sun'), { headers: bearer })).status).toBe(200);
    await expectGatewayError(api.url('/pets/12'), bearer, 403, IMPLICIT_DENY, 'AccessDeniedException');
    await expectGatewayError(api.url('/pets/secret'), bearer, 403, EXPLICIT_DENY, 'AccessDeniedException');
    const post = await call(api.url('/pets/1'), { method: 'POST', headers: bearer });
    expect(post.status).toBe(403);
    expect(backend.requests.map((request) => request.url)).toEqual(['/pets/1', '/pets/sun']);
  });

  it('answers 500 AuthorizerConfigurationException for a failing function or a malformed result (misconfigured)', async () => {
    const failing = await httpApi('auth-error');
    await expectGatewayError(failing.url('/pets/1'), bearer, 500, CONFIGURATION_ERROR, 'AuthorizerConfigurationException');
    const malformed = await httpApi('auth-malformed', { authorizerResultTtlInSeconds: 0 });
    for (const token of ['no-principal', 'no-policy', 'object-context', 'array-context', 'bad-effect', 'string-result']) {
      await expectGatewayError(malformed.url('/pets/1'), { Authorization: token }, 500, CONFIGURATION_ERROR, 'AuthorizerConfigurationException');
    }
    const missing = await httpApi('no-such-function');
    await expectGatewayError(missing.url('/pets/1'), bearer, 500, CONFIGURATION_ERROR, 'AuthorizerConfigurationException');
    expect(backend.requests).toHaveLength(0);
  });

  it('answers 401 without invoking when the token fails identityValidationExpression', async () => {
    const api = await lambdaApi('auth-allow', { identityValidationExpression: '^Bearer [a-z]+$' });
    await expectGatewayError(api.url('/pets/1'), { Authorization: 'Bearer 123' }, 401, UNAUTHORIZED, 'UnauthorizedException');
    await expectGatewayError(api.url('/pets/1'), { Authorization: 'xBearer abc' }, 401, UNAUTHORIZED, 'UnauthorizedException');
    expect((await call(api.url('/pets/1'), { headers: bearer })).status).toBe(200);
  });
});

describe('what the authorizer hands on', () => {
  it('puts principalId and the context values as strings into the AWS_PROXY event', async () => {
    const api = await lambdaApi('auth-context');
    const response = await call(api.url('/x'), { headers: { Authorization: 'tok' } });
    expect(response.status).toBe(200);
    const authorizer = echoedAuthorizer(response.text);
    expect(authorizer).toMatchObject({ principalId: 'ctx-user', text: 'hello', count: '42', ratio: '1.5', admin: 'true', off: 'false' });
  });

  it('selects the API key from usageIdentifierKey when apiKeySource is AUTHORIZER', async () => {
    const api = await lambdaApi('auth-context', {}, { apiKeySource: 'AUTHORIZER', apiKeyRequired: true });
    const value = 'authorizer-key-0123456789abcdef';
    const key = await portico.client.send(new CreateApiKeyCommand({ name: 'from-authorizer', value, enabled: true }));
    const plan = await portico.client.send(new CreateUsagePlanCommand({ name: 'authorizer-plan', apiStages: [{ apiId: api.apiId, stage: 'test' }] }));
    await portico.client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id!, keyId: key.id!, keyType: 'API_KEY' }));
    expect((await call(api.url('/x'), { headers: { Authorization: value } })).status).toBe(200);
    // The x-api-key header is not read: only the authorizer's key counts.
    await expectGatewayError(api.url('/x'), { Authorization: 'unknown-key', 'x-api-key': value }, 403, '{"message":"Forbidden"}', 'ForbiddenException');
  });
});

describe('REQUEST authorizer', () => {
  const identitySource = 'method.request.header.X-User, method.request.querystring.tenant, stageVariables.zone, context.httpMethod';

  it('sends the proxy-shaped event with type and methodArn, and needs every identity source', async () => {
    const api = await deployProtectedApi(portico, {
      functionName: 'auth-allow',
      authorizer: { type: 'REQUEST', identitySource },
      integration: lambdaProxyTo('echo-event'),
      variables: { zone: 'eu' },
    });
    await expectGatewayError(api.url('/items/7'), { 'X-User': 'ann' }, 401, UNAUTHORIZED, 'UnauthorizedException');
    await expectGatewayError(api.url('/items/7?tenant='), { 'X-User': 'ann' }, 401, UNAUTHORIZED, 'UnauthorizedException');
    const response = await call(api.url('/items/7?tenant=acme'), { method: 'POST', headers: { 'X-User': 'ann' }, body: 'ignored' });
    expect(response.status).toBe(200);
    const event = JSON.parse(echoedAuthorizer(response.text).event as string) as Record<string, unknown>;
    expect(Object.keys(event).slice(0, 2)).toEqual(['type', 'methodArn']);
    expect(event).toMatchObject({
      type: 'REQUEST',
      methodArn: `arn:aws:execute-api:us-east-1:000000000000:${api.apiId}/test/POST/items/7`,
      resource: '/{proxy+}',
      path: '/items/7',
      httpMethod: 'POST',
      headers: { 'X-User': 'ann' },
      queryStringParameters: { tenant: 'acme' },
      pathParameters: { proxy: 'items/7' },
      stageVariables: { zone: 'eu' },
      requestContext: { httpMethod: 'POST', resourcePath: '/{proxy+}', stage: 'test' },
    });
    expect(event).not.toHaveProperty('body');
  });
});
