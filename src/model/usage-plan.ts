// API keys, usage plans, usage plan keys and the account's settings as stored, in AWS's member
// names (apigateway 2015-07-09). Reference §6, §8.1; AWS developer guide "Usage plans and API keys".
// Members that are not on the wire say so; the control plane strips them when rendering.

export interface ThrottleSettings {
  burstLimit?: number;
  rateLimit?: number;
}

export type QuotaPeriod = 'DAY' | 'WEEK' | 'MONTH';

export interface QuotaSettings {
  limit: number;
  offset: number;
  period: QuotaPeriod;
}

export interface ApiStage {
  apiId: string;
  stage: string;
  /** Per-method throttles keyed `/resourcePath/VERB`, e.g. `/pets/GET`. */
  throttle?: Record<string, ThrottleSettings>;
}

export interface ApiKey {
  id: string;
  value: string;
  name?: string;
  customerId?: string;
  description?: string;
  enabled: boolean;
  /** Epoch seconds. */
  createdDate: number;
  /** Epoch seconds. */
  lastUpdatedDate: number;
  /** `{restApiId}/{stageName}` (the legacy stage keys). */
  stageKeys: string[];
  tags?: Record<string, string>;
}

export interface UsagePlan {
  id: string;
  name: string;
  description?: string;
  apiStages: ApiStage[];
  throttle?: ThrottleSettings;
  quota?: QuotaSettings;
  productCode?: string;
  tags?: Record<string, string>;
}

/** The stored plan: the wire shape plus what enforcement needs. */
export interface UsagePlanRecord extends UsagePlan {
  /** Not on the wire. The plan's name at creation: with the key value it names the plan's limits in shared state. */
  stateName: string;
  /** Not on the wire. Epoch ms when the quota was last set: its period is the "initial period" `offset` applies to. */
  quotaSince?: number;
}

/** A key's membership in a plan (parent = the plan id, id = the key id). */
export interface UsagePlanKeyRecord {
  keyId: string;
  usagePlanId: string;
}

export interface AccountSettings {
  cloudwatchRoleArn?: string;
  throttleSettings: { burstLimit: number; rateLimit: number };
  features: string[];
  apiKeyVersion: string;
}

/**
 * One usage counter of the in-memory shared state, as persisted to the store so a restart keeps a
 * period's quota usage: the current period's count and the recent days' counts (GetUsage).
 */
export interface UsageCounterSnapshot {
  /** Epoch ms of the start of the period `periodUsed` counts. */
  periodStart: number;
  periodUsed: number;
  /** `[dayNumber, count]` pairs, dayNumber = floor(epoch ms / 86,400,000). */
  days: Array<[number, number]>;
}
