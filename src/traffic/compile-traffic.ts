// Compiles a region's API keys, usage plans, usage plan keys and account settings into the
// immutable TrafficRegion the api-key and throttle stages read. Run by the control plane after
// every change to them (inside the transaction, swapped after commit) and at start-up.

import type { AccountSettings, ApiKey, QuotaSettings, ThrottleSettings, UsagePlanKeyRecord, UsagePlanRecord } from '../model/usage-plan.js';
import { periodStart } from '../shared-state/quota-period.js';
import type { TokenBucket, UsageCounter } from '../shared-state/traffic-state.js';
import { accountBucketId, planBucketId, planKeyStateId, planMethodBucketId } from './state-ids.js';
import type { ApiKeyEntry, PlanBinding, TrafficRegion } from './traffic-registry.js';

/** AWS: account-level throttling defaults to 10,000 requests/s with a burst of 5,000 (reference §12). */
export const DEFAULT_ACCOUNT_THROTTLE = Object.freeze({ burstLimit: 5000, rateLimit: 10000 });

export interface TrafficRecords {
  account: AccountSettings | undefined;
  apiKeys: readonly ApiKey[];
  usagePlans: readonly UsagePlanRecord[];
  usagePlanKeys: readonly UsagePlanKeyRecord[];
}

/**
 * A bucket for a throttle, or none. Without `rateLimit` nothing is limited; without `burstLimit`
 * the burst is the rate rounded up (at least 1). Both UNCONFIRMED for partial throttles.
 */
export function throttleBucket(id: string, throttle: ThrottleSettings | undefined): TokenBucket | undefined {
  if (throttle?.rateLimit === undefined) return undefined;
  const rateLimit = throttle.rateLimit;
  return Object.freeze({ id, rateLimit, burstLimit: throttle.burstLimit ?? Math.max(1, Math.ceil(rateLimit)) });
}

export function usageCounter(region: string, plan: UsagePlanRecord, keyValue: string): UsageCounter {
  return Object.freeze({ id: planKeyStateId(region, plan.stateName, keyValue), quota: plan.quota === undefined ? undefined : quotaLimit(plan.quota, plan.quotaSince ?? 0) });
}

function quotaLimit(quota: QuotaSettings, since: number) {
  return Object.freeze({ limit: quota.limit, offset: quota.offset, period: quota.period, initialPeriodStart: periodStart(since, quota.period) });
}

/** `/pets/GET` → [`/pets`, `GET`]; `//GET` is the root resource. */
export function splitMethodThrottleKey(key: string): [string, string] | undefined {
  const slash = key.lastIndexOf('/');
  if (slash < 1 || !key.startsWith('/')) return undefined;
  const verb = key.slice(slash + 1);
  const path = key.slice(0, slash);
  return verb === '' ? undefined : [path === '' ? '/' : path, verb];
}

export function compileTrafficRegion(accountId: string, region: string, records: TrafficRecords): TrafficRegion {
  const settings = records.account?.throttleSettings ?? DEFAULT_ACCOUNT_THROTTLE;
  const account: TokenBucket = Object.freeze({ id: accountBucketId(accountId, region), rateLimit: settings.rateLimit, burstLimit: settings.burstLimit });
  const plans = new Map(records.usagePlans.map((plan) => [plan.id, plan]));
  const keysById = new Map<string, { key: ApiKey; stages: Map<string, Map<string, PlanBinding>> }>();
  for (const key of records.apiKeys) keysById.set(key.id, { key, stages: new Map() });
  for (const { keyId, usagePlanId } of records.usagePlanKeys) {
    const entry = keysById.get(keyId);
    const plan = plans.get(usagePlanId);
    if (entry === undefined || plan === undefined) continue;
    const usage = usageCounter(region, plan, entry.key.value);
    const planBucket = throttleBucket(planBucketId(usage.id), plan.throttle);
    for (const apiStage of plan.apiStages) {
      let methods: Map<string, Map<string, TokenBucket>> | undefined;
      for (const [throttleKey, throttle] of Object.entries(apiStage.throttle ?? {})) {
        const split = splitMethodThrottleKey(throttleKey);
        const bucket = split && throttleBucket(planMethodBucketId(usage.id, apiStage.apiId, apiStage.stage, split[0], split[1]), throttle);
        if (split === undefined || bucket === undefined) continue;
        methods ??= new Map();
        let verbs = methods.get(split[0]);
        if (verbs === undefined) methods.set(split[0], (verbs = new Map()));
        verbs.set(split[1], bucket);
      }
      let stages = entry.stages.get(apiStage.apiId);
      if (stages === undefined) entry.stages.set(apiStage.apiId, (stages = new Map()));
      stages.set(apiStage.stage, Object.freeze({ usagePlanId: plan.id, plan: planBucket, usage, methods }));
    }
  }
  const keysByValue = new Map<string, ApiKeyEntry>();
  for (const { key, stages } of keysById.values()) {
    keysByValue.set(key.value, Object.freeze({ id: key.id, value: key.value, enabled: key.enabled, stages }));
  }
  return Object.freeze({ account, keysByValue });
}
