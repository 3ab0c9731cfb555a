// The TrafficState contract suite (src/shared-state/traffic-state.ts), run against every
// implementation: token buckets with AWS's rate/burst meaning, all-or-nothing admission, quotas per
// calendar period with offsets, daily usage, UpdateUsage. Time is passed in; nothing sleeps.

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuotaPeriod } from '../../src/model/usage-plan.js';
import { periodStart } from '../../src/shared-state/quota-period.js';
import type { Admission, TokenBucket, TrafficState, UsageCounter } from '../../src/shared-state/traffic-state.js';

const T0 = Date.UTC(2026, 2, 10, 12);
const DAY = 86_400_000;

export function defineTrafficStateContract(name: string, create: () => TrafficState | Promise<TrafficState>): void {
  describe(`TrafficState contract: ${name}`, () => {
    const run = randomUUID().slice(0, 8);
    let n = 0;
    const id = (): string => `contract-${run}-${n++}`;
    const bucket = (rateLimit: number, burstLimit: number): TokenBucket => ({ id: id(), rateLimit, burstLimit });
    const quota = (limit: number, period: QuotaPeriod, offset = 0, since = T0): UsageCounter => ({ id: id(), quota: { limit, offset, period, initialPeriodStart: periodStart(since, period) } });
    const big = (): TokenBucket => bucket(1e6, 1e6);
    let state!: TrafficState;
    beforeAll(async () => {
      state = await create();
    });
    const admit = async (now: number, ...buckets: Array<TokenBucket | undefined>): Promise<Admission> =>
      state.admit(now, buckets[0] ?? big(), buckets[1], buckets[2], buckets[3], undefined);
    const count = async (now: number, times: number, take: (now: number) => Admission | Promise<Admission>): Promise<number> => {
      let admitted = 0;
      for (let i = 0; i < times; i++) if ((await take(now)) === 'admitted') admitted++;
      return admitted;
    };

    it('starts a bucket full: burst requests pass, then it throttles', async () => {
      const b = bucket(1, 3);
      expect(await count(T0, 5, (now) => admit(now, b))).toBe(3);
      expect(await admit(T0, b)).toBe('throttled');
    });

    it('refills at the rate, never above the burst', async () => {
      const b = bucket(2, 4);
      expect(await count(T0, 4, (now) => admit(now, b))).toBe(4);
      expect(await count(T0 + 1500, 10, (now) => admit(now, b))).toBe(3);
      expect(await count(T0 + 60_000, 10, (now) => admit(now, b))).toBe(4);
    });

    it('admits within one request of the token-bucket ideal (10 rps, burst 5, 10 s)', async () => {
      const b = bucket(10, 5);
      let admitted = 0;
      for (let t = 0; t < 10_000; t += 7) if ((await admit(T0 + t, b)) === 'admitted') admitted++;
      expect(Math.abs(admitted - 105)).toBeLessThanOrEqual(1);
    });

    it('is all or nothing: a throttling level leaves the others untouched', async () => {
      const account = bucket(0, 3);
      const plan = bucket(0, 1);
      expect(await admit(T0, account, undefined, plan)).toBe('admitted');
      expect(await admit(T0, account, undefined, plan)).toBe('throttled');
      expect(await admit(T0, account, undefined, plan)).toBe('throttled');
      // The account bucket lost only the one admitted request.
      expect(await count(T0, 5, (now) => admit(now, account))).toBe(2);
    });

    it('takes from every level: the strictest wins', async () => {
      const stage = bucket(0, 2);
      const method = bucket(0, 5);
      expect(await count(T0, 5, (now) => admit(now, big(), stage, undefined, method))).toBe(2);
      expect(await count(T0, 5, (now) => admit(now, big(), undefined, undefined, method))).toBe(3);
    });

    it('keeps a bucket with rate 0 empty once used', async () => {
      const b = bucket(0, 1);
      expect(await admit(T0, b)).toBe('admitted');
      expect(await admit(T0 + 3_600_000, b)).toBe('throttled');
    });

    it('caps kept tokens at a lowered burst', async () => {
      const b = bucket(1, 10);
      expect(await admit(T0, b)).toBe('admitted');
      expect(await count(T0, 10, (now) => admit(now, { ...b, burstLimit: 2 }))).toBe(2);
    });

    it('counts a quota per period and resets it at the next period; quota refusals take no token', async () => {
      const usage = quota(3, 'DAY');
      const b = bucket(0, 10);
      const take = (now: number) => state.admit(now, big(), undefined, b, undefined, usage);
      expect(await count(T0, 5, take)).toBe(3);
      expect(await take(T0)).toBe('quota-exceeded');
      expect(await count(T0 + DAY, 5, take)).toBe(3);
      // 6 admitted, 4 refused by the quota: the bucket lost 6 tokens only.
      expect(await count(T0 + DAY, 10, (now) => admit(now, b))).toBe(4);
    });

    it('subtracts the offset in the initial period only', async () => {
      const usage = quota(5, 'WEEK', 3);
      const take = (now: number) => state.admit(now, big(), undefined, undefined, undefined, usage);
      expect(await count(T0, 10, take)).toBe(2);
      expect(await count(T0 + 7 * DAY, 10, take)).toBe(5);
    });

    it('resets a MONTH quota on the 1st (UTC)', async () => {
      const usage = quota(2, 'MONTH', 0, Date.UTC(2026, 0, 1));
      const take = (now: number) => state.admit(now, big(), undefined, undefined, undefined, usage);
      expect(await count(Date.UTC(2026, 2, 31, 23, 59), 5, take)).toBe(2);
      expect(await count(Date.UTC(2026, 3, 1, 0, 0), 5, take)).toBe(2);
    });

    it('reports daily usage and the current period, with or without a quota', async () => {
      const metered = quota(100, 'MONTH');
      const unmetered: UsageCounter = { id: id(), quota: undefined };
      for (const [offset, times] of [[0, 2], [DAY, 3]] as const) {
        for (let i = 0; i < times; i++) {
          await state.admit(T0 + offset, big(), undefined, undefined, undefined, metered);
          await state.admit(T0 + offset, big(), undefined, undefined, undefined, unmetered);
        }
      }
      const today = Math.floor(T0 / DAY);
      expect(await state.readUsage(metered, today - 1, today + 1, T0 + DAY)).toEqual({ daily: [0, 2, 3], periodUsed: 5 });
      expect(await state.readUsage(unmetered, today, today + 1, T0 + DAY)).toEqual({ daily: [2, 3], periodUsed: 0 });
    });

    it('sets the remaining quota of the current period (UpdateUsage)', async () => {
      const usage = quota(10, 'DAY');
      const take = (now: number) => state.admit(now, big(), undefined, undefined, undefined, usage);
      expect(await count(T0, 4, take)).toBe(4);
      await state.setRemaining(usage, 1, T0);
      expect((await state.readUsage(usage, 0, -1, T0)).periodUsed).toBe(9);
      expect(await count(T0, 5, take)).toBe(1);
      await state.setRemaining(usage, 10, T0);
      expect(await count(T0, 20, take)).toBe(10);
    });
  });
}
