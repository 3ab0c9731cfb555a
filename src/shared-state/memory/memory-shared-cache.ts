// The in-memory SharedCache (DESIGN §1 shared state): the Lambda authorizer result cache today, the
// response cache later. Synchronous and holding the values themselves, so a cache hit costs the
// request path no promise tick and no parse. Entries expire by the `now` callers pass (the injected
// clock); expired entries are dropped when read.

import type { SharedCache } from '../traffic-state.js';

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export class MemorySharedCache<V> implements SharedCache<V> {
  private readonly namespaces = new Map<string, Map<string, Entry<V>>>();

  /** At most this many entries per namespace; the oldest is evicted first (Map insertion order). */
  constructor(private readonly maxEntriesPerNamespace = 10_000) {}

  get(namespace: string, key: string, now: number): V | undefined {
    // hot path (cached authorizers)
    const entries = this.namespaces.get(namespace);
    const entry = entries?.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now) {
      entries!.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(namespace: string, key: string, value: V, ttlMs: number, now: number): void {
    if (ttlMs <= 0) return;
    let entries = this.namespaces.get(namespace);
    if (entries === undefined) this.namespaces.set(namespace, (entries = new Map()));
    entries.delete(key);
    if (entries.size >= this.maxEntriesPerNamespace) {
      const oldest = entries.keys().next();
      if (oldest.done !== true) entries.delete(oldest.value);
    }
    entries.set(key, { value, expiresAt: now + ttlMs });
  }

  clear(namespace: string): void {
    this.namespaces.delete(namespace);
  }

  /** Drops every namespace (the Redis failover empties its local fallback when Redis is back). */
  clearAll(): void {
    this.namespaces.clear();
  }
}
