// The rules that tie API stages, usage plans and keys together (reference §6, §12): a plan's API
// stages must exist, a key may be in at most 10 plans and in only one plan per API stage, and a
// stage takes at most 20 method throttles. Messages not observed on AWS are UNCONFIRMED.

import type { ApiStage, UsagePlanRecord } from '../../model/usage-plan.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import { splitMethodThrottleKey } from '../../traffic/compile-traffic.js';
import { badRequest, conflict, ManagementError, notFound } from '../management-error.js';
import type { OperationInput } from '../wire/operation.js';
import { checkThrottle } from './traffic-records.js';

const MAX_PLANS_PER_KEY = 10;
const MAX_METHOD_THROTTLES = 20;
const VERB = /^(GET|PUT|POST|DELETE|PATCH|OPTIONS|HEAD|ANY|\*)$/;

/** AWS: 404 `Invalid API Stage {api: X, stage: Y} specified for usageplan Z` (LocalStack's AWS-validated tests). */
export function invalidApiStage(apiId: string, stage: string, planId: string): ManagementError {
  return notFound(`Invalid API Stage {api: ${apiId}, stage: ${stage}} specified for usageplan ${planId}`);
}

export async function checkApiStage(tx: StoreReader, input: OperationInput, apiStage: ApiStage, planId: string): Promise<void> {
  const api = await tx.get(collections.restApi, input.region, '', apiStage.apiId);
  const stage = api && (await tx.get(collections.stage, input.region, api.id, apiStage.stage));
  if (!stage) throw invalidApiStage(apiStage.apiId, apiStage.stage, planId);
  const keys = Object.keys(apiStage.throttle ?? {});
  if (keys.length > MAX_METHOD_THROTTLES) throw new ManagementError('LimitExceededException', `A usage plan can have at most ${MAX_METHOD_THROTTLES} method throttles per API stage`);
  for (const key of keys) {
    const split = splitMethodThrottleKey(key);
    if (split === undefined || !VERB.test(split[1])) throw badRequest(`Invalid method throttle key: ${key}. Expected /{resourcePath}/{httpMethod}`);
    checkThrottle(apiStage.throttle![key]!);
  }
}

/** `apiId:stage`, AWS's way of naming a plan's API stage in patch values. */
export function parseApiStageId(value: string | undefined): { apiId: string; stage: string } {
  const parts = (value ?? '').split(':');
  // AWS: 400 `Invalid API Stage specified` (LocalStack's AWS-validated tests).
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') throw badRequest('Invalid API Stage specified');
  return { apiId: parts[0]!, stage: parts[1]! };
}

/** The plans (other than `exceptPlanId`) that hold `keyId`. */
async function plansOfKey(tx: StoreReader, region: string, keyId: string, exceptPlanId?: string): Promise<UsagePlanRecord[]> {
  const plans: UsagePlanRecord[] = [];
  for (const plan of await tx.list(collections.usagePlan, region, '')) {
    if (plan.id !== exceptPlanId && (await tx.get(collections.usagePlanKey, region, plan.id, keyId))) plans.push(plan);
  }
  return plans;
}

/** Adding `keyId` to `plan`: at most 10 plans per key, one plan per API stage. */
export async function checkKeyCanJoin(tx: StoreReader, region: string, keyId: string, plan: UsagePlanRecord): Promise<void> {
  const others = await plansOfKey(tx, region, keyId, plan.id);
  if (others.length >= MAX_PLANS_PER_KEY) throw new ManagementError('LimitExceededException', `An API key can be in at most ${MAX_PLANS_PER_KEY} usage plans`);
  checkNoSharedStage(keyId, plan, others);
}

/** Adding API stages to `plan`: none of its keys may already reach them through another plan. */
export async function checkKeysCanReach(tx: StoreReader, region: string, plan: UsagePlanRecord): Promise<void> {
  for (const planKey of await tx.list(collections.usagePlanKey, region, plan.id)) {
    checkNoSharedStage(planKey.keyId, plan, await plansOfKey(tx, region, planKey.keyId, plan.id));
  }
}

function checkNoSharedStage(keyId: string, plan: UsagePlanRecord, others: readonly UsagePlanRecord[]): void {
  for (const other of others) {
    for (const apiStage of plan.apiStages) {
      if (other.apiStages.some((s) => s.apiId === apiStage.apiId && s.stage === apiStage.stage)) {
        throw conflict(`API Key ${keyId} is already in usage plan ${other.id} for API Stage ${apiStage.apiId}:${apiStage.stage}; a key can be in only one usage plan per API stage`);
      }
    }
  }
}
