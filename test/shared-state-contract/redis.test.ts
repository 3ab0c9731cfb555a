// The TrafficState and SharedCache contracts against Redis (127.0.0.1:6379 or PORTICO_TEST_REDIS_URL). Fails in CI
// when Redis is absent; skips locally with a message. Ids are unique per run; keys expire.

import { afterAll } from 'vitest';
import { RedisSharedCache } from '../../src/shared-state/redis/redis-shared-cache.js';
import { RedisTrafficState } from '../../src/shared-state/redis/redis-traffic-state.js';
import { describeWithRedis, TEST_REDIS_URL } from '../support/redis.js';
import { defineSharedCacheContract, jsonCodec } from './shared-cache-contract.js';
import { defineTrafficStateContract } from './traffic-state-contract.js';

describeWithRedis('redis', () => {
  const states: RedisTrafficState[] = [];
  afterAll(async () => {
    for (const state of states) await state.close();
  });
  defineTrafficStateContract('redis', async () => {
    const state = new RedisTrafficState({ url: TEST_REDIS_URL });
    states.push(state);
    if (!(await state.connect())) throw new Error(`cannot connect to ${TEST_REDIS_URL}`);
    return state;
  });
  defineSharedCacheContract('redis', async () => {
    const state = new RedisTrafficState({ url: TEST_REDIS_URL });
    states.push(state);
    if (!(await state.connect())) throw new Error(`cannot connect to ${TEST_REDIS_URL}`);
    return new RedisSharedCache(state.client, jsonCodec());
  });
});
