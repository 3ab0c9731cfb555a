// Unit tests of the in-memory SharedCache: TTL by the caller's `now`, namespaces, clear, eviction.

import { describe, expect, it } from 'vitest';
import { MemorySharedCache } from './memory-shared-cache.js';

describe('MemorySharedCache', () => {
  it('keeps an entry until now reaches its expiry', () => {
    const cache = new MemorySharedCache();
    cache.set('ns', 'k', 'v', 1000, 0);
    expect(cache.get('ns', 'k', 999)).toBe('v');
    expect(cache.get('ns', 'k', 1000)).toBeUndefined();
  });

  it('stores nothing with a TTL of 0 and clears one namespace only', () => {
    const cache = new MemorySharedCache();
    cache.set('a', 'k', 'v', 0, 0);
    expect(cache.get('a', 'k', 0)).toBeUndefined();
    cache.set('a', 'k', 'a', 100, 0);
    cache.set('b', 'k', 'b', 100, 0);
    cache.clear('a');
    expect(cache.get('a', 'k', 1)).toBeUndefined();
    expect(cache.get('b', 'k', 1)).toBe('b');
  });

  it('evicts the oldest entry of a full namespace', () => {
    const cache = new MemorySharedCache(2);
    cache.set('ns', '1', 'one', 100, 0);
    cache.set('ns', '2', 'two', 100, 0);
    cache.set('ns', '3', 'three', 100, 0);
    expect([cache.get('ns', '1', 1), cache.get('ns', '2', 1), cache.get('ns', '3', 1)]).toEqual([undefined, 'two', 'three']);
  });
});
