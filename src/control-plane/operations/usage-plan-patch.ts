// UpdateUsagePlan's patch paths (reference §6, AWS guide "Create usage plans with the REST API"):
// `/name`, `/description`, `/productCode`, `/apiStages` (add/remove `apiId:stage`),
// `/apiStages/{apiId}:{stage}/throttle[/{resourcePath}/{VERB}[/rateLimit|/burstLimit]]`,
// `/throttle[/rateLimit|/burstLimit]` and `/quota[/limit|/offset|/period]`.

import type { ApiStage, QuotaSettings, ThrottleSettings, UsagePlanRecord } from '../../model/usage-plan.js';
import { badRequest } from '../management-error.js';
import { type PatchOperation, requireValue } from '../patch/patch-operations.js';
import { checkPeriod, checkQuota, checkThrottle } from './traffic-records.js';
import { invalidApiStage, parseApiStageId } from './usage-plan-checks.js';

const PATHS = '[/name, /description, /productCode, /apiStages, /apiStages/{apiId}:{stage}/throttle, /throttle, /quota]';

export interface UsagePlanPatchResult {
  /** API stages added by the patch (their existence and keys are checked by the caller). */
  addedStages: ApiStage[];
  /** Whether the quota started or its offset/period changed (a new initial period). */
  quotaReset: boolean;
}

function invalidPath(operation: PatchOperation): Error {
  return badRequest(`Invalid patch path ${operation.path}. Must be one of: ${PATHS}`);
}

function number(operation: PatchOperation, integer: boolean): number {
  const value = requireValue(operation);
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) throw badRequest(`Invalid value ${value} for path ${operation.path}`);
  return parsed;
}

/** Writes `rateLimit`/`burstLimit` (or the whole throttle when `field` is undefined) of `throttle`. */
function patchThrottle(throttle: ThrottleSettings | undefined, field: string | undefined, operation: PatchOperation): ThrottleSettings | undefined {
  if (field === undefined) {
    if (operation.op === 'remove') return undefined;
    throw invalidPath(operation);
  }
  const next: ThrottleSettings = { ...throttle };
  if (field === 'rateLimit') {
    if (operation.op === 'remove') delete next.rateLimit;
    else next.rateLimit = number(operation, false);
  } else if (field === 'burstLimit') {
    if (operation.op === 'remove') delete next.burstLimit;
    else next.burstLimit = number(operation, true);
  } else throw invalidPath(operation);
  checkThrottle(next);
  return Object.keys(next).length > 0 ? next : undefined;
}

/** `/apiStages/{apiId}:{stage}/throttle...`: method throttles of one API stage of the plan. */
function patchStageThrottle(plan: UsagePlanRecord, operation: PatchOperation): void {
  const raw = operation.path.split('/').slice(1);
  const { apiId, stage } = parseApiStageId(raw[1]);
  const apiStage = plan.apiStages.find((s) => s.apiId === apiId && s.stage === stage);
  if (!apiStage) throw invalidApiStage(apiId, stage, plan.id);
  if (raw[2] !== 'throttle') throw invalidPath(operation);
  const rest = raw.slice(3);
  if (rest.length === 0) {
    // The whole map: removed, or replaced by a JSON object `{"/pets/GET": {"rateLimit": 1, ...}}`.
    if (operation.op === 'remove') delete apiStage.throttle;
    else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(requireValue(operation));
      } catch {
        throw badRequest(`Invalid throttle value for path ${operation.path}`);
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest(`Invalid throttle value for path ${operation.path}`);
      apiStage.throttle = parsed as Record<string, ThrottleSettings>;
    }
    return;
  }
  // `{resource path segments...}/{VERB}[/{field}]`; the resource path may be `~1`-escaped or plain.
  const last = rest[rest.length - 1]!;
  const hasField = last === 'rateLimit' || last === 'burstLimit';
  const verb = rest[rest.length - (hasField ? 2 : 1)];
  const pathParts = rest.slice(0, rest.length - (hasField ? 2 : 1));
  if (verb === undefined || pathParts.length === 0) throw invalidPath(operation);
  const resourcePath = pathParts.join('/').replace(/~1/g, '/').replace(/~0/g, '~');
  const key = `${resourcePath.startsWith('/') ? resourcePath : `/${resourcePath}`}/${verb}`.replace(/^\/\/+/, '//');
  const throttles = { ...apiStage.throttle };
  const next = patchThrottle(throttles[key], hasField ? last : undefined, operation);
  if (next === undefined) delete throttles[key];
  else throttles[key] = next;
  if (Object.keys(throttles).length > 0) apiStage.throttle = throttles;
  else delete apiStage.throttle;
}

/** Applies `operations` to `plan` (a copy); the caller validates the result. */
export function applyUsagePlanPatch(plan: UsagePlanRecord, operations: readonly PatchOperation[]): UsagePlanPatchResult {
  const result: UsagePlanPatchResult = { addedStages: [], quotaReset: false };
  let quota: Partial<QuotaSettings> | undefined = plan.quota && { ...plan.quota };
  for (const operation of operations) {
    const [field, sub, ...rest] = operation.segments;
    switch (field) {
      case 'name':
        if (sub !== undefined) throw invalidPath(operation);
        plan.name = requireValue(operation);
        if (plan.name === '') throw badRequest('Usage Plan name must be non-empty');
        break;
      case 'description':
      case 'productCode':
        if (sub !== undefined) throw invalidPath(operation);
        if (operation.op === 'remove' || operation.value === undefined) delete plan[field];
        else plan[field] = operation.value;
        break;
      case 'apiStages':
        if (sub !== undefined) {
          patchStageThrottle(plan, operation);
          break;
        }
        if (operation.op === 'add') {
          const { apiId, stage } = parseApiStageId(operation.value);
          if (!plan.apiStages.some((s) => s.apiId === apiId && s.stage === stage)) {
            const added: ApiStage = { apiId, stage };
            plan.apiStages.push(added);
            result.addedStages.push(added);
          }
        } else if (operation.op === 'remove') {
          const { apiId, stage } = parseApiStageId(operation.value);
          const index = plan.apiStages.findIndex((s) => s.apiId === apiId && s.stage === stage);
          if (index < 0) throw invalidApiStage(apiId, stage, plan.id);
          plan.apiStages.splice(index, 1);
        } else throw invalidPath(operation);
        break;
      case 'throttle':
        if (rest.length > 0) throw invalidPath(operation);
        plan.throttle = patchThrottle(plan.throttle, sub, operation);
        if (plan.throttle === undefined) delete plan.throttle;
        break;
      case 'quota':
        if (rest.length > 0) throw invalidPath(operation);
        if (sub === undefined) {
          if (operation.op !== 'remove') throw invalidPath(operation);
          quota = undefined;
          break;
        }
        if (operation.op === 'remove') throw invalidPath(operation);
        quota ??= {};
        result.quotaReset ||= plan.quota === undefined || sub === 'offset' || sub === 'period';
        if (sub === 'limit') quota.limit = number(operation, true);
        else if (sub === 'offset') quota.offset = number(operation, true);
        else if (sub === 'period') quota.period = checkPeriod(requireValue(operation), 'updateUsagePlanInput');
        else throw invalidPath(operation);
        break;
      default:
        throw invalidPath(operation);
    }
  }
  if (quota === undefined) delete plan.quota;
  else plan.quota = checkQuota(quota);
  return result;
}
