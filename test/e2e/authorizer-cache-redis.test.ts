// The Lambda authorizer result cache in Redis (issue 7; reference §5.1): two Portico nodes on one
// Redis share cached results, FlushStageAuthorizersCache on one node empties the stage's cache for
// both, and the TTL follows the injected clock. Both nodes serve the same API (the second starts on a
// copy of the first's data dir, as replicas of one configuration). Cache hits are proven by the
// invocation count of a real handler (test/fixtures/authorizers/counting.js), which counts per node.

import { FlushStageAuthorizersCacheCommand } from '@aws-sdk/client-api-gateway';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { createAuthorizerFunction, deployProtectedApi, lambdaProxyTo } from '../support/authorizers.js';
import { call, createFixtureFunction, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { describeWithRedis, TEST_REDIS_URL } from '../support/redis.js';
import { freePort } from '../support/spawn-portico.js';

describeWithRedis('Lambda authorizer results cached in Redis', () => {
  const clock = new ManualClock(Date.UTC(2026, 6, 1, 9));
  const nodes: TestPortico[] = [];
  let apiId = '';
  let copyDir = '';

  beforeAll(async () => {
    const first = await startTestPortico({ clock, redisUrl: TEST_REDIS_URL });
    const lambda = lambdaClient(first);
    await createAuthorizerFunction(lambda, 'count-shared', 'counting.js');
    await createFixtureFunction(lambda, 'echo-event', 'proxy-echo.js');
    const api = await deployProtectedApi(first, { functionName: 'count-shared', authorizer: { authorizerResultTtlInSeconds: 60 }, integration: lambdaProxyTo('echo-event') });
    apiId = api.apiId;
    await first.stop();
    copyDir = await mkdtemp(join(tmpdir(), 'portico-replica-'));
    await cp(first.dataDir, copyDir, { recursive: true });
    nodes.push(await startTestPortico({ dataDir: first.dataDir, clock, redisUrl: TEST_REDIS_URL }));
    nodes.push(await startTestPortico({ dataDir: copyDir, clock, redisUrl: TEST_REDIS_URL }));
  });
  afterAll(async () => {
    for (const node of nodes) await node.close();
    if (copyDir) await rm(copyDir, { recursive: true, force: true });
  });

  /** The invocation count (on the node that ran the authorizer) the request was served with. */
  async function invocations(node: number, token: string, path = '/x'): Promise<string | number> {
    const response = await call(`${nodes[node]!.url}/_aws/execute-api/${apiId}/test${path}`, { headers: { Authorization: token } });
    if (response.status !== 200) return response.status;
    const event = JSON.parse(response.text) as { requestContext: { authorizer: Record<string, unknown> } };
    return event.requestContext.authorizer.invocations as string;
  }

  it("serves one node's cached result on the other node, and flushes both from either", async () => {
    const run = `${Date.now()}`;
    const t1 = `one-${run}`;
    const t2 = `two-${run}`;
    expect(await invocations(0, t1)).toBe('1');
    // Node 1 is served node 0's result: its own authorizer has not run yet...
    expect(await invocations(1, t1, '/other')).toBe('1');
    // ...as its first own invocation shows; node 0 then gets node 1's result.
    expect(await invocations(1, t2)).toBe('1');
    expect(await invocations(0, t2)).toBe('1');

    const flushed = await nodes[1]!.client.send(new FlushStageAuthorizersCacheCommand({ restApiId: apiId, stageName: 'test' }));
    expect(flushed.$metadata.httpStatusCode).toBe(202);
    expect(await invocations(0, t1)).toBe('2');
    expect(await invocations(1, t1)).toBe('2');
    expect(await invocations(1, t2)).toBe('2');
    expect(await invocations(0, t2)).toBe('2');
  });

  it('expires a shared result by the TTL on the injected clock (Redis keeps the key, the entry says it expired)', async () => {
    const token = `ttl-${Date.now()}`;
    const first = await invocations(0, token);
    clock.advance(59_000);
    expect(await invocations(1, token)).toBe(first);
    clock.advance(1_000);
    // Expired for both nodes: node 0 runs its authorizer again, and node 1 shares that new result.
    const next = String(Number(first) + 1);
    expect(await invocations(0, token)).toBe(next);
    expect(await invocations(1, token)).toBe(next);
  });
});

describeWithRedis('the authorizer cache while Redis is unreachable', () => {
  let node: TestPortico | undefined;
  afterAll(() => node?.close());

  it('fails open to this node’s memory: results are still cached (policy open)', async () => {
    node = await startTestPortico({ redisUrl: `redis://127.0.0.1:${await freePort()}`, redisFailurePolicy: 'open' });
    const lambda = lambdaClient(node);
    await createAuthorizerFunction(lambda, 'count-local', 'counting.js');
    await createFixtureFunction(lambda, 'echo-event', 'proxy-echo.js');
    const api = await deployProtectedApi(node, { functionName: 'count-local', integration: lambdaProxyTo('echo-event') });
    const count = async (): Promise<unknown> => {
      const response = await call(api.url('/x'), { headers: { Authorization: 'offline' } });
      return (JSON.parse(response.text) as { requestContext: { authorizer: Record<string, unknown> } }).requestContext.authorizer.invocations;
    };
    expect([await count(), await count()]).toEqual(['1', '1']);
    expect(node.logs.some((line) => line.msg === 'authorizer cache: redis is unreachable, results are cached on this node only')).toBe(true);
  });
});
