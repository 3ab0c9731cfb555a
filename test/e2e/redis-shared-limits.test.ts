// Two Portico processes on one Redis enforce one global limit (reference §6; issue: "two nodes on
// one Redis share the limit"). Each node has its own store, so the API, plan and key are created
// in both with the same plan name and the same key VALUE: usage plan limits are named by those.

import { GetUsageCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startBackend, type TestBackend } from '../support/backend.js';
import { createKeyedApi, createPlanWithKey, type KeyedApi } from '../support/keyed-api.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { describeWithRedis, TEST_REDIS_URL } from '../support/redis.js';

describeWithRedis('two nodes sharing Redis', () => {
  const clock = new ManualClock(Date.UTC(2026, 6, 1, 9));
  const value = `sharedkey-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const planName = `shared-plan-${value}`;
  let backend: TestBackend;
  const nodes: Array<{ portico: TestPortico; api: KeyedApi; planId: string; keyId: string }> = [];

  beforeAll(async () => {
    backend = await startBackend();
    for (let i = 0; i < 2; i++) {
      const portico = await startTestPortico({ clock, redisUrl: TEST_REDIS_URL });
      const api = await createKeyedApi(portico.client, portico.url, backend.url);
      const { plan, key } = await createPlanWithKey(portico.client, api, { name: planName, throttle: { rateLimit: 1, burstLimit: 4 }, quota: { limit: 7, period: 'DAY' } }, value);
      nodes.push({ portico, api, planId: plan.id!, keyId: key.id! });
    }
  });
  afterAll(async () => {
    for (const node of nodes) await node.portico.close();
    await backend.close();
  });

  const call = async (node: number): Promise<number> => (await fetch(nodes[node]!.api.url('/pets'), { headers: { 'x-api-key': value } })).status;

  it('shares the usage plan throttle and quota across both nodes', async () => {
    // Burst 4 in total, whichever node answers.
    expect([await call(0), await call(1), await call(0), await call(1), await call(0), await call(1)]).toEqual([200, 200, 200, 200, 429, 429]);
    clock.advance(2000);
    expect([await call(1), await call(0), await call(1)]).toEqual([200, 200, 429]);
    clock.advance(5000);
    // 6 of the quota of 7 are used: one more on either node, then Limit Exceeded on both.
    expect(await call(1)).toBe(200);
    const over = await fetch(nodes[0]!.api.url('/pets'), { headers: { 'x-api-key': value } });
    expect(over.status).toBe(429);
    expect(await over.text()).toBe('{"message":"Limit Exceeded"}');
    expect(await call(1)).toBe(429);
  });

  it("reports both nodes' calls in GetUsage on either node", async () => {
    const node = nodes[1]!;
    const usage = await node.portico.client.send(new GetUsageCommand({ usagePlanId: node.planId, startDate: '2026-07-01', endDate: '2026-07-01' }));
    expect(usage.items?.[node.keyId]).toEqual([[7, 0]]);
  });
});
