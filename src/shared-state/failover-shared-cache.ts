// The Redis SharedCache with the failure policy the traffic state follows (failover-traffic-state.ts).
// While Redis answers, every node shares one cache. When it does not, `open` caches on this node
// only, and `closed` caches nothing: every request runs the authorizer, so a result flushed on
// another node during the outage is never served. A cache only saves invocations, so neither policy
// refuses a request; cache writes that fail are dropped, and a flush that cannot reach Redis fails.

import type { Logger } from '../observability/logger.js';
import type { RedisFailurePolicy } from './failover-traffic-state.js';
import type { MemorySharedCache } from './memory/memory-shared-cache.js';
import type { RedisSharedCache } from './redis/redis-shared-cache.js';
import { SharedStateError, type SharedCache } from './traffic-state.js';

export class FailoverSharedCache<V> implements SharedCache<V> {
  private down = false;

  constructor(
    private readonly redis: RedisSharedCache<V>,
    private readonly local: MemorySharedCache<V>,
    private readonly policy: RedisFailurePolicy,
    private readonly logger: Logger,
  ) {
    redis.client.on('ready', () => {
      // Flushes on other nodes did not reach this node's local entries: they are dropped, not served.
      this.local.clearAll();
      if (!this.down) return;
      this.down = false;
      this.logger.info('authorizer cache: redis is reachable again, results are shared again');
    });
    redis.client.on('close', () => this.markDown('the connection closed'));
  }

  get(namespace: string, key: string, now: number): V | undefined | Promise<V | undefined> {
    if (!this.redis.ready) {
      this.markDown('not connected');
      return this.policy === 'open' ? this.local.get(namespace, key, now) : undefined;
    }
    return this.redis.get(namespace, key, now).catch((error: unknown) => {
      this.markDown(error instanceof Error ? error.message : String(error));
      return this.policy === 'open' ? this.local.get(namespace, key, now) : undefined;
    });
  }

  set(namespace: string, key: string, value: V, ttlMs: number, now: number): void | Promise<void> {
    if (!this.redis.ready) {
      if (this.policy === 'open') this.local.set(namespace, key, value, ttlMs, now);
      return;
    }
    return this.redis.set(namespace, key, value, ttlMs, now).catch((error: unknown) => {
      this.markDown(error instanceof Error ? error.message : String(error));
      if (this.policy === 'open') this.local.set(namespace, key, value, ttlMs, now);
    });
  }

  clear(namespace: string): Promise<void> {
    this.local.clear(namespace);
    if (!this.redis.ready) return Promise.reject(new SharedStateError('redis is unreachable: the shared authorizer cache was not flushed'));
    return this.redis.clear(namespace);
  }

  private markDown(reason: string): void {
    if (this.down) return;
    this.down = true;
    const consequence = this.policy === 'open' ? 'results are cached on this node only' : 'results are not cached (failure policy: closed)';
    this.logger.error({ reason, policy: this.policy }, `authorizer cache: redis is unreachable, ${consequence}`);
  }
}
