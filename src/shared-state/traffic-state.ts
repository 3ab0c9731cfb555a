// The shared-state contract for traffic control (DESIGN §1): token buckets and quota counters that
// the throttle stage takes from on every request, and the usage GetUsage/UpdateUsage read and set.
// Implementations: memory/ (default, synchronous) and redis/ (many nodes, one global limit); both
// pass test/shared-state-contract. AWS developer guide "Throttle requests to your REST APIs".

import type { QuotaPeriod } from '../model/usage-plan.js';

/**
 * A token bucket (AWS's meaning): it holds at most `burstLimit` tokens, starts full and refills at
 * `rateLimit` tokens per second; a request takes one token. `id` names its state, so two specs
 * with one id are one bucket (across nodes with Redis). Limits may change between calls: the
 * bucket keeps its tokens, capped at the new burst.
 */
export interface TokenBucket {
  readonly id: string;
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export interface QuotaLimit {
  readonly limit: number;
  /** Requests subtracted from `limit` in the initial period (the one starting at `initialPeriodStart`). */
  readonly offset: number;
  readonly period: QuotaPeriod;
  /** Epoch ms: start of the period in which the quota was set. */
  readonly initialPeriodStart: number;
}

/** The usage of one API key in one usage plan: counted per UTC day, and against the quota if any. */
export interface UsageCounter {
  readonly id: string;
  readonly quota: QuotaLimit | undefined;
}

/** Strings, so returning one never allocates. */
export type Admission = 'admitted' | 'throttled' | 'quota-exceeded';

export interface UsageReading {
  /** Requests counted on each day from `fromDay` to `toDay` (day numbers, inclusive). */
  daily: number[];
  /** Requests counted against the quota in the period containing `now` (0 without a quota). */
  periodUsed: number;
}

/**
 * Contract:
 * - `admit` is all or nothing: it takes one token from every bucket given, and counts one use of
 *   `usage` (today, and against its quota in the current period), only when every bucket has a
 *   token ('throttled' otherwise) and the quota is not used up ('quota-exceeded' otherwise);
 *   nothing changes on a refusal. The account, stage, plan and method buckets are AWS's four levels;
 *   any may be `undefined` but the account's.
 * - Implementations return plain values when they need no I/O (memory: never a promise, so the
 *   request path has no promise tick) and promises otherwise.
 * - Time is only `now` (epoch ms) as passed: implementations never read a clock.
 * - Infrastructure failures reject with SharedStateError; no AWS errors, no logging of requests.
 */
export interface TrafficState {
  admit(
    now: number,
    account: TokenBucket,
    stage: TokenBucket | undefined,
    plan: TokenBucket | undefined,
    method: TokenBucket | undefined,
    usage: UsageCounter | undefined,
  ): Admission | Promise<Admission>;
  readUsage(usage: UsageCounter, fromDay: number, toDay: number, now: number): UsageReading | Promise<UsageReading>;
  /** UpdateUsage: sets what is left of the quota in the current period (used = effective limit − remaining). */
  setRemaining(usage: UsageCounter, remaining: number, now: number): void | Promise<void>;
  close(): Promise<void>;
}

/**
 * The cache the Lambda authorizer results use (and the response cache will), holding values of one
 * type `V`. `ttlMs` counts from `now` (a `ttlMs` of 0 stores nothing); a missing or expired entry is
 * `undefined`. Memory keeps the value itself, so a hit neither parses nor allocates: callers must
 * never mutate a value they put or got. Redis encodes values with a SharedCacheCodec. Like
 * TrafficState: plain values when no I/O is needed, never a clock read, failures reject with
 * SharedStateError. Implementations: memory/memory-shared-cache.ts, redis/redis-shared-cache.ts.
 */
export interface SharedCache<V> {
  get(namespace: string, key: string, now: number): V | undefined | Promise<V | undefined>;
  set(namespace: string, key: string, value: V, ttlMs: number, now: number): void | Promise<void>;
  /** FlushStageCache / FlushStageAuthorizersCache: every node sharing the cache stops seeing the namespace's entries. */
  clear(namespace: string): void | Promise<void>;
}

/** How a cache that leaves the process (Redis) turns its values into text and back. */
export interface SharedCacheCodec<V> {
  encode(value: V): string;
  /** `undefined` when the text is not a value (written by another version): read as a miss. */
  decode(text: string): V | undefined;
}

/** A cache that stores nothing (a data plane built without one). */
export const noSharedCache: SharedCache<never> = { get: () => undefined, set: () => undefined, clear: () => undefined };

/** The namespace holding one stage's authorizer results (FlushStageAuthorizersCache clears it). */
export function authorizerCacheNamespace(region: string, apiId: string, stageName: string): string {
  return `authorizers:${region}:${apiId}:${stageName}`;
}

/** An infrastructure failure of shared state (Redis unreachable, timed out). */
export class SharedStateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SharedStateError';
  }
}
