// The SharedCache for many nodes: entries live in Redis (the connection the RedisTrafficState opened),
// so a Lambda authorizer result cached by one node serves every node, and a flush on one node
// reaches all of them. Keys: `portico:ac:{namespace}:g` (the namespace's generation) and
// `portico:ac:{namespace}:e:{sha256 of the key}` (an entry: `generation|expiresAt|encoded value`).

import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SharedStateError, type SharedCache, type SharedCacheCodec } from '../traffic-state.js';
import type { Script } from './scripts.js';

const PREFIX = 'portico:ac:';
/**
 * A generation counter outlives every entry written under it (TTLs are at most 3600 s), so when an
 * idle one expires and restarts at 0 no entry of an older 0 is still alive.
 */
const GENERATION_TTL_MS = 24 * 3_600_000;

/**
 * KEYS: generation, entry. ARGV: `expiresAt|encoded`, ttl ms. Tags the entry with the generation
 * current when it is written, in one atomic step.
 */
const SET_ENTRY: Script = script(`
local generation = redis.call('GET', KEYS[1]) or '0'
redis.call('SET', KEYS[2], generation .. '|' .. ARGV[1], 'PX', ARGV[2])
return 0
`);

function script(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * FlushStageAuthorizersCache is one INCR of the namespace's generation: O(1), atomic, and seen by
 * every node's next read (each read fetches generation and entry in one MGET). Entries of older
 * generations are never read again and leave by their own PX TTL. SCAN + UNLINK would instead walk
 * the whole keyspace on every flush, in many non-atomic steps. Either way, a result whose authorizer
 * was still running when the flush came is cached after it.
 * Expiry follows the callers' `now` (the injected clock, stored in the entry); the PX TTL only
 * frees the memory, on Redis's clock.
 */
export class RedisSharedCache<V> implements SharedCache<V> {
  constructor(
    readonly client: Redis,
    private readonly codec: SharedCacheCodec<V>,
  ) {}

  get ready(): boolean {
    return this.client.status === 'ready';
  }

  async get(namespace: string, key: string, now: number): Promise<V | undefined> {
    const [generation, entry] = await this.call(() => this.client.mget(generationKey(namespace), entryKey(namespace, key)));
    if (entry === null || entry === undefined) return undefined;
    const first = entry.indexOf('|');
    const second = entry.indexOf('|', first + 1);
    if (first < 0 || second < 0 || entry.slice(0, first) !== (generation ?? '0')) return undefined;
    if (Number(entry.slice(first + 1, second)) <= now) return undefined;
    return this.codec.decode(entry.slice(second + 1));
  }

  async set(namespace: string, key: string, value: V, ttlMs: number, now: number): Promise<void> {
    if (ttlMs <= 0) return;
    const keys = [generationKey(namespace), entryKey(namespace, key)];
    const args = [`${now + ttlMs}|${this.codec.encode(value)}`, String(ttlMs)];
    await this.call(async () => {
      try {
        return await this.client.evalsha(SET_ENTRY.sha, 2, ...keys, ...args);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('NOSCRIPT')) return this.client.eval(SET_ENTRY.source, 2, ...keys, ...args);
        throw error;
      }
    });
  }

  async clear(namespace: string): Promise<void> {
    const key = generationKey(namespace);
    const results = await this.call(() => this.client.multi().incr(key).pexpire(key, GENERATION_TTL_MS).exec());
    const failed = results?.find(([error]) => error !== null)?.[0];
    if (failed) throw new SharedStateError(`redis: ${failed.message}`, { cause: failed });
  }

  private async call<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw new SharedStateError(`redis: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}

/** `{namespace}` is a hash tag: a namespace's keys share one cluster slot, as MGET and the script need. */
function generationKey(namespace: string): string {
  return `${PREFIX}{${namespace}}:g`;
}

/** Hashed: keys stay short, and tokens used as identity sources are not stored in clear in Redis. */
function entryKey(namespace: string, key: string): string {
  return `${PREFIX}{${namespace}}:e:${createHash('sha256').update(key).digest('base64url')}`;
}
