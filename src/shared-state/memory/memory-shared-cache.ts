// The in-memory SharedCache (DESIGN §1 shared state): the Lambda authorizer result cache today, the
// response cache later. Synchronous, so a cache hit costs the request path no promise tick. Entries
// expire by the `now` callers pass (the injected clock); expired entries are dropped when read.

import type { SharedCache } from '../traffic-state.js';

interface Entry {
  value: string;
  expiresAt: number;
}

export class MemorySharedCache implements SharedCache {
  private readonly namespaces = new Map<string, Map<string, Entry>>();

  /** At most this many entries per namespace; the oldest is evicted first (Map insertion order). */
  constructor(private readonly maxEntriesPerNamespace = 10_000) {}

  get(namespace: string, key: string, now: number): string | undefined {
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

  set(namespace: string, key: string, value: string, ttlMs: number, now: number): void {
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
}
