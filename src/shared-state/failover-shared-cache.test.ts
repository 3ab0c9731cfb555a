// The authorizer cache's Redis failure policy with Redis unreachable (a port nothing listens on):
// `open` caches on this node, `closed` caches nothing (every request runs the authorizer), and a
// flush that cannot reach Redis fails with SharedStateError on both.

import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { FailoverSharedCache } from './failover-shared-cache.js';
import { MemorySharedCache } from './memory/memory-shared-cache.js';
import { RedisSharedCache } from './redis/redis-shared-cache.js';
import { SharedStateError } from './traffic-state.js';

async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('FailoverSharedCache with Redis unreachable', () => {
  const clients: Redis[] = [];
  afterAll(() => clients.forEach((client) => client.disconnect()));

  const create = async (policy: 'open' | 'closed'): Promise<FailoverSharedCache<string>> => {
    const client = new Redis(`redis://127.0.0.1:${await deadPort()}`, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    client.on('error', () => undefined);
    clients.push(client);
    return new FailoverSharedCache(new RedisSharedCache(client, { encode: (value: string) => value, decode: (text) => text }), new MemorySharedCache<string>(), policy, createLogger({ level: 'silent' }));
  };

  it('open: caches on this node only', async () => {
    const cache = await create('open');
    await cache.set('ns', 'k', 'v', 1000, 0);
    expect(await cache.get('ns', 'k', 1)).toBe('v');
  });

  it('closed: caches nothing, so every request runs the authorizer', async () => {
    const cache = await create('closed');
    await cache.set('ns', 'k', 'v', 1000, 0);
    expect(await cache.get('ns', 'k', 1)).toBeUndefined();
  });

  it('rejects a flush it could not pass on to Redis, after clearing this node', async () => {
    const cache = await create('open');
    await cache.set('ns', 'k', 'v', 1000, 0);
    await expect(cache.clear('ns')).rejects.toBeInstanceOf(SharedStateError);
    expect(await cache.get('ns', 'k', 1)).toBeUndefined();
  });
});
