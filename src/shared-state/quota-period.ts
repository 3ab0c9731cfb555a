// Calendar arithmetic for usage plan quotas (reference §6): periods are UTC days, weeks and months,
// and the quota's `offset` is subtracted from the limit in the initial period only. Pure functions
// shared by every TrafficState implementation and by GetUsage.

import type { QuotaPeriod } from '../model/usage-plan.js';
import type { QuotaLimit } from './traffic-state.js';

export const DAY_MS = 86_400_000;

/** Days since the epoch (UTC): the key of a day's usage count. */
export function dayNumber(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS);
}

/**
 * The start (epoch ms) of the UTC period containing `epochMs`.
 * AWS: weeks start on Sunday 00:00 UTC — UNCONFIRMED (older SDK docs numbered offset 0 = Sunday;
 * pinned by src/shared-state/quota-period.test.ts).
 */
export function periodStart(epochMs: number, period: QuotaPeriod): number {
  const day = dayNumber(epochMs);
  if (period === 'DAY') return day * DAY_MS;
  if (period === 'WEEK') {
    // 1970-01-01 was a Thursday (weekday 4 counting from Sunday).
    const weekday = (day + 4) % 7;
    return (day - weekday) * DAY_MS;
  }
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** The start of the period after the one containing `epochMs`. */
export function nextPeriodStart(epochMs: number, period: QuotaPeriod): number {
  const start = periodStart(epochMs, period);
  if (period === 'DAY') return start + DAY_MS;
  if (period === 'WEEK') return start + 7 * DAY_MS;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** The limit in force in the period starting at `start`: `limit − offset` in the initial period. */
export function effectiveLimit(quota: QuotaLimit, start: number): number {
  return start === quota.initialPeriodStart ? Math.max(0, quota.limit - quota.offset) : quota.limit;
}
