// Composition of traffic control (called by bootstrap.ts): the TrafficRegistry restored from the
// store, and the shared state — in memory with quota usage persisted to the store, or Redis with a
// failure policy (`--redis-url`, `--redis-failure-policy`). Concrete shared state is chosen only here.

import { restoreTraffic } from '../control-plane/serving/restore-traffic.js';
import type { Logger } from '../observability/logger.js';
import type { Clock } from '../shared/clock.js';
import { FailoverTrafficState, type RedisFailurePolicy } from '../shared-state/failover-traffic-state.js';
import { MemoryTrafficState } from '../shared-state/memory/memory-traffic-state.js';
import { RedisTrafficState } from '../shared-state/redis/redis-traffic-state.js';
import type { TrafficState } from '../shared-state/traffic-state.js';
import { createUsagePersistence, restoreUsageCounters } from '../shared-state/usage-persistence.js';
import type { Store } from '../store/store.js';
import { TrafficRegistry } from '../traffic/traffic-registry.js';

export interface TrafficOptions {
  store: Store;
  accountId: string;
  clock: Clock;
  logger: Logger;
  redisUrl?: string | undefined;
  redisFailurePolicy?: RedisFailurePolicy | undefined;
  /** How often in-memory quota usage is written to the store (default 5 s). */
  usagePersistIntervalMs?: number | undefined;
}

export interface Traffic {
  registry: TrafficRegistry;
  state: TrafficState;
  /** The Redis connection when shared state is in Redis (the authorizer cache shares it). */
  redis?: RedisTrafficState;
  /** Persists in-memory usage one last time and disconnects from Redis. */
  close(): Promise<void>;
}

export async function createTraffic(options: TrafficOptions): Promise<Traffic> {
  const { store, clock, logger } = options;
  const registry = new TrafficRegistry(options.accountId);
  await restoreTraffic(store, registry, logger);
  if (options.redisUrl !== undefined) {
    const policy = options.redisFailurePolicy ?? 'open';
    const redis = new RedisTrafficState({ url: options.redisUrl });
    const state = new FailoverTrafficState(redis, new MemoryTrafficState(), policy, logger);
    const connected = await redis.connect();
    if (connected) logger.info({ redis: redactUrl(options.redisUrl), policy }, 'shared state: redis');
    else logger.error({ redis: redactUrl(options.redisUrl), policy }, 'shared state: redis is unreachable at start-up; it will be retried');
    return { registry, state, redis, close: () => state.close() };
  }
  const state = new MemoryTrafficState();
  const restored = await restoreUsageCounters(store, state);
  const persistence = createUsagePersistence(store, state, clock, logger, options.usagePersistIntervalMs);
  logger.info({ usageCounters: restored }, 'shared state: memory');
  return {
    registry,
    state,
    close: async () => {
      await persistence.close();
      await state.close();
    },
  };
}

/** The URL without its password, for logs. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparseable url)';
  }
}
