// Composition of the Lambda authorizer result cache (called by bootstrap.ts): in this process's
// memory by default; with `--redis-url`, in Redis over the traffic state's connection, so every
// node shares cached results and FlushStageAuthorizersCache reaches them all, with the traffic
// state's `--redis-failure-policy` (failover-shared-cache.ts says what each policy means here).

import { authorizationCodec, type CachedAuthorization } from '../data-plane/authorizers/cached-authorization.js';
import type { Logger } from '../observability/logger.js';
import { FailoverSharedCache } from '../shared-state/failover-shared-cache.js';
import type { RedisFailurePolicy } from '../shared-state/failover-traffic-state.js';
import { MemorySharedCache } from '../shared-state/memory/memory-shared-cache.js';
import { RedisSharedCache } from '../shared-state/redis/redis-shared-cache.js';
import type { SharedCache } from '../shared-state/traffic-state.js';
import type { Traffic } from './create-traffic.js';

export function createAuthorizerCache(traffic: Traffic, policy: RedisFailurePolicy | undefined, logger: Logger): SharedCache<CachedAuthorization> {
  if (traffic.redis === undefined) return new MemorySharedCache<CachedAuthorization>();
  const redis = new RedisSharedCache(traffic.redis.client, authorizationCodec);
  return new FailoverSharedCache(redis, new MemorySharedCache<CachedAuthorization>(), policy ?? 'open', logger);
}
