// API keys and usage plans as the control plane finds, checks and returns them (reference §6,
// §8.2), and publishing them to the data plane: every change recompiles the region's traffic
// (inside the transaction) and swaps it in the TrafficRegistry once the transaction has committed.

import type { ApiKey, QuotaPeriod, QuotaSettings, ThrottleSettings, UsagePlan, UsagePlanRecord } from '../../model/usage-plan.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import { compileTrafficRegion, type TrafficRecords } from '../../traffic/compile-traffic.js';
import { badRequest, ManagementError, notFound } from '../management-error.js';
import { readInteger, readNumber, readObject, readString } from '../wire/members.js';
import type { OperationInput, OperationServices } from '../wire/operation.js';

export async function requireApiKey(tx: StoreReader, input: OperationInput, keyId: string): Promise<ApiKey> {
  const key = await tx.get(collections.apiKey, input.region, '', keyId);
  // AWS: 404 `Invalid API Key identifier specified` (test: api-keys.test.ts).
  if (!key) throw notFound('Invalid API Key identifier specified');
  return key;
}

export async function requireUsagePlan(tx: StoreReader, input: OperationInput, planId: string): Promise<UsagePlanRecord> {
  const plan = await tx.get(collections.usagePlan, input.region, '', planId);
  // AWS: 404 `Invalid Usage Plan ID specified` (test: usage-plans.test.ts).
  if (!plan) throw notFound('Invalid Usage Plan ID specified');
  return plan;
}

/** AWS: GetApiKey(s) omit `value` unless asked for it (reference §4). */
export function renderApiKey(key: ApiKey, includeValue: boolean): Record<string, unknown> {
  const { id, value, ...rest } = key;
  return includeValue ? { id, value, ...rest } : { id, ...rest };
}

export function renderUsagePlan(plan: UsagePlanRecord): UsagePlan {
  const { stateName: _stateName, quotaSince: _quotaSince, ...wire } = plan;
  return wire;
}

/** Reads every record a region's traffic is compiled from. */
export async function loadTrafficRecords(reader: StoreReader, region: string): Promise<TrafficRecords> {
  const usagePlans = await reader.list(collections.usagePlan, region, '');
  const usagePlanKeys = [];
  for (const plan of usagePlans) usagePlanKeys.push(...(await reader.list(collections.usagePlanKey, region, plan.id)));
  return {
    account: await reader.get(collections.account, region, '', 'account'),
    apiKeys: await reader.list(collections.apiKey, region, ''),
    usagePlans,
    usagePlanKeys,
  };
}

/** Recompiles the region's traffic from the transaction's view and serves it after commit. */
export async function republishTraffic(input: OperationInput, services: OperationServices): Promise<void> {
  const compiled = compileTrafficRegion(input.accountId, input.region, await loadTrafficRecords(services.tx, input.region));
  services.afterCommit(() => services.traffic.registry.set(input.region, compiled));
}

/** Body member `throttle` (`{burstLimit, rateLimit}`); AWS echoes `rateLimit` as a double. */
export function readThrottle(body: Record<string, unknown>, name = 'throttle'): ThrottleSettings | undefined {
  const raw = readObject(body, name);
  if (raw === undefined) return undefined;
  const burstLimit = readInteger(raw, 'burstLimit');
  const rateLimit = readNumber(raw, 'rateLimit');
  checkThrottle({ burstLimit, rateLimit });
  return { ...(burstLimit !== undefined && { burstLimit }), ...(rateLimit !== undefined && { rateLimit }) };
}

/** Negative limits are refused (message UNCONFIRMED); AWS accepts a burst below the rate (reference §6). */
export function checkThrottle(throttle: { burstLimit?: number | undefined; rateLimit?: number | undefined }): void {
  if (throttle.burstLimit !== undefined && throttle.burstLimit < 0) throw badRequest('Burst limit must be greater than or equal to 0');
  if (throttle.rateLimit !== undefined && !(throttle.rateLimit >= 0)) throw badRequest('Rate limit must be greater than or equal to 0');
}

const PERIODS: readonly QuotaPeriod[] = ['DAY', 'WEEK', 'MONTH'];

export function checkPeriod(period: string, inputName: string): QuotaPeriod {
  if (!(PERIODS as readonly string[]).includes(period)) {
    throw new ManagementError(
      'ValidationException',
      `1 validation error detected: Value '${period}' at '${inputName}.quota.period' failed to satisfy constraint: Member must satisfy enum value set: [DAY, WEEK, MONTH]`,
    );
  }
  return period as QuotaPeriod;
}

/** Quota rules (messages UNCONFIRMED): a positive limit, an offset from 0 to below the limit. */
export function checkQuota(quota: Partial<QuotaSettings>): QuotaSettings {
  if (quota.limit === undefined || quota.period === undefined) throw badRequest('Quota must have a limit and a period');
  if (quota.limit < 0) throw badRequest('Quota limit must be greater than or equal to 0');
  const offset = quota.offset ?? 0;
  if (offset < 0 || (offset > 0 && offset >= quota.limit)) throw badRequest('Quota offset must be greater than or equal to 0 and less than the quota limit');
  return { limit: quota.limit, offset, period: quota.period };
}

export function readQuota(body: Record<string, unknown>, inputName: string): QuotaSettings | undefined {
  const raw = readObject(body, 'quota');
  if (raw === undefined) return undefined;
  const period = readString(raw, 'period');
  return checkQuota({ limit: readInteger(raw, 'limit'), offset: readInteger(raw, 'offset'), period: period === undefined ? undefined : checkPeriod(period, inputName) });
}
