// The SharedCache contract suite (src/shared-state/traffic-state.ts), run against every
// implementation: values by namespace and key, expiry by the caller's `now` (never a clock read),
// a TTL of 0 storing nothing, and clear emptying one namespace. Nothing sleeps.

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SharedCache, SharedCacheCodec } from '../../src/shared-state/traffic-state.js';

const T0 = Date.UTC(2026, 2, 10, 12);

/** A value shaped like what the authorizer cache holds. */
interface CachedValue {
  principalId: string;
  context: Record<string, string>;
}

/** The codec a Redis cache of CachedValue uses: JSON, a text that does not parse being a miss. */
export function jsonCodec(): SharedCacheCodec<CachedValue> {
  return {
    encode: (value) => JSON.stringify(value),
    decode: (text) => {
      try {
        return JSON.parse(text) as CachedValue;
      } catch {
        return undefined;
      }
    },
  };
}

export function defineSharedCacheContract(name: string, create: () => SharedCache<CachedValue> | Promise<SharedCache<CachedValue>>): void {
  describe(`SharedCache contract: ${name}`, () => {
    const run = randomUUID().slice(0, 8);
    let n = 0;
    const namespace = (): string => `contract-${run}-${n++}`;
    const value = (principalId: string): CachedValue => ({ principalId, context: { tier: 'gold' } });
    let cache!: SharedCache<CachedValue>;
    beforeAll(async () => {
      cache = await create();
    });

    it('returns what was set until now reaches the expiry (the caller’s clock, far from the real one)', async () => {
      const ns = namespace();
      await cache.set(ns, 'token', value('p1'), 60_000, T0);
      expect(await cache.get(ns, 'token', T0)).toEqual(value('p1'));
      expect(await cache.get(ns, 'token', T0 + 59_999)).toEqual(value('p1'));
      expect(await cache.get(ns, 'token', T0 + 60_000)).toBeUndefined();
      expect(await cache.get(ns, 'other', T0)).toBeUndefined();
    });

    it('stores nothing with a TTL of 0, and a later set replaces the value and its expiry', async () => {
      const ns = namespace();
      await cache.set(ns, 'k', value('zero'), 0, T0);
      expect(await cache.get(ns, 'k', T0)).toBeUndefined();
      await cache.set(ns, 'k', value('first'), 1_000, T0);
      await cache.set(ns, 'k', value('second'), 5_000, T0);
      expect(await cache.get(ns, 'k', T0 + 2_000)).toEqual(value('second'));
    });

    it('clears one namespace only, and caches again after a clear', async () => {
      const a = namespace();
      const b = namespace();
      await cache.set(a, 'k', value('a'), 60_000, T0);
      await cache.set(b, 'k', value('b'), 60_000, T0);
      await cache.clear(a);
      expect(await cache.get(a, 'k', T0)).toBeUndefined();
      expect(await cache.get(b, 'k', T0)).toEqual(value('b'));
      await cache.set(a, 'k', value('again'), 60_000, T0);
      expect(await cache.get(a, 'k', T0)).toEqual(value('again'));
      await cache.clear(a);
      await cache.clear(a);
      expect(await cache.get(a, 'k', T0)).toBeUndefined();
    });

    it('keeps keys apart that differ only after a separator or in case', async () => {
      const ns = namespace();
      await cache.set(ns, 'auth\u0000a\u0000b', value('ab'), 60_000, T0);
      await cache.set(ns, 'auth\u0000A\u0000b', value('Ab'), 60_000, T0);
      expect(await cache.get(ns, 'auth\u0000a\u0000b', T0)).toEqual(value('ab'));
      expect(await cache.get(ns, 'auth\u0000A\u0000b', T0)).toEqual(value('Ab'));
      expect(await cache.get(ns, 'auth\u0000a', T0)).toBeUndefined();
    });
  });
}
