// The TrafficState for many nodes: buckets and counters live in Redis (ioredis), changed only by
// the atomic Lua scripts in scripts.ts, so every node pointed at one Redis enforces one global limit.
// Keys: `portico:tb:{bucket id}`, `portico:q:{usage id}:{period start}`, `portico:u:{usage id}`.

import { Redis } from 'ioredis';
import { DAY_MS, dayNumber, effectiveLimit, nextPeriodStart, periodStart } from '../quota-period.js';
import { SharedStateError, type Admission, type TokenBucket, type TrafficState, type UsageCounter, type UsageReading } from '../traffic-state.js';
import { ADMIT, SET_USED, type Script } from './scripts.js';

const PREFIX = 'portico:';
/** Daily usage is kept this long after its last write (GetUsage looks back at most ~90 days). */
const USAGE_TTL_MS = 100 * DAY_MS;
const ADMISSIONS: readonly Admission[] = ['admitted', 'throttled', 'quota-exceeded'];

export interface RedisTrafficStateOptions {
  url: string;
  /** A command not answered within this many ms fails (SharedStateError). */
  commandTimeoutMs?: number;
}

/** How long a bucket's state matters: until it would be full again (a day when it never refills). */
function bucketTtl(bucket: TokenBucket): number {
  return bucket.rateLimit > 0 ? Math.ceil((bucket.burstLimit / bucket.rateLimit) * 1000) + 1000 : DAY_MS;
}

export class RedisTrafficState implements TrafficState {
  readonly client: Redis;

  constructor(options: RedisTrafficStateOptions) {
    this.client = new Redis(options.url, {
      // Fail fast while disconnected; the failure policy (failover-traffic-state.ts) decides what then.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 500,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(100 * times, 2000),
      lazyConnect: true,
    });
    // Connection errors are reported through `status`; without a listener ioredis would print them.
    this.client.on('error', () => undefined);
  }

  /** Starts connecting; resolves once connected or after `waitMs`, whichever is first. Never rejects. */
  async connect(waitMs = 2000): Promise<boolean> {
    this.client.connect().catch(() => undefined);
    if (this.ready) return true;
    return new Promise((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        this.client.off('ready', onReady);
        resolve(ok);
      };
      const onReady = (): void => done(true);
      const timer = setTimeout(() => done(this.ready), waitMs);
      this.client.on('ready', onReady);
    });
  }

  get ready(): boolean {
    return this.client.status === 'ready';
  }

  async admit(now: number, account: TokenBucket, stage: TokenBucket | undefined, plan: TokenBucket | undefined, method: TokenBucket | undefined, usage: UsageCounter | undefined): Promise<Admission> {
    const keys: string[] = [];
    const args: Array<string | number> = [now, 0];
    for (const bucket of [account, stage, plan, method]) {
      if (bucket === undefined) continue;
      keys.push(`${PREFIX}tb:${bucket.id}`);
      args.push(bucket.rateLimit, bucket.burstLimit, bucketTtl(bucket));
    }
    args[1] = keys.length;
    if (usage === undefined) args.push(0, -1, 0, 0, 0);
    else {
      const quota = usage.quota;
      let limit = -1;
      let periodTtl = 0;
      if (quota !== undefined) {
        const start = periodStart(now, quota.period);
        limit = effectiveLimit(quota, start);
        periodTtl = nextPeriodStart(now, quota.period) - now + DAY_MS;
        keys.push(`${PREFIX}q:${usage.id}:${start}`);
      } else keys.push(`${PREFIX}q:${usage.id}:none`);
      keys.push(`${PREFIX}u:${usage.id}`);
      args.push(1, limit, dayNumber(now), periodTtl, USAGE_TTL_MS);
    }
    const result = await this.run(ADMIT, keys, args);
    return ADMISSIONS[Number(result)] ?? 'admitted';
  }

  async readUsage(usage: UsageCounter, fromDay: number, toDay: number, now: number): Promise<UsageReading> {
    const days: string[] = [];
    for (let day = fromDay; day <= toDay; day++) days.push(String(day));
    const daily = await this.call(async () => (days.length === 0 ? [] : this.client.hmget(`${PREFIX}u:${usage.id}`, ...days)));
    let periodUsed = 0;
    if (usage.quota !== undefined) {
      const used = await this.call(() => this.client.get(`${PREFIX}q:${usage.id}:${periodStart(now, usage.quota!.period)}`));
      periodUsed = Number(used ?? 0);
    }
    return { daily: daily.map((value) => Number(value ?? 0)), periodUsed };
  }

  async setRemaining(usage: UsageCounter, remaining: number, now: number): Promise<void> {
    const quota = usage.quota;
    if (quota === undefined) return;
    const start = periodStart(now, quota.period);
    const used = Math.max(0, effectiveLimit(quota, start) - remaining);
    await this.run(SET_USED, [`${PREFIX}q:${usage.id}:${start}`], [used, nextPeriodStart(now, quota.period) - now + DAY_MS]);
  }

  async close(): Promise<void> {
    this.client.disconnect();
    return Promise.resolve();
  }

  /** EVALSHA, loading the script on NOSCRIPT (a restarted or flushed Redis). */
  private run(script: Script, keys: string[], args: Array<string | number>): Promise<unknown> {
    return this.call(async () => {
      try {
        return await this.client.evalsha(script.sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('NOSCRIPT')) return this.client.eval(script.source, keys.length, ...keys, ...args);
        throw error;
      }
    });
  }

  private async call<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw new SharedStateError(`redis: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}
