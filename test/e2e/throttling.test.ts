// Enforcement on the request path, through real HTTP to a real backend (reference §1.3, §4, §6,
// §7.3): the 403/200/429/429 flow with AWS's bodies, every throttling level with the strictest
// winning, token-bucket accuracy under a ManualClock, quotas across a day boundary, `$context.identity`.

import { CreateApiKeyCommand, CreateUsagePlanKeyCommand, UpdateAccountCommand, UpdateApiKeyCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startBackend, type TestBackend } from '../support/backend.js';
import { createKeyedApi, createPlanWithKey } from '../support/keyed-api.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let backend: TestBackend;
const clock = new ManualClock(Date.UTC(2026, 4, 20, 10));
beforeAll(async () => {
  backend = await startBackend();
  portico = await startTestPortico({ clock });
});
afterAll(async () => {
  await portico.close();
  await backend.close();
});

async function get(url: string, key?: string, header = 'x-api-key') {
  const response = await fetch(url, { headers: key === undefined ? {} : { [header]: key } });
  return { status: response.status, body: await response.text(), errorType: response.headers.get('x-amzn-errortype') };
}

let keys = 0;
const newValue = () => `throttlekey${String(keys++).padStart(12, '0')}`;

describe('the 403 / 200 / 429 / 429 flow', () => {
  it('answers AWS bodies for missing, unknown, disabled and unplanned keys, then the rate, then the quota', async () => {
    const api = await createKeyedApi(portico.client, portico.url, backend.url);
    const value = newValue();
    const { key } = await createPlanWithKey(portico.client, api, { throttle: { rateLimit: 1, burstLimit: 2 }, quota: { limit: 3, period: 'DAY' } }, value);
    const forbidden = { status: 403, body: '{"message":"Forbidden"}', errorType: 'ForbiddenException' };
    expect(await get(api.url('/pets'))).toEqual(forbidden);
    expect(await get(api.url('/pets'), 'unknownkey0123456789xyz')).toEqual(forbidden);
    const disabled = await portico.client.send(new CreateApiKeyCommand({ name: 'disabled', value: newValue() }));
    expect(await get(api.url('/pets'), disabled.value)).toEqual(forbidden);
    const unplanned = await portico.client.send(new CreateApiKeyCommand({ name: 'unplanned', enabled: true, value: newValue() }));
    expect(await get(api.url('/pets'), unplanned.value)).toEqual(forbidden);

    expect((await get(api.url('/pets'), value)).status).toBe(200);
    expect(backend.requests.at(-1)!.headers).toMatchObject({ 'x-seen-api-key': value, 'x-seen-api-key-id': key.id });
    expect((await get(api.url('/pets'), value, 'X-API-Key')).status).toBe(200);
    expect(await get(api.url('/pets'), value)).toEqual({ status: 429, body: '{"message":"Too Many Requests"}', errorType: 'TooManyRequestsException' });
    clock.advance(5000);
    expect((await get(api.url('/pets'), value)).status).toBe(200);
    expect(await get(api.url('/pets'), value)).toEqual({ status: 429, body: '{"message":"Limit Exceeded"}', errorType: 'LimitExceededException' });

    // Keys are ignored where no key is required; disabling a key takes effect at once.
    expect((await get(api.url('/open'))).status).toBe(200);
    expect(backend.requests.at(-1)!.headers['x-seen-api-key']).toBeUndefined();
    await portico.client.send(new UpdateApiKeyCommand({ apiKey: key.id, patchOperations: [{ op: 'replace', path: '/enabled', value: 'false' }] }));
    expect(await get(api.url('/pets'), value)).toEqual(forbidden);
  });

  it('reads the key from the authorizer, not the header, when apiKeySource is AUTHORIZER', async () => {
    const api = await createKeyedApi(portico.client, portico.url, backend.url, 'prod', 'AUTHORIZER');
    const value = newValue();
    await createPlanWithKey(portico.client, api, {}, value);
    expect((await get(api.url('/pets'), value)).status).toBe(403);
  });
});

describe('token bucket accuracy', () => {
  it('admits within one request of burst + rate × time (10 rps, burst 5, 10 simulated seconds)', async () => {
    const api = await createKeyedApi(portico.client, portico.url, backend.url);
    const value = newValue();
    await createPlanWithKey(portico.client, api, { throttle: { rateLimit: 10, burstLimit: 5 } }, value);
    let admitted = 0;
    // 40 attempts per second for 10 seconds, every 25 ms of simulated time.
    for (let i = 0; i < 400; i++) {
      const { status } = await get(api.url('/pets'), value);
      expect([200, 429]).toContain(status);
      if (status === 200) admitted++;
      clock.advance(25);
    }
    const ideal = 5 + 10 * 10;
    expect(Math.abs(admitted - ideal)).toBeLessThanOrEqual(1);
  });
});

describe('every level, the strictest winning', () => {
  it('applies stage methodSettings (*/* and a method override) to methods without keys', async () => {
    const api = await createKeyedApi(portico.client, portico.url, backend.url);
    await portico.client.send(
      new UpdateStageCommand({
        restApiId: api.apiId,
        stageName: 'prod',
        patchOperations: [
          { op: 'replace', path: '/*/*/throttling/rateLimit', value: '1' },
          { op: 'replace', path: '/*/*/throttling/burstLimit', value: '3' },
          { op: 'replace', path: '/~1open/GET/throttling/burstLimit', value: '1' },
          { op: 'replace', path: '/~1open/GET/throttling/rateLimit', value: '1' },
        ],
      }),
    );
    expect((await get(api.url('/open'))).status).toBe(200);
    expect((await get(api.url('/open'))).status).toBe(429);
    clock.advance(1000);
    expect((await get(api.url('/open'))).status).toBe(200);
    // A keyed method gets */* (burst 3) even though its plan allows more: the strictest wins.
    const value = newValue();
    await createPlanWithKey(portico.client, api, { throttle: { rateLimit: 100, burstLimit: 100 } }, value);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(api.url('/pets'), value)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("applies a plan's per-method throttle under its plan throttle", async () => {
    const api = await createKeyedApi(portico.client, portico.url, backend.url);
    const value = newValue();
    await createPlanWithKey(portico.client, api, { apiStages: [{ apiId: api.apiId, stage: 'prod', throttle: { '/pets/GET': { rateLimit: 1, burstLimit: 1 } } }], throttle: { rateLimit: 50, burstLimit: 50 } }, value);
    expect((await get(api.url('/pets'), value)).status).toBe(200);
    expect((await get(api.url('/pets'), value)).body).toBe('{"message":"Too Many Requests"}');
  });

  it('shares a plan throttle across the API stages of the plan, per key', async () => {
    const first = await createKeyedApi(portico.client, portico.url, backend.url, 'one');
    const second = await createKeyedApi(portico.client, portico.url, backend.url, 'two');
    const value = newValue();
    const other = newValue();
    const stages = [
      { apiId: first.apiId, stage: 'one' },
      { apiId: second.apiId, stage: 'two' },
    ];
    const { plan } = await createPlanWithKey(portico.client, first, { apiStages: stages, throttle: { rateLimit: 1, burstLimit: 2 } }, value);
    const otherKey = await portico.client.send(new CreateApiKeyCommand({ enabled: true, value: other }));
    await portico.client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: otherKey.id, keyType: 'API_KEY' }));
    expect((await get(first.url('/pets'), value)).status).toBe(200);
    expect((await get(second.url('/pets'), value)).status).toBe(200);
    expect((await get(second.url('/pets'), value)).status).toBe(429);
    expect((await get(second.url('/pets'), other)).status).toBe(200);
  });

  it('applies the account throttle set through UpdateAccount to every API', async () => {
    const own = await startTestPortico({ clock });
    try {
      const api = await createKeyedApi(own.client, own.url, backend.url);
      await own.client.send(new UpdateAccountCommand({ patchOperations: [{ op: 'replace', path: '/throttleSettings/burstLimit', value: '2' }, { op: 'replace', path: '/throttleSettings/rateLimit', value: '1' }] }));
      expect([(await get(api.url('/open'))).status, (await get(api.url('/open'))).status, (await get(api.url('/open'))).status]).toEqual([200, 200, 429]);
    } finally {
      await own.close();
    }
  });
});

describe('quotas', () => {
  it('resets a DAY quota at UTC midnight, with the offset taken only in the first day', async () => {
    const api = await createKeyedApi(portico.client, portico.url, backend.url);
    const value = newValue();
    clock.advance(Date.UTC(2026, 4, 21, 23, 59) - clock.now());
    await createPlanWithKey(portico.client, api, { quota: { limit: 3, offset: 1, period: 'DAY' } }, value);
    expect([(await get(api.url('/pets'), value)).status, (await get(api.url('/pets'), value)).status, (await get(api.url('/pets'), value)).status]).toEqual([200, 200, 429]);
    clock.advance(60_000);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(api.url('/pets'), value)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
