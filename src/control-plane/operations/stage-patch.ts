// UpdateStage's patch operations (reference §7.2, §7.5): stage fields, `/variables/{name}`,
// access log settings, canary settings and promotion by `copy`, and method settings. Applied in
// order to a copy of the stage; the first invalid operation throws and nothing is written.

import type { CanarySettings, Stage } from '../../model/deployment.js';
import { badRequest } from '../management-error.js';
import { requireValue, type PatchOperation } from '../patch/patch-operations.js';
import { applyMethodSetting, invalidStagePath, parseMethodSettingPath, removeMethodSetting, stageBoolean } from './method-settings.js';
import { checkPercentTraffic, checkVariableName, checkVariableValue, completeCanary, setCacheCluster } from './stage-records.js';

export interface StagePatchContext {
  /** Throws AWS's `Deployment id does not exist` unless the API has this deployment. */
  checkDeployment(deploymentId: string): Promise<void>;
}

const CACHE_CLUSTER_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'];

/** AWS: promotion copies only from the canary to the stage (AWS-validated snapshot `copy-with-bad-statement`). */
const PROMOTIONS = new Map([
  ['/deploymentId', '/canarySettings/deploymentId'],
  ['/variables', '/canarySettings/stageVariableOverrides'],
]);

export async function applyStagePatch(stage: Stage, operations: readonly PatchOperation[], context: StagePatchContext): Promise<void> {
  for (const operation of operations) await applyOne(stage, operation, context);
}

const sets = (operation: PatchOperation): boolean => operation.op === 'replace' || operation.op === 'add';

async function applyOne(stage: Stage, operation: PatchOperation, context: StagePatchContext): Promise<void> {
  if (operation.op === 'copy') return promote(stage, operation);
  const [field, member, name] = operation.segments;
  const depth = operation.segments.length;
  if (depth === 1 && field !== undefined && (await applyStageField(stage, field, operation, context))) return;
  if (depth === 2 && field === 'variables' && member) return patchMap(stage, 'variables', member, operation);
  if (depth === 2 && field === 'accessLogSettings' && (member === 'destinationArn' || member === 'format')) {
    if (sets(operation)) {
      stage.accessLogSettings = { ...stage.accessLogSettings, [member]: requireValue(operation) };
      return;
    }
    if (operation.op === 'remove') {
      const { [member]: _removed, ...rest } = stage.accessLogSettings ?? {};
      if (Object.keys(rest).length > 0) stage.accessLogSettings = rest;
      else delete stage.accessLogSettings;
      return;
    }
  }
  if (depth === 2 && field === 'canarySettings' && (member === 'percentTraffic' || member === 'deploymentId' || member === 'useStageCache')) {
    // AWS: canary members take `replace` only (AWS-validated snapshot `update-stage-add-deployment`).
    if (operation.op === 'add') throw badRequest(`Invalid add operation with path: ${operation.path}`);
    if (operation.op === 'replace') return patchCanary(stage, member, operation, context);
  }
  if (depth === 3 && field === 'canarySettings' && member === 'stageVariableOverrides' && name) {
    const canary = canaryOf(stage);
    const overrides = { ...canary.stageVariableOverrides };
    if (sets(operation)) {
      checkVariableName(name);
      overrides[name] = requireValue(operation);
      checkVariableValue(overrides[name]);
    } else if (operation.op === 'remove') delete overrides[name];
    else throw invalidStagePath(operation);
    if (Object.keys(overrides).length > 0) canary.stageVariableOverrides = overrides;
    else delete canary.stageVariableOverrides;
    return;
  }
  const target = sets(operation) ? parseMethodSettingPath(operation) : undefined;
  if (target) return applyMethodSetting(stage.methodSettings, target, operation);
  // AWS: any other remove is read as removing a method setting keyed by the path
  // (AWS-validated snapshots `update-stage-canary-settings-bad-path`, remove `/*/*`).
  if (operation.op === 'remove') return removeMethodSetting(stage.methodSettings, operation);
  throw invalidStagePath(operation);
}

/** Top-level stage members; `false` when the op does not apply to the member. */
async function applyStageField(stage: Stage, field: string, operation: PatchOperation, context: StagePatchContext): Promise<boolean> {
  const remove = operation.op === 'remove';
  switch (field) {
    case 'deploymentId': {
      if (!sets(operation)) return false;
      const deploymentId = requireValue(operation);
      await context.checkDeployment(deploymentId);
      stage.deploymentId = deploymentId;
      return true;
    }
    // AWS: `replace /documentationVersion` associates a documentation version (DG "Publish API
    // documentation using the API Gateway REST API"); whether AWS checks that it exists is UNCONFIRMED.
    case 'description':
    case 'clientCertificateId':
    case 'documentationVersion':
      if (remove) delete stage[field];
      else if (sets(operation)) stage[field] = requireValue(operation);
      else return false;
      return true;
    case 'cacheClusterEnabled':
      if (!sets(operation)) return false;
      setCacheCluster(stage, stageBoolean(operation));
      return true;
    case 'cacheClusterSize': {
      if (!sets(operation)) return false;
      const size = requireValue(operation);
      if (!CACHE_CLUSTER_SIZES.includes(size)) throw badRequest(`Invalid cache cluster size specified: ${size}`);
      stage.cacheClusterSize = size;
      return true;
    }
    case 'tracingEnabled':
      if (!sets(operation)) return false;
      stage.tracingEnabled = stageBoolean(operation);
      return true;
    case 'accessLogSettings':
    case 'canarySettings':
      if (!remove) return false;
      delete stage[field];
      return true;
    default:
      return false;
  }
}

function patchMap(stage: Stage, field: 'variables', key: string, operation: PatchOperation): void {
  const map = { ...stage[field] };
  if (sets(operation)) {
    const value = requireValue(operation);
    checkVariableName(key);
    checkVariableValue(value);
    map[key] = value;
  } else if (operation.op === 'remove') delete map[key];
  else throw invalidStagePath(operation);
  if (Object.keys(map).length > 0) stage[field] = map;
  else delete stage[field];
}

/** The stage's canary; replacing a member of an absent canary creates one with AWS's defaults. */
function canaryOf(stage: Stage): CanarySettings {
  stage.canarySettings ??= completeCanary({}, stage.deploymentId);
  return stage.canarySettings;
}

async function patchCanary(stage: Stage, member: 'percentTraffic' | 'deploymentId' | 'useStageCache', operation: PatchOperation, context: StagePatchContext): Promise<void> {
  if (member === 'deploymentId') {
    const deploymentId = requireValue(operation);
    await context.checkDeployment(deploymentId);
    canaryOf(stage).deploymentId = deploymentId;
  } else if (member === 'useStageCache') {
    canaryOf(stage).useStageCache = stageBoolean(operation);
  } else {
    const value = requireValue(operation);
    const percent = Number(value);
    if (value.trim() === '' || Number.isNaN(percent)) throw badRequest(`Invalid percentTraffic ${value}. Must be between 0.0 and 100.0`);
    checkPercentTraffic(percent);
    canaryOf(stage).percentTraffic = percent;
  }
}

/** Canary promotion (reference §7.2): copy the canary's deployment or variable overrides onto the stage. */
function promote(stage: Stage, operation: PatchOperation): void {
  if (PROMOTIONS.get(operation.path) !== operation.from) {
    throw badRequest(
      `Invalid copy operation with path: ${operation.path} and from ${operation.from ?? 'null'}. Valid copy:path are [/deploymentId, /variables] and valid copy:from are [/canarySettings/deploymentId, /canarySettings/stageVariableOverrides]`,
    );
  }
  const canary = stage.canarySettings;
  if (!canary) throw badRequest('Promotion not available. Canary does not exist.');
  if (operation.path === '/deploymentId') {
    stage.deploymentId = canary.deploymentId ?? stage.deploymentId;
    return;
  }
  // AWS: overrides are merged into the stage variables; the canary stays (AWS-validated snapshot `update-stage-with-copy-2`).
  const variables = { ...stage.variables, ...canary.stageVariableOverrides };
  if (Object.keys(variables).length > 0) stage.variables = variables;
}
