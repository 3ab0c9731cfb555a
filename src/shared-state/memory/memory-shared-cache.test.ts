// Unit tests of the in-memory SharedCache: what only memory promises (the value itself, no copy or
// parse; oldest-first eviction; clearAll). TTL, namespaces and clear are in test/shared-state-contract.

import { describe, expect, it } from 'vitest';
import { MemorySharedCache } from './memory-shared-cache.js';

describe('MemorySharedCache', () => {
  it('hands back the very object it was given, synchronously (no parse, no promise on a hit)', () => {
    const cache = new MemorySharedCache<{ principalId: string }>();
    const value = { principalId: 'p' };
    cache.set('ns', 'k', value, 1000, 0);
    expect(cache.get('ns', 'k', 1)).toBe(value);
  });

  it('clearAll drops every namespace', () => {
    const cache = new MemorySharedCache<string>();
    cache.set('a', 'k', 'a', 100, 0);
    cache.set('b', 'k', 'b', 100, 0);
    cache.clearAll();
    expect([cache.get('a', 'k', 1), cache.get('b', 'k', 1)]).toEqual([undefined, undefined]);
  });

  it('evicts the oldest entry of a full namespace', () => {
    const cache = new MemorySharedCache<string>(2);
    cache.set('ns', '1', 'one', 100, 0);
    cache.set('ns', '2', 'two', 100, 0);
    cache.set('ns', '3', 'three', 100, 0);
    expect([cache.get('ns', '1', 1), cache.get('ns', '2', 1), cache.get('ns', '3', 1)]).toEqual([undefined, 'two', 'three']);
  });
});
