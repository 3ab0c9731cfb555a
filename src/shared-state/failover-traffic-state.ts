// Redis with a failure policy: while Redis answers, every node shares its limits; when it does not,
// `open` keeps serving on this node's in-memory limits and `closed` refuses (the throttle stage
// answers 503). The change is logged once each way; the next call after Redis is back uses it again.

import type { Logger } from '../observability/logger.js';
import type { MemoryTrafficState } from './memory/memory-traffic-state.js';
import type { RedisTrafficState } from './redis/redis-traffic-state.js';
import { SharedStateError, type Admission, type TokenBucket, type TrafficState, type UsageCounter, type UsageReading } from './traffic-state.js';

export type RedisFailurePolicy = 'open' | 'closed';

export class FailoverTrafficState implements TrafficState {
  private down = false;

  constructor(
    private readonly redis: RedisTrafficState,
    private readonly local: MemoryTrafficState,
    private readonly policy: RedisFailurePolicy,
    private readonly logger: Logger,
  ) {
    redis.client.on('ready', () => {
      if (!this.down) return;
      this.down = false;
      this.logger.info('redis is reachable again: limits are shared again');
    });
    redis.client.on('close', () => this.markDown('the connection closed'));
  }

  // hot path
  admit(now: number, account: TokenBucket, stage: TokenBucket | undefined, plan: TokenBucket | undefined, method: TokenBucket | undefined, usage: UsageCounter | undefined): Admission | Promise<Admission> {
    if (!this.redis.ready) {
      this.markDown('not connected');
      return this.policy === 'open' ? this.local.admit(now, account, stage, plan, method, usage) : refuse();
    }
    return this.redis.admit(now, account, stage, plan, method, usage).catch((error: unknown) => {
      this.markDown(error instanceof Error ? error.message : String(error));
      return this.policy === 'open' ? this.local.admit(now, account, stage, plan, method, usage) : Promise.reject(error as Error);
    });
  }

  readUsage(usage: UsageCounter, fromDay: number, toDay: number, now: number): UsageReading | Promise<UsageReading> {
    if (!this.redis.ready) return this.policy === 'open' ? this.local.readUsage(usage, fromDay, toDay, now) : refuse();
    return this.redis.readUsage(usage, fromDay, toDay, now);
  }

  setRemaining(usage: UsageCounter, remaining: number, now: number): void | Promise<void> {
    if (!this.redis.ready) return this.policy === 'open' ? this.local.setRemaining(usage, remaining, now) : refuse();
    return this.redis.setRemaining(usage, remaining, now);
  }

  async close(): Promise<void> {
    await this.redis.close();
  }

  private markDown(reason: string): void {
    if (this.down) return;
    this.down = true;
    const consequence = this.policy === 'open' ? 'failing open to local in-memory limits' : 'failing closed: requests with limits answer 503';
    this.logger.error({ reason, policy: this.policy }, `redis is unreachable: ${consequence}`);
  }
}

function refuse(): never {
  throw new SharedStateError('redis is unreachable (failure policy: closed)');
}
