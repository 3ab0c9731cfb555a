// CreateUsagePlanKey, GetUsagePlanKey, GetUsagePlanKeys, DeleteUsagePlanKey (reference §6, §8.1):
// a key's membership in a plan, shown as `{id, type: "API_KEY", value, name}` (id = the key's id).
// Joining a plan is checked against the key's other plans (≤ 10, one per API stage).

import type { ApiKey } from '../../model/usage-plan.js';
import { collections } from '../../store/collections.js';
import { badRequest, conflict, notFound } from '../management-error.js';
import { readString } from '../wire/members.js';
import type { OperationDefinition } from '../wire/operation.js';
import { paginate } from './pagination.js';
import { republishTraffic, requireApiKey, requireUsagePlan } from './traffic-records.js';
import { checkKeyCanJoin } from './usage-plan-checks.js';

/** AWS: `{id, type, value, name}` (reference §6, observed). */
function renderUsagePlanKey(key: ApiKey): Record<string, unknown> {
  return { id: key.id, type: 'API_KEY', value: key.value, ...(key.name !== undefined && { name: key.name }) };
}

const createUsagePlanKey: OperationDefinition = {
  name: 'CreateUsagePlanKey',
  method: 'POST',
  path: '/usageplans/{usageplanId}/keys',
  async run(input, services) {
    const { tx } = services;
    const plan = await requireUsagePlan(tx, input, input.params.usageplanId ?? '');
    const keyType = readString(input.body, 'keyType');
    // Message UNCONFIRMED; API_KEY is the only type AWS has.
    if (keyType !== 'API_KEY') throw badRequest(`Invalid key type specified: ${keyType ?? 'null'}. Must be API_KEY`);
    const key = await requireApiKey(tx, input, readString(input.body, 'keyId') ?? '');
    if (await tx.get(collections.usagePlanKey, input.region, plan.id, key.id)) throw conflict('Usage Plan Key already exists');
    await checkKeyCanJoin(tx, input.region, key.id, plan);
    await tx.put(collections.usagePlanKey, { region: input.region, parent: plan.id, id: key.id }, { keyId: key.id, usagePlanId: plan.id });
    await republishTraffic(input, services);
    return { status: 201, body: renderUsagePlanKey(key) };
  },
};

const getUsagePlanKey: OperationDefinition = {
  name: 'GetUsagePlanKey',
  method: 'GET',
  path: '/usageplans/{usageplanId}/keys/{keyId}',
  async run(input, { tx }) {
    const plan = await requireUsagePlan(tx, input, input.params.usageplanId ?? '');
    const key = await requireApiKey(tx, input, input.params.keyId ?? '');
    // AWS: a key that exists but is not in the plan answers `Invalid Usage Plan ID specified` (moto's AWS-derived tests; UNCONFIRMED).
    if (!(await tx.get(collections.usagePlanKey, input.region, plan.id, key.id))) throw notFound('Invalid Usage Plan ID specified');
    return { status: 200, body: renderUsagePlanKey(key) };
  },
};

const getUsagePlanKeys: OperationDefinition = {
  name: 'GetUsagePlanKeys',
  method: 'GET',
  path: '/usageplans/{usageplanId}/keys',
  async run(input, { tx }) {
    const plan = await requireUsagePlan(tx, input, input.params.usageplanId ?? '');
    const nameQuery = input.query.get('name');
    const keys: ApiKey[] = [];
    for (const planKey of await tx.list(collections.usagePlanKey, input.region, plan.id)) {
      const key = await tx.get(collections.apiKey, input.region, '', planKey.keyId);
      // `nameQuery` (wire `name`) as a case-sensitive prefix, like GetApiKeys (UNCONFIRMED).
      if (key && (nameQuery === null || (key.name ?? '').startsWith(nameQuery))) keys.push(key);
    }
    return { status: 200, body: paginate(keys.map(renderUsagePlanKey), input.query) };
  },
};

const deleteUsagePlanKey: OperationDefinition = {
  name: 'DeleteUsagePlanKey',
  method: 'DELETE',
  path: '/usageplans/{usageplanId}/keys/{keyId}',
  async run(input, services) {
    const { tx } = services;
    const plan = await requireUsagePlan(tx, input, input.params.usageplanId ?? '');
    const key = await requireApiKey(tx, input, input.params.keyId ?? '');
    if (!(await tx.delete(collections.usagePlanKey, { region: input.region, parent: plan.id, id: key.id }))) throw notFound('Invalid Usage Plan ID specified');
    await republishTraffic(input, services);
    return { status: 202 };
  },
};

export const usagePlanKeyOperations: OperationDefinition[] = [createUsagePlanKey, getUsagePlanKey, getUsagePlanKeys, deleteUsagePlanKey];
