// Lambda authorizer result caching (reference §5.1): keyed by the identity source values per
// authorizer, TTL `authorizerResultTtlInSeconds` on the injected clock (0 disables), the cached
// policy re-evaluated against each request's method ARN, FlushStageAuthorizersCache. Cache hits are
// proven by the authorizer's own invocation count (test/fixtures/authorizers/counting.js).

import { FlushStageAuthorizersCacheCommand } from '@aws-sdk/client-api-gateway';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { createAuthorizerFunction, deployProtectedApi, lambdaProxyTo } from '../support/authorizers.js';
import { call, createFixtureFunction, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let lambda: LambdaClient;
const clock = new ManualClock();

beforeAll(async () => {
  portico = await startTestPortico({ clock });
  lambda = lambdaClient(portico);
  await Promise.all(['count-ttl', 'count-zero', 'count-exact', 'count-request'].map((name) => createAuthorizerFunction(lambda, name, 'counting.js')));
  await createFixtureFunction(lambda, 'echo-event', 'proxy-echo.js');
});
afterAll(() => portico.close());

/** The authorizer's invocation count the request was served with, or the status when refused. */
async function invocations(url: string, headers: Record<string, string>): Promise<string | number> {
  const response = await call(url, { headers });
  if (response.status !== 200) return response.status;
  const event = JSON.parse(response.text) as { requestContext: { authorizer: Record<string, unknown> } };
  return event.requestContext.authorizer.invocations as string;
}

describe('TOKEN result cache', () => {
  it('serves a token from the cache until the TTL passes, per token', async () => {
    const api = await deployProtectedApi(portico, { functionName: 'count-ttl', authorizer: { authorizerResultTtlInSeconds: 60 }, integration: lambdaProxyTo('echo-event') });
    const a = { Authorization: 'token-a' };
    expect(await invocations(api.url('/one'), a)).toBe('1');
    expect(await invocations(api.url('/two'), a)).toBe('1');
    expect(await invocations(api.url('/one'), { Authorization: 'token-b' })).toBe('2');
    clock.advance(59_000);
    expect(await invocations(api.url('/one'), a)).toBe('1');
    clock.advance(1_000);
    expect(await invocations(api.url('/one'), a)).toBe('3');
    expect(await invocations(api.url('/one'), a)).toBe('3');
  });

  it('is flushed by FlushStageAuthorizersCache (202)', async () => {
    const api = await deployProtectedApi(portico, { functionName: 'count-ttl', authorizer: { authorizerResultTtlInSeconds: 300 }, integration: lambdaProxyTo('echo-event') });
    const headers = { Authorization: 'flush-me' };
    const first = await invocations(api.url('/x'), headers);
    expect(await invocations(api.url('/x'), headers)).toBe(first);
    const flushed = await portico.client.send(new FlushStageAuthorizersCacheCommand({ restApiId: api.apiId, stageName: 'test' }));
    expect(flushed.$metadata.httpStatusCode).toBe(202);
    expect(await invocations(api.url('/x'), headers)).toBe(String(Number(first) + 1));
  });

  it('invokes every time with a TTL of 0', async () => {
    const api = await deployProtectedApi(portico, { functionName: 'count-zero', authorizer: { authorizerResultTtlInSeconds: 0 }, integration: lambdaProxyTo('echo-event') });
    const headers = { Authorization: 'same' };
    expect(await invocations(api.url('/x'), headers)).toBe('1');
    expect(await invocations(api.url('/x'), headers)).toBe('2');
  });

  it('re-evaluates a cached policy against each method ARN: an exact-ARN policy denies other paths (AWS KB)', async () => {
    const api = await deployProtectedApi(portico, { functionName: 'count-exact', integration: lambdaProxyTo('echo-event') });
    const headers = { Authorization: 'exact' };
    expect(await invocations(api.url('/first'), headers)).toBe('1');
    expect(await invocations(api.url('/second'), headers)).toBe(403);
    expect(await invocations(api.url('/first'), headers)).toBe('1');
  });
});

describe('REQUEST result cache', () => {
  it('is keyed by all identity source values together', async () => {
    const api = await deployProtectedApi(portico, {
      functionName: 'count-request',
      authorizer: { type: 'REQUEST', identitySource: 'method.request.header.X-User,method.request.querystring.tenant' },
      integration: lambdaProxyTo('echo-event'),
    });
    const headers = { 'X-User': 'ann' };
    expect(await invocations(api.url('/x?tenant=a'), headers)).toBe('1');
    expect(await invocations(api.url('/y?tenant=a&other=1'), headers)).toBe('1');
    expect(await invocations(api.url('/x?tenant=b'), headers)).toBe('2');
    expect(await invocations(api.url('/x?tenant=a'), { 'X-User': 'bob' })).toBe('3');
  });
});
