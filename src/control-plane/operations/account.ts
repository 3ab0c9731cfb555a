// GetAccount and UpdateAccount (`/account`, reference §8.1): the region's account settings.
// AWS: account throttling is 10,000 requests/s with a burst of 5,000 and cannot be changed through
// the API; Portico also takes `/throttleSettings/rateLimit|burstLimit` patches so it can be configured.

import type { AccountSettings } from '../../model/usage-plan.js';
import { collections } from '../../store/collections.js';
import { DEFAULT_ACCOUNT_THROTTLE } from '../../traffic/compile-traffic.js';
import { badRequest } from '../management-error.js';
import { parsePatchOperations, requireValue } from '../patch/patch-operations.js';
import type { OperationDefinition } from '../wire/operation.js';
import { checkThrottle, republishTraffic } from './traffic-records.js';

/** AWS: what GetAccount answers on a fresh account (`apiKeyVersion` "4", usage plans on). */
function defaultAccount(): AccountSettings {
  return { throttleSettings: { ...DEFAULT_ACCOUNT_THROTTLE }, features: ['UsagePlans'], apiKeyVersion: '4' };
}

const PATHS = '[/cloudwatchRoleArn, /features, /throttleSettings/rateLimit, /throttleSettings/burstLimit]';

const getAccount: OperationDefinition = {
  name: 'GetAccount',
  method: 'GET',
  path: '/account',
  async run(input, { tx }) {
    return { status: 200, body: (await tx.get(collections.account, input.region, '', 'account')) ?? defaultAccount() };
  },
};

const updateAccount: OperationDefinition = {
  name: 'UpdateAccount',
  method: 'PATCH',
  path: '/account',
  async run(input, services) {
    const { tx } = services;
    const account = structuredClone((await tx.get(collections.account, input.region, '', 'account')) ?? defaultAccount());
    for (const operation of parsePatchOperations(input.body, 'updateAccountInput')) {
      const [field, sub, ...rest] = operation.segments;
      if (rest.length > 0) throw badRequest(`Invalid patch path ${operation.path}. Must be one of: ${PATHS}`);
      if (field === 'cloudwatchRoleArn' && sub === undefined) {
        if (operation.op === 'remove' || !operation.value) delete account.cloudwatchRoleArn;
        else account.cloudwatchRoleArn = operation.value;
      } else if (field === 'features' && sub === undefined) {
        const feature = requireValue(operation);
        if (operation.op === 'add' && !account.features.includes(feature)) account.features.push(feature);
        else if (operation.op === 'remove') account.features = account.features.filter((f) => f !== feature);
      } else if (field === 'throttleSettings' && (sub === 'rateLimit' || sub === 'burstLimit') && operation.op !== 'remove') {
        const value = Number(requireValue(operation));
        if (!Number.isFinite(value) || (sub === 'burstLimit' && !Number.isInteger(value))) throw badRequest(`Invalid value ${operation.value ?? ''} for path ${operation.path}`);
        account.throttleSettings[sub] = value;
        checkThrottle(account.throttleSettings);
      } else throw badRequest(`Invalid patch path ${operation.path}. Must be one of: ${PATHS}`);
    }
    await tx.put(collections.account, { region: input.region, parent: '', id: 'account' }, account);
    await republishTraffic(input, services);
    return { status: 200, body: account };
  },
};

export const accountOperations: OperationDefinition[] = [getAccount, updateAccount];
