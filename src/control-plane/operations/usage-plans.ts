// CreateUsagePlan, GetUsagePlan, GetUsagePlans, UpdateUsagePlan, DeleteUsagePlan (reference §6,
// §8.1). A plan's id is 6 characters; its API stages must exist (and be removed before the plan
// is deleted); every change is published to the data plane after commit (the api-key and throttle
// stages enforce it).

import type { ApiStage, UsagePlanRecord } from '../../model/usage-plan.js';
import { generateId } from '../../shared/ids.js';
import { collections } from '../../store/collections.js';
import { badRequest } from '../management-error.js';
import { parsePatchOperations } from '../patch/patch-operations.js';
import { readObject, readString, readStringMap } from '../wire/members.js';
import type { OperationDefinition } from '../wire/operation.js';
import { paginate } from './pagination.js';
import { checkTags } from './stage-records.js';
import { readQuota, readThrottle, renderUsagePlan, republishTraffic, requireUsagePlan } from './traffic-records.js';
import { checkApiStage, checkKeysCanReach } from './usage-plan-checks.js';
import { applyUsagePlanPatch } from './usage-plan-patch.js';
import { checkUsagePlanHasNoStages } from './usage-plan-stages.js';

function readApiStages(body: Record<string, unknown>): ApiStage[] {
  const raw = body.apiStages;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw badRequest('Invalid API Stage specified');
  return raw.map((item: unknown) => {
    const entry = readObject({ item }, 'item') ?? {};
    const throttles = readObject(entry, 'throttle');
    const throttle: Record<string, { burstLimit?: number; rateLimit?: number }> = {};
    for (const key of Object.keys(throttles ?? {})) {
      const settings = readThrottle(throttles!, key);
      if (settings) throttle[key] = settings;
    }
    return {
      apiId: readString(entry, 'apiId') ?? '',
      stage: readString(entry, 'stage') ?? '',
      ...(Object.keys(throttle).length > 0 && { throttle }),
    };
  });
}

const createUsagePlan: OperationDefinition = {
  name: 'CreateUsagePlan',
  method: 'POST',
  path: '/usageplans',
  async run(input, services) {
    const { tx, clock } = services;
    const { body, region } = input;
    const name = readString(body, 'name');
    // Message UNCONFIRMED.
    if (name === undefined || name === '') throw badRequest('Usage Plan name must be non-empty');
    let id: string;
    do id = generateId(6);
    while (await tx.get(collections.usagePlan, region, '', id));
    const apiStages = readApiStages(body);
    for (const apiStage of apiStages) await checkApiStage(tx, input, apiStage, id);
    const throttle = readThrottle(body);
    const quota = readQuota(body, 'createUsagePlanInput');
    const tags = readStringMap(body, 'tags');
    if (tags) checkTags(tags);
    const description = readString(body, 'description');
    const productCode = readString(body, 'productCode');
    const plan: UsagePlanRecord = {
      id,
      name,
      ...(description !== undefined && { description }),
      apiStages,
      ...(throttle && { throttle }),
      ...(quota && { quota }),
      ...(productCode !== undefined && { productCode }),
      ...(tags && Object.keys(tags).length > 0 && { tags }),
      stateName: name,
      ...(quota && { quotaSince: clock.now() }),
    };
    await tx.put(collections.usagePlan, { region, parent: '', id }, plan);
    await republishTraffic(input, services);
    return { status: 201, body: renderUsagePlan(plan) };
  },
};

const getUsagePlan: OperationDefinition = {
  name: 'GetUsagePlan',
  method: 'GET',
  path: '/usageplans/{usageplanId}',
  async run(input, { tx }) {
    return { status: 200, body: renderUsagePlan(await requireUsagePlan(tx, input, input.params.usageplanId ?? '')) };
  },
};

const getUsagePlans: OperationDefinition = {
  name: 'GetUsagePlans',
  method: 'GET',
  path: '/usageplans',
  async run(input, { tx }) {
    const keyId = input.query.get('keyId');
    let plans = await tx.list(collections.usagePlan, input.region, '');
    if (keyId !== null) {
      const holding: UsagePlanRecord[] = [];
      for (const plan of plans) if (await tx.get(collections.usagePlanKey, input.region, plan.id, keyId)) holding.push(plan);
      plans = holding;
    }
    return { status: 200, body: paginate(plans.map(renderUsagePlan), input.query) };
  },
};

const updateUsagePlan: OperationDefinition = {
  name: 'UpdateUsagePlan',
  method: 'PATCH',
  path: '/usageplans/{usageplanId}',
  async run(input, services) {
    const { tx, clock } = services;
    const plan = structuredClone(await requireUsagePlan(tx, input, input.params.usageplanId ?? ''));
    const result = applyUsagePlanPatch(plan, parsePatchOperations(input.body, 'updateUsagePlanInput'));
    for (const apiStage of plan.apiStages) await checkApiStage(tx, input, apiStage, plan.id);
    if (result.addedStages.length > 0) await checkKeysCanReach(tx, input.region, plan);
    if (plan.quota === undefined) delete plan.quotaSince;
    else if (result.quotaReset) plan.quotaSince = clock.now();
    await tx.put(collections.usagePlan, { region: input.region, parent: '', id: plan.id }, plan);
    await republishTraffic(input, services);
    return { status: 200, body: renderUsagePlan(plan) };
  },
};

const deleteUsagePlan: OperationDefinition = {
  name: 'DeleteUsagePlan',
  method: 'DELETE',
  path: '/usageplans/{usageplanId}',
  async run(input, services) {
    const { tx } = services;
    const plan = await requireUsagePlan(tx, input, input.params.usageplanId ?? '');
    checkUsagePlanHasNoStages(plan);
    // Its usage plan keys are the records parented by the plan.
    await tx.deleteByParent(input.region, plan.id);
    await tx.delete(collections.usagePlan, { region: input.region, parent: '', id: plan.id });
    await republishTraffic(input, services);
    return { status: 202 };
  },
};

export const usagePlanOperations: OperationDefinition[] = [createUsagePlan, getUsagePlan, getUsagePlans, updateUsagePlan, deleteUsagePlan];
