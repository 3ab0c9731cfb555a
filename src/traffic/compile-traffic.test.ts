// Compiling a region's keys and plans into what the api-key and throttle stages read: keys by
// value, bindings per API stage, shared-state ids stable across nodes (plan name + key value).

import { describe, expect, it } from 'vitest';
import type { ApiKey, UsagePlanRecord } from '../model/usage-plan.js';
import { compileTrafficRegion, splitMethodThrottleKey, throttleBucket } from './compile-traffic.js';

const key = (id: string, value: string, enabled = true): ApiKey => ({ id, value, enabled, createdDate: 0, lastUpdatedDate: 0, stageKeys: [] });
const plan = (id: string, extra: Partial<UsagePlanRecord> = {}): UsagePlanRecord => ({ id, name: `name-${id}`, stateName: `name-${id}`, apiStages: [{ apiId: 'api1', stage: 'prod' }], ...extra });

describe('compileTrafficRegion', () => {
  it('binds each key to its plan per API stage, with the plan and per-method buckets', () => {
    const region = compileTrafficRegion('000000000000', 'us-east-1', {
      account: undefined,
      apiKeys: [key('k1', 'value-one-0123456789'), key('k2', 'value-two-0123456789', false)],
      usagePlans: [plan('p1', { throttle: { rateLimit: 5, burstLimit: 2 }, apiStages: [{ apiId: 'api1', stage: 'prod', throttle: { '/pets/GET': { rateLimit: 1, burstLimit: 1 } } }] })],
      usagePlanKeys: [{ keyId: 'k1', usagePlanId: 'p1' }],
    });
    expect(region.account).toMatchObject({ id: 'acct:000000000000:us-east-1', rateLimit: 10000, burstLimit: 5000 });
    const entry = region.keysByValue.get('value-one-0123456789')!;
    const binding = entry.stages.get('api1')!.get('prod')!;
    expect(binding).toMatchObject({ usagePlanId: 'p1', plan: { rateLimit: 5, burstLimit: 2 } });
    expect(binding.methods?.get('/pets')?.get('GET')).toMatchObject({ rateLimit: 1, burstLimit: 1 });
    expect(region.keysByValue.get('value-two-0123456789')).toMatchObject({ enabled: false });
    expect(region.keysByValue.get('value-two-0123456789')!.stages.size).toBe(0);
  });

  it('names usage state by region, plan creation name and key value, not by ids', () => {
    const compile = (planId: string, keyId: string) =>
      compileTrafficRegion('000000000000', 'us-east-1', { account: undefined, apiKeys: [key(keyId, 'same-value-0123456789')], usagePlans: [plan(planId, { stateName: 'gold' })], usagePlanKeys: [{ keyId, usagePlanId: planId }] })
        .keysByValue.get('same-value-0123456789')!
        .stages.get('api1')!
        .get('prod')!.usage.id;
    expect(compile('p1', 'k1')).toBe(compile('p2', 'k2'));
  });
});

describe('throttle keys and buckets', () => {
  it('splits /resourcePath/VERB, the root being //VERB', () => {
    expect(splitMethodThrottleKey('/pets/{id}/GET')).toEqual(['/pets/{id}', 'GET']);
    expect(splitMethodThrottleKey('//GET')).toEqual(['/', 'GET']);
    expect(splitMethodThrottleKey('GET')).toBeUndefined();
  });

  it('limits nothing without a rate; takes the rounded-up rate as burst when the burst is missing', () => {
    expect(throttleBucket('x', { burstLimit: 3 })).toBeUndefined();
    expect(throttleBucket('x', { rateLimit: 2.5 })).toMatchObject({ burstLimit: 3 });
  });
});
