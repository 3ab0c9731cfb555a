// The default TrafficState: token buckets and usage counters in this process's memory. Every call
// is synchronous (no promise, no tick on the request path). Usage counters can be exported and
// restored, so usage-persistence.ts keeps a period's quota across restarts.

import type { QuotaPeriod, UsageCounterSnapshot } from '../../model/usage-plan.js';
import { dayNumber, effectiveLimit, nextPeriodStart, periodStart } from '../quota-period.js';
import type { Admission, TokenBucket, TrafficState, UsageCounter, UsageReading } from '../traffic-state.js';

interface BucketState {
  tokens: number;
  /** Epoch ms of the last refill. */
  at: number;
}

interface CounterState {
  period: QuotaPeriod | undefined;
  /** The quota period `periodUsed` counts: [periodStart, periodEnd). */
  periodStart: number;
  periodEnd: number;
  periodUsed: number;
  days: Map<number, number>;
}

/** How long a day's count is kept (GetUsage looks back at most this far). */
const KEEP_DAYS = 100;

export class MemoryTrafficState implements TrafficState {
  private readonly buckets = new Map<string, BucketState>();
  private readonly counters = new Map<string, CounterState>();
  private readonly changed = new Set<string>();

  // hot path
  admit(now: number, account: TokenBucket, stage: TokenBucket | undefined, plan: TokenBucket | undefined, method: TokenBucket | undefined, usage: UsageCounter | undefined): Admission {
    const a = this.refill(account, now);
    const s = stage === undefined ? undefined : this.refill(stage, now);
    const p = plan === undefined ? undefined : this.refill(plan, now);
    const m = method === undefined ? undefined : this.refill(method, now);
    if (a.tokens < 1 || (s !== undefined && s.tokens < 1) || (p !== undefined && p.tokens < 1) || (m !== undefined && m.tokens < 1)) return 'throttled';
    let counter: CounterState | undefined;
    if (usage !== undefined) {
      counter = this.counter(usage.id);
      const quota = usage.quota;
      if (quota !== undefined) {
        this.roll(counter, quota.period, now);
        if (counter.periodUsed >= effectiveLimit(quota, counter.periodStart)) return 'quota-exceeded';
        counter.periodUsed++;
      }
      const day = dayNumber(now);
      counter.days.set(day, (counter.days.get(day) ?? 0) + 1);
      this.changed.add(usage.id);
    }
    a.tokens -= 1;
    if (s !== undefined) s.tokens -= 1;
    if (p !== undefined) p.tokens -= 1;
    if (m !== undefined) m.tokens -= 1;
    return 'admitted';
  }

  readUsage(usage: UsageCounter, fromDay: number, toDay: number, now: number): UsageReading {
    const counter = this.counters.get(usage.id);
    const daily: number[] = [];
    for (let day = fromDay; day <= toDay; day++) daily.push(counter?.days.get(day) ?? 0);
    let periodUsed = 0;
    if (counter !== undefined && usage.quota !== undefined && counter.periodStart === periodStart(now, usage.quota.period)) periodUsed = counter.periodUsed;
    return { daily, periodUsed };
  }

  setRemaining(usage: UsageCounter, remaining: number, now: number): void {
    const quota = usage.quota;
    if (quota === undefined) return;
    const counter = this.counter(usage.id);
    this.roll(counter, quota.period, now);
    counter.periodUsed = Math.max(0, effectiveLimit(quota, counter.periodStart) - remaining);
    this.changed.add(usage.id);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** The counters changed since the last call (all of them with `all`), pruned of old days. */
  exportCounters(now: number, all = false): Array<[string, UsageCounterSnapshot]> {
    const ids = all ? [...this.counters.keys()] : [...this.changed];
    this.changed.clear();
    const oldest = dayNumber(now) - KEEP_DAYS;
    const out: Array<[string, UsageCounterSnapshot]> = [];
    for (const id of ids) {
      const counter = this.counters.get(id);
      if (counter === undefined) continue;
      for (const day of counter.days.keys()) if (day < oldest) counter.days.delete(day);
      out.push([id, { periodStart: counter.periodStart, periodUsed: counter.periodUsed, days: [...counter.days] }]);
    }
    return out;
  }

  /** Start-up: counters as persisted. The period end is recomputed on first use. */
  restoreCounter(id: string, snapshot: UsageCounterSnapshot): void {
    this.counters.set(id, { period: undefined, periodStart: snapshot.periodStart, periodEnd: -1, periodUsed: snapshot.periodUsed, days: new Map(snapshot.days) });
  }

  private refill(bucket: TokenBucket, now: number): BucketState {
    let state = this.buckets.get(bucket.id);
    if (state === undefined) {
      state = { tokens: bucket.burstLimit, at: now };
      this.buckets.set(bucket.id, state);
      return state;
    }
    if (now > state.at) {
      state.tokens += ((now - state.at) * bucket.rateLimit) / 1000;
      state.at = now;
    }
    if (state.tokens > bucket.burstLimit) state.tokens = bucket.burstLimit;
    return state;
  }

  private counter(id: string): CounterState {
    let counter = this.counters.get(id);
    if (counter === undefined) {
      counter = { period: undefined, periodStart: -1, periodEnd: -1, periodUsed: 0, days: new Map() };
      this.counters.set(id, counter);
    }
    return counter;
  }

  /** Moves the counter to the period containing `now` (computing calendar bounds only when it changed). */
  private roll(counter: CounterState, period: QuotaPeriod, now: number): void {
    if (period === counter.period && now >= counter.periodStart && now < counter.periodEnd) return;
    counter.period = period;
    const start = periodStart(now, period);
    if (start !== counter.periodStart) {
      counter.periodStart = start;
      counter.periodUsed = 0;
    }
    counter.periodEnd = nextPeriodStart(now, period);
  }
}
