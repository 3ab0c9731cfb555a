// What the api-key and throttle stages read: per region, the account bucket and every API key by
// value (O(1)) with the usage plan it is bound to for each API stage. Like the SnapshotRegistry,
// the control plane swaps a region's entry after a commit; the data plane only reads.

import type { TokenBucket, UsageCounter } from '../shared-state/traffic-state.js';
import { compileTrafficRegion } from './compile-traffic.js';

/** A key's usage plan for one API stage. */
export interface PlanBinding {
  readonly usagePlanId: string;
  /** The plan's `throttle`, per key. */
  readonly plan: TokenBucket | undefined;
  readonly usage: UsageCounter;
  /** The plan's per-method throttles for this API stage: resource path → verb → bucket. */
  readonly methods: ReadonlyMap<string, ReadonlyMap<string, TokenBucket>> | undefined;
}

export interface ApiKeyEntry {
  readonly id: string;
  readonly value: string;
  readonly enabled: boolean;
  /** apiId → stage name → binding. */
  readonly stages: ReadonlyMap<string, ReadonlyMap<string, PlanBinding>>;
}

export interface TrafficRegion {
  readonly account: TokenBucket;
  readonly keysByValue: ReadonlyMap<string, ApiKeyEntry>;
}

export class TrafficRegistry {
  private readonly regions = new Map<string, TrafficRegion>();

  constructor(readonly accountId: string) {}

  // hot path
  region(region: string): TrafficRegion {
    let found = this.regions.get(region);
    if (found === undefined) {
      found = compileTrafficRegion(this.accountId, region, { account: undefined, apiKeys: [], usagePlans: [], usagePlanKeys: [] });
      this.regions.set(region, found);
    }
    return found;
  }

  set(region: string, compiled: TrafficRegion): void {
    this.regions.set(region, compiled);
  }
}
