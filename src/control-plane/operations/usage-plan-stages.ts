// Usage plans follow the API stages they list (reference §6): DeleteStage and DeleteRestApi remove
// the deleted stages from every usage plan, inside the delete's transaction, and republish the
// region's traffic so API keys stop reaching them at once; DeleteUsagePlan refuses a plan that
// still lists API stages.

import type { ApiStage, UsagePlanRecord } from '../../model/usage-plan.js';
import { collections } from '../../store/collections.js';
import { badRequest } from '../management-error.js';
import type { OperationInput, OperationServices } from '../wire/operation.js';
import { republishTraffic } from './traffic-records.js';

/**
 * Removes `apiId`'s stage `stageName` (every stage of `apiId` when omitted) from every usage plan.
 * AWS: deleting a stage removes the usage plans' association with it (hashicorp/terraform-provider-aws
 * #14100, maintainer bflad; test: usage-plan-cleanup.test.ts "DeleteStage"); for DeleteRestApi the
 * same is assumed for each of its stages (UNCONFIRMED; test: usage-plan-cleanup.test.ts "DeleteRestApi").
 */
export async function removeDeletedApiStages(input: OperationInput, services: OperationServices, apiId: string, stageName?: string): Promise<void> {
  const { tx } = services;
  const deleted = (apiStage: ApiStage) => apiStage.apiId === apiId && (stageName === undefined || apiStage.stage === stageName);
  let changed = false;
  for (const plan of await tx.list(collections.usagePlan, input.region, '')) {
    if (!plan.apiStages.some(deleted)) continue;
    const cleaned: UsagePlanRecord = { ...plan, apiStages: plan.apiStages.filter((apiStage) => !deleted(apiStage)) };
    await tx.put(collections.usagePlan, { region: input.region, parent: '', id: plan.id }, cleaned);
    changed = true;
  }
  if (changed) await republishTraffic(input, services);
}

/**
 * AWS: 400 `Cannot delete Usage Plan {id} because there are API Stages associated with it, including
 * {apiId}:{stage}` (aws/aws-sdk-js #3841; test: usage-plan-cleanup.test.ts "DeleteUsagePlan"). We
 * name the plan's first API stage; which one AWS names when there are several is UNCONFIRMED.
 */
export function checkUsagePlanHasNoStages(plan: UsagePlanRecord): void {
  const first = plan.apiStages[0];
  if (first !== undefined) {
    throw badRequest(`Cannot delete Usage Plan ${plan.id} because there are API Stages associated with it, including ${first.apiId}:${first.stage}`);
  }
}
