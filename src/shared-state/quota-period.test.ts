// Quota calendar periods (reference §6, open question 7): UTC days, weeks starting Sunday
// (UNCONFIRMED, pinned here), calendar months, and the offset taken only in the initial period.

import { describe, expect, it } from 'vitest';
import { dayNumber, effectiveLimit, nextPeriodStart, periodStart } from './quota-period.js';

const at = (iso: string): number => Date.parse(iso);

describe('periodStart / nextPeriodStart', () => {
  it('DAY: UTC midnight to UTC midnight', () => {
    expect(periodStart(at('2026-03-10T23:59:59.999Z'), 'DAY')).toBe(at('2026-03-10T00:00:00Z'));
    expect(periodStart(at('2026-03-11T00:00:00Z'), 'DAY')).toBe(at('2026-03-11T00:00:00Z'));
    expect(nextPeriodStart(at('2026-03-10T12:00:00Z'), 'DAY')).toBe(at('2026-03-11T00:00:00Z'));
  });

  it('WEEK: Sunday 00:00 UTC to the next Sunday', () => {
    // 2026-03-08 is a Sunday.
    expect(periodStart(at('2026-03-08T00:00:00Z'), 'WEEK')).toBe(at('2026-03-08T00:00:00Z'));
    expect(periodStart(at('2026-03-14T23:59:59Z'), 'WEEK')).toBe(at('2026-03-08T00:00:00Z'));
    expect(periodStart(at('2026-03-15T00:00:00Z'), 'WEEK')).toBe(at('2026-03-15T00:00:00Z'));
    expect(nextPeriodStart(at('2026-03-10T00:00:00Z'), 'WEEK')).toBe(at('2026-03-15T00:00:00Z'));
    // Across a year end: 2026-12-31 is a Thursday, its week started Sunday 2026-12-27.
    expect(periodStart(at('2027-01-02T10:00:00Z'), 'WEEK')).toBe(at('2026-12-27T00:00:00Z'));
  });

  it('MONTH: the 1st 00:00 UTC, across month lengths and year ends', () => {
    expect(periodStart(at('2026-02-28T23:59:59Z'), 'MONTH')).toBe(at('2026-02-01T00:00:00Z'));
    expect(nextPeriodStart(at('2026-02-15T00:00:00Z'), 'MONTH')).toBe(at('2026-03-01T00:00:00Z'));
    expect(nextPeriodStart(at('2024-02-29T12:00:00Z'), 'MONTH')).toBe(at('2024-03-01T00:00:00Z'));
    expect(nextPeriodStart(at('2026-12-31T23:00:00Z'), 'MONTH')).toBe(at('2027-01-01T00:00:00Z'));
  });

  it('numbers days from the epoch', () => {
    expect(dayNumber(at('1970-01-02T00:00:00Z'))).toBe(1);
  });
});

describe('effectiveLimit', () => {
  it('subtracts the offset in the initial period only', () => {
    const quota = { limit: 100, offset: 30, period: 'WEEK' as const, initialPeriodStart: at('2026-03-08T00:00:00Z') };
    expect(effectiveLimit(quota, at('2026-03-08T00:00:00Z'))).toBe(70);
    expect(effectiveLimit(quota, at('2026-03-15T00:00:00Z'))).toBe(100);
  });
});
