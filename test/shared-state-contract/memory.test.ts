// The TrafficState and SharedCache contracts against the in-memory implementations, plus what only it promises:
// plain (never promise) results, and usage counters that export and restore (restart persistence).

import { describe, expect, it } from 'vitest';
import { MemorySharedCache } from '../../src/shared-state/memory/memory-shared-cache.js';
import { MemoryTrafficState } from '../../src/shared-state/memory/memory-traffic-state.js';
import { defineSharedCacheContract } from './shared-cache-contract.js';
import { defineTrafficStateContract } from './traffic-state-contract.js';

defineTrafficStateContract('memory', () => new MemoryTrafficState());
defineSharedCacheContract('memory', () => new MemorySharedCache());

describe('MemoryTrafficState', () => {
  const account = { id: 'a', rateLimit: 10, burstLimit: 10 };
  const usage = { id: 'u', quota: { limit: 5, offset: 0, period: 'DAY' as const, initialPeriodStart: 0 } };

  it('answers synchronously: no promise tick on the request path', () => {
    const state = new MemoryTrafficState();
    expect(state.admit(1000, account, undefined, undefined, undefined, usage)).toBe('admitted');
  });

  it('exports changed counters and restores them into a new instance', () => {
    const state = new MemoryTrafficState();
    for (let i = 0; i < 3; i++) state.admit(1000, account, undefined, undefined, undefined, usage);
    const exported = state.exportCounters(1000);
    expect(exported).toEqual([['u', { periodStart: 0, periodUsed: 3, days: [[0, 3]] }]]);
    expect(state.exportCounters(1000)).toEqual([]);
    const restarted = new MemoryTrafficState();
    restarted.restoreCounter('u', exported[0]![1]);
    let admitted = 0;
    for (let i = 0; i < 5; i++) if (restarted.admit(2000, account, undefined, undefined, undefined, usage) === 'admitted') admitted++;
    expect(admitted).toBe(2);
  });
});
