// Usage plans, usage plan keys, GetUsage/UpdateUsage and the account through the real AWS SDK
// (reference §6, §8.1): shapes, patch paths, AWS's messages, and the one-plan-per-API-stage rule.

import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  GetAccountCommand,
  GetUsageCommand,
  GetUsagePlanCommand,
  GetUsagePlanKeyCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  UpdateAccountCommand,
  UpdateUsageCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startBackend, type TestBackend } from '../support/backend.js';
import { createKeyedApi, createPlanWithKey, type KeyedApi } from '../support/keyed-api.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let backend: TestBackend;
let api: KeyedApi;
const clock = new ManualClock(Date.UTC(2026, 2, 10, 12));
beforeAll(async () => {
  backend = await startBackend();
  portico = await startTestPortico({ clock });
  api = await createKeyedApi(portico.client, portico.url, backend.url);
});
afterAll(async () => {
  await portico.close();
  await backend.close();
});

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

describe('CreateUsagePlan / GetUsagePlan(s) / DeleteUsagePlan', () => {
  it('creates a plan with API stages, method throttles, throttle, quota and tags', async () => {
    const plan = await portico.client.send(
      new CreateUsagePlanCommand({
        name: 'gold',
        description: 'd',
        apiStages: [{ apiId: api.apiId, stage: 'prod', throttle: { '/pets/GET': { rateLimit: 5, burstLimit: 2 } } }],
        throttle: { burstLimit: 20, rateLimit: 10 },
        quota: { limit: 1000, offset: 10, period: 'MONTH' },
        tags: { a: 'b' },
      }),
    );
    expect(plan.$metadata.httpStatusCode).toBe(201);
    expect(plan.id).toMatch(/^[a-z0-9]{6}$/);
    expect(plan).toMatchObject({
      name: 'gold',
      description: 'd',
      apiStages: [{ apiId: api.apiId, stage: 'prod', throttle: { '/pets/GET': { rateLimit: 5, burstLimit: 2 } } }],
      throttle: { burstLimit: 20, rateLimit: 10 },
      quota: { limit: 1000, offset: 10, period: 'MONTH' },
      tags: { a: 'b' },
    });
    expect(await portico.client.send(new GetUsagePlanCommand({ usagePlanId: plan.id }))).toMatchObject({ id: plan.id, name: 'gold' });
    // AWS: a plan with API stages cannot be deleted (test: usage-plan-cleanup.test.ts "DeleteUsagePlan").
    await portico.client.send(new UpdateUsagePlanCommand({ usagePlanId: plan.id, patchOperations: [{ op: 'remove', path: '/apiStages', value: `${api.apiId}:prod` }] }));
    expect((await portico.client.send(new DeleteUsagePlanCommand({ usagePlanId: plan.id }))).$metadata.httpStatusCode).toBe(202);
    expect(await failure(portico.client.send(new GetUsagePlanCommand({ usagePlanId: plan.id })))).toEqual({ name: 'NotFoundException', message: 'Invalid Usage Plan ID specified', status: 404 });
  });

  it('answers a plan without stages with apiStages: [] and refuses unknown API stages', async () => {
    const plan = await portico.client.send(new CreateUsagePlanCommand({ name: 'empty' }));
    expect(plan.apiStages).toEqual([]);
    const error = await failure(portico.client.send(new CreateUsagePlanCommand({ name: 'bad', apiStages: [{ apiId: api.apiId, stage: 'nope' }] })));
    expect(error.name).toBe('NotFoundException');
    expect(error.message).toMatch(new RegExp(`^Invalid API Stage \\{api: ${api.apiId}, stage: nope\\} specified for usageplan [a-z0-9]{6}$`));
  });

  it('refuses a bad quota period with the ValidationException AWS writes', async () => {
    const error = await failure(portico.client.send(new CreateUsagePlanCommand({ name: 'q', quota: { limit: 1, period: 'YEAR' as 'DAY' } })));
    expect(error).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value 'YEAR' at 'createUsagePlanInput.quota.period' failed to satisfy constraint: Member must satisfy enum value set: [DAY, WEEK, MONTH]",
      status: 400,
    });
  });
});

describe('UpdateUsagePlan', () => {
  it('patches name, description, product code, API stages, method throttles, throttle and quota', async () => {
    const plan = await portico.client.send(new CreateUsagePlanCommand({ name: 'patchme' }));
    const apiStage = `${api.apiId}:prod`;
    const updated = await portico.client.send(
      new UpdateUsagePlanCommand({
        usagePlanId: plan.id,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'patched' },
          { op: 'replace', path: '/description', value: 'desc' },
          { op: 'replace', path: '/productCode', value: 'code' },
          { op: 'add', path: '/apiStages', value: apiStage },
          { op: 'replace', path: `/apiStages/${apiStage}/throttle/~1pets/GET/rateLimit`, value: '3' },
          { op: 'replace', path: `/apiStages/${apiStage}/throttle/~1pets/GET/burstLimit`, value: '1' },
          { op: 'add', path: '/throttle/rateLimit', value: '7.5' },
          { op: 'add', path: '/throttle/burstLimit', value: '4' },
          { op: 'add', path: '/quota/limit', value: '100' },
          { op: 'add', path: '/quota/period', value: 'WEEK' },
        ],
      }),
    );
    expect(updated).toMatchObject({
      name: 'patched',
      description: 'desc',
      productCode: 'code',
      apiStages: [{ apiId: api.apiId, stage: 'prod', throttle: { '/pets/GET': { rateLimit: 3, burstLimit: 1 } } }],
      throttle: { rateLimit: 7.5, burstLimit: 4 },
      quota: { limit: 100, offset: 0, period: 'WEEK' },
    });
    const removed = await portico.client.send(
      new UpdateUsagePlanCommand({
        usagePlanId: plan.id,
        patchOperations: [
          { op: 'remove', path: `/apiStages/${apiStage}/throttle` },
          { op: 'remove', path: '/quota' },
          { op: 'remove', path: '/throttle' },
          { op: 'remove', path: '/apiStages', value: apiStage },
        ],
      }),
    );
    expect(removed.apiStages).toEqual([]);
    expect(removed.quota).toBeUndefined();
    expect(removed.throttle).toBeUndefined();
  });

  it('answers AWS messages for a malformed and for an unknown API stage', async () => {
    const plan = await portico.client.send(new CreateUsagePlanCommand({ name: 'stages' }));
    expect(await failure(portico.client.send(new UpdateUsagePlanCommand({ usagePlanId: plan.id, patchOperations: [{ op: 'remove', path: '/apiStages', value: 'nocolon' }] })))).toEqual({
      name: 'BadRequestException',
      message: 'Invalid API Stage specified',
      status: 400,
    });
    expect(await failure(portico.client.send(new UpdateUsagePlanCommand({ usagePlanId: plan.id, patchOperations: [{ op: 'remove', path: '/apiStages', value: 'abc:def' }] })))).toEqual({
      name: 'NotFoundException',
      message: `Invalid API Stage {api: abc, stage: def} specified for usageplan ${plan.id}`,
      status: 404,
    });
    expect((await failure(portico.client.send(new UpdateUsagePlanCommand({ usagePlanId: 'zzzzzz', patchOperations: [] })))).message).toBe('Invalid Usage Plan ID specified');
  });
});

describe('usage plan keys', () => {
  it('creates {id, type, value, name}, gets, lists with nameQuery, and deletes', async () => {
    const plan = await portico.client.send(new CreateUsagePlanCommand({ name: 'keys' }));
    const key = await portico.client.send(new CreateApiKeyCommand({ name: 'member', value: 'memberkey0123456789012' }));
    const other = await portico.client.send(new CreateApiKeyCommand({ name: 'other' }));
    const planKey = await portico.client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }));
    expect(planKey.$metadata.httpStatusCode).toBe(201);
    expect(planKey).toMatchObject({ id: key.id, type: 'API_KEY', value: 'memberkey0123456789012', name: 'member' });
    await portico.client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: other.id, keyType: 'API_KEY' }));
    expect(await portico.client.send(new GetUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id }))).toMatchObject({ id: key.id, type: 'API_KEY' });
    expect((await portico.client.send(new GetUsagePlanKeysCommand({ usagePlanId: plan.id, nameQuery: 'mem' }))).items?.map((k) => k.id)).toEqual([key.id]);
    expect((await portico.client.send(new GetUsagePlansCommand({ keyId: key.id }))).items?.map((p) => p.id)).toEqual([plan.id]);
    expect((await failure(portico.client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' })))).status).toBe(409);
    expect((await portico.client.send(new DeleteUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id }))).$metadata.httpStatusCode).toBe(202);
    expect(await failure(portico.client.send(new GetUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id })))).toEqual({ name: 'NotFoundException', message: 'Invalid Usage Plan ID specified', status: 404 });
    expect(await failure(portico.client.send(new GetUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: 'nokey00000' })))).toEqual({ name: 'NotFoundException', message: 'Invalid API Key identifier specified', status: 404 });
  });

  it('keeps a key to one plan per API stage', async () => {
    const { key } = await createPlanWithKey(portico.client, api);
    const second = await portico.client.send(new CreateUsagePlanCommand({ name: 'second', apiStages: [{ apiId: api.apiId, stage: 'prod' }] }));
    expect((await failure(portico.client.send(new CreateUsagePlanKeyCommand({ usagePlanId: second.id, keyId: key.id, keyType: 'API_KEY' })))).status).toBe(409);
  });
});

describe('GetUsage and UpdateUsage', () => {
  it('reports [used, remaining] per day for each key, and sets the remaining quota', async () => {
    const { plan, key } = await createPlanWithKey(portico.client, api, { name: 'metered', quota: { limit: 10, period: 'DAY' } }, 'meteredkey01234567890');
    for (let i = 0; i < 3; i++) expect((await fetch(api.url('/pets'), { headers: { 'x-api-key': 'meteredkey01234567890' } })).status).toBe(200);
    const usage = await portico.client.send(new GetUsageCommand({ usagePlanId: plan.id, startDate: '2026-03-09', endDate: '2026-03-10' }));
    expect(usage).toMatchObject({ usagePlanId: plan.id, startDate: '2026-03-09', endDate: '2026-03-10', items: { [key.id!]: [[0, 10], [3, 7]] } });
    const updated = await portico.client.send(new UpdateUsageCommand({ usagePlanId: plan.id, keyId: key.id, patchOperations: [{ op: 'replace', path: '/remaining', value: '1' }] }));
    expect(updated.items?.[key.id!]).toEqual([[3, 1]]);
    expect((await fetch(api.url('/pets'), { headers: { 'x-api-key': 'meteredkey01234567890' } })).status).toBe(200);
    const over = await fetch(api.url('/pets'), { headers: { 'x-api-key': 'meteredkey01234567890' } });
    expect(over.status).toBe(429);
    expect(await over.text()).toBe('{"message":"Limit Exceeded"}');
    clock.advance(12 * 3600_000);
    const nextDay = await portico.client.send(new GetUsageCommand({ usagePlanId: plan.id, keyId: key.id, startDate: '2026-03-10', endDate: '2026-03-11' }));
    // A past day's remaining is rebuilt from the daily counts (UpdateUsage adjusts only the current period).
    expect(nextDay.items?.[key.id!]?.map((pair) => pair[0])).toEqual([4, 0]);
    expect(nextDay.items?.[key.id!]?.[1]).toEqual([0, 10]);
  });
});

describe('GetAccount and UpdateAccount', () => {
  it('answers AWS defaults and takes throttle settings (a Portico extension)', async () => {
    const account = await portico.client.send(new GetAccountCommand({}));
    expect(account).toMatchObject({ throttleSettings: { burstLimit: 5000, rateLimit: 10000 }, features: ['UsagePlans'], apiKeyVersion: '4' });
    const updated = await portico.client.send(
      new UpdateAccountCommand({
        patchOperations: [
          { op: 'replace', path: '/throttleSettings/rateLimit', value: '20000' },
          { op: 'replace', path: '/cloudwatchRoleArn', value: 'arn:aws:iam::000000000000:role/logs' },
        ],
      }),
    );
    expect(updated).toMatchObject({ throttleSettings: { burstLimit: 5000, rateLimit: 20000 }, cloudwatchRoleArn: 'arn:aws:iam::000000000000:role/logs' });
    expect((await portico.client.send(new GetAccountCommand({}))).throttleSettings?.rateLimit).toBe(20000);
  });
});
