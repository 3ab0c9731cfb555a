// GetUsage and UpdateUsage (reference §6): a plan's usage per key and UTC day as `[used, remaining]`
// pairs (wire member `values`, SDK `items`), read from shared state; UpdateUsage sets what is left
// of a key's quota in the current period (`replace /remaining`).

import type { ApiKey, UsagePlanRecord } from '../../model/usage-plan.js';
import { DAY_MS, dayNumber, effectiveLimit, periodStart } from '../../shared-state/quota-period.js';
import { SharedStateError, type UsageCounter } from '../../shared-state/traffic-state.js';
import { collections } from '../../store/collections.js';
import { usageCounter } from '../../traffic/compile-traffic.js';
import { badRequest, ManagementError, notFound } from '../management-error.js';
import { parsePatchOperations, requireValue } from '../patch/patch-operations.js';
import type { OperationDefinition, OperationInput, OperationServices } from '../wire/operation.js';
import { requireApiKey, requireUsagePlan } from './traffic-records.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(text: string | null, name: string): number {
  const match = text === null ? null : DATE.exec(text);
  const epoch = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Message UNCONFIRMED.
  if (Number.isNaN(epoch) || new Date(epoch).toISOString().slice(0, 10) !== text) throw badRequest(`Invalid ${name}: expected YYYY-MM-DD`);
  return dayNumber(epoch);
}

const formatDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

async function shared<R>(operation: () => R | Promise<R>): Promise<R> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof SharedStateError) throw new ManagementError('ServiceUnavailableException', 'Usage data is unavailable: shared state is unreachable');
    throw error;
  }
}

/**
 * `[used, remaining]` per day. Remaining = the period's limit minus what the period had used by the
 * end of that day; for the current period it also reflects UpdateUsage. Without a quota remaining
 * is 0 (UNCONFIRMED).
 */
async function usageRows(services: OperationServices, counter: UsageCounter, fromDay: number, toDay: number, now: number): Promise<Array<[number, number]>> {
  const quota = counter.quota;
  const firstDay = quota === undefined ? fromDay : Math.min(fromDay, dayNumber(periodStart(fromDay * DAY_MS, quota.period)));
  const reading = await shared(() => services.traffic.state.readUsage(counter, firstDay, toDay, now));
  const rows: Array<[number, number]> = [];
  const currentStart = quota === undefined ? 0 : periodStart(now, quota.period);
  let start = -1;
  let cumulative = 0;
  for (let day = firstDay; day <= toDay; day++) {
    const used = reading.daily[day - firstDay] ?? 0;
    let remaining = 0;
    if (quota !== undefined) {
      const dayStart = periodStart(day * DAY_MS, quota.period);
      if (dayStart !== start) {
        start = dayStart;
        cumulative = 0;
      }
      cumulative += used;
      const limit = effectiveLimit(quota, dayStart);
      // The current period's counter includes UpdateUsage adjustments the daily counts do not.
      const adjustment = dayStart === currentStart && day >= dayNumber(now) ? reading.periodUsed - cumulative : 0;
      remaining = Math.max(0, limit - cumulative - adjustment);
    }
    if (day >= fromDay) rows.push([used, remaining]);
  }
  return rows;
}

async function keysOfPlan(input: OperationInput, services: OperationServices, plan: UsagePlanRecord): Promise<ApiKey[]> {
  const keys: ApiKey[] = [];
  for (const planKey of await services.tx.list(collections.usagePlanKey, input.region, plan.id)) {
    const key = await services.tx.get(collections.apiKey, input.region, '', planKey.keyId);
    if (key) keys.push(key);
  }
  return keys;
}

const getUsage: OperationDefinition = {
  name: 'GetUsage',
  method: 'GET',
  path: '/usageplans/{usageplanId}/usage',
  async run(input, services) {
    const plan = await requireUsagePlan(services.tx, input, input.params.usageplanId ?? '');
    const fromDay = parseDate(input.query.get('startDate'), 'startDate');
    const toDay = parseDate(input.query.get('endDate'), 'endDate');
    if (toDay < fromDay) throw badRequest('The endDate must not be before the startDate');
    const keyId = input.query.get('keyId');
    const now = services.clock.now();
    const values: Record<string, Array<[number, number]>> = {};
    for (const key of await keysOfPlan(input, services, plan)) {
      if (keyId !== null && key.id !== keyId) continue;
      // AWS: the map is keyed by the key's id (reference §6: common observation; UNCONFIRMED).
      values[key.id] = await usageRows(services, usageCounter(input.region, plan, key.value), fromDay, toDay, now);
    }
    return { status: 200, body: { usagePlanId: plan.id, startDate: formatDay(fromDay), endDate: formatDay(toDay), values } };
  },
};

const updateUsage: OperationDefinition = {
  name: 'UpdateUsage',
  method: 'PATCH',
  path: '/usageplans/{usageplanId}/keys/{keyId}/usage',
  async run(input, services) {
    const plan = await requireUsagePlan(services.tx, input, input.params.usageplanId ?? '');
    const key = await requireApiKey(services.tx, input, input.params.keyId ?? '');
    if (!(await services.tx.get(collections.usagePlanKey, input.region, plan.id, key.id))) throw notFound('Invalid Usage Plan ID specified');
    // Message UNCONFIRMED.
    if (plan.quota === undefined) throw badRequest(`Usage plan ${plan.id} has no quota`);
    const counter = usageCounter(input.region, plan, key.value);
    const now = services.clock.now();
    for (const operation of parsePatchOperations(input.body, 'updateUsageInput')) {
      if (operation.path !== '/remaining' || operation.op !== 'replace') throw badRequest(`Invalid patch path ${operation.path}. Must be one of: [/remaining]`);
      const value = requireValue(operation);
      if (!/^\d+$/.test(value)) throw badRequest(`Invalid value ${value} for path /remaining`);
      const remaining = Math.min(Number(value), effectiveLimit(counter.quota!, periodStart(now, plan.quota.period)));
      await shared(() => services.traffic.state.setRemaining(counter, remaining, now));
    }
    const today = dayNumber(now);
    return { status: 200, body: { usagePlanId: plan.id, startDate: formatDay(today), endDate: formatDay(today), values: { [key.id]: await usageRows(services, counter, today, today, now) } } };
  },
};

export const usageOperations: OperationDefinition[] = [getUsage, updateUsage];
