// Deployments and stages as the control plane finds, checks and returns them (reference §7.1,
// §8.2): AWS's not-found messages, stage name and stage variable rules, canary settings and the
// wire shapes (a stage omits empty `variables`; a deployment shows `apiSummary` only on request).

import type { CanarySettings, DeploymentRecord, Stage } from '../../model/deployment.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import { badRequest, ManagementError, notFound } from '../management-error.js';
import { readBoolean, readNumber, readObject, readString, readStringMap } from '../wire/members.js';
import type { OperationInput } from '../wire/operation.js';

export async function requireDeployment(tx: StoreReader, input: OperationInput, apiId: string, deploymentId: string): Promise<DeploymentRecord> {
  const deployment = await tx.get(collections.deployment, input.region, apiId, deploymentId);
  if (!deployment) throw notFound('Invalid Deployment identifier specified');
  return deployment;
}

export async function requireStage(tx: StoreReader, input: OperationInput, apiId: string, stageName: string): Promise<Stage> {
  const stage = await tx.get(collections.stage, input.region, apiId, stageName);
  // Message casing UNCONFIRMED (community reports show `Invalid stage identifier specified`).
  if (!stage) throw notFound('Invalid stage identifier specified');
  return stage;
}

/** AWS: a stage or canary naming an unknown deployment is a 400, not a 404 (test: stages.test.ts). */
export async function requireExistingDeploymentId(tx: StoreReader, input: OperationInput, apiId: string, deploymentId: string | undefined): Promise<DeploymentRecord> {
  const deployment = deploymentId ? await tx.get(collections.deployment, input.region, apiId, deploymentId) : undefined;
  if (!deployment) throw badRequest('Deployment id does not exist');
  return deployment;
}

/** The wire shape of a deployment; `apiSummary` only for `GetDeployment?embed=apisummary`. */
export function renderDeployment(record: DeploymentRecord, withSummary = false): Record<string, unknown> {
  return {
    id: record.id,
    ...(record.description !== undefined && { description: record.description }),
    createdDate: record.createdDate,
    ...(withSummary && { apiSummary: record.apiSummary }),
  };
}

/** The wire shape of a stage: AWS omits `variables` when there are none (test: stages.test.ts). */
export function renderStage(stage: Stage): Record<string, unknown> {
  const { variables, ...rest } = stage;
  return variables && Object.keys(variables).length > 0 ? { ...rest, variables } : rest;
}

const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * AWS: stage names are alphanumerics, `-` and `_`, at most 128 characters. The observed message
 * (community reports) still says `a-zA-Z0-9_` although hyphens are accepted today.
 */
export function checkStageName(name: string | undefined): string {
  if (name === undefined || !STAGE_NAME.test(name)) throw badRequest('Stage name only allows a-zA-Z0-9_');
  return name;
}

const VARIABLE_NAME = /^[A-Za-z0-9_]{1,64}$/;
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=, ]{1,512}$/;
const MAX_VARIABLES = 100;

export function checkVariableName(name: string): void {
  // AWS: two spaces after the first full stop (community reports of the exact error).
  if (!VARIABLE_NAME.test(name)) throw badRequest(`Invalid stage variable name: ${name}.  Please use names with only word characters.`);
}

export function checkVariableValue(value: string): void {
  if (!VARIABLE_VALUE.test(value)) {
    throw badRequest(
      `Invalid stage variable value: ${value}.  Please use values with alphanumeric characters and the symbols ' ', -', '.', '_', ':', '/', '?', '&', '=', and ','.`,
    );
  }
}

/** Stage variable rules (reference §7.1): names `\w{1,64}`, values `[A-Za-z0-9-._~:/?#&=,]{1,512}`, ≤ 100. */
export function checkVariables(variables: Record<string, string>): void {
  const names = Object.keys(variables);
  if (names.length > MAX_VARIABLES) throw badRequest(`A stage can have at most ${MAX_VARIABLES} stage variables`);
  for (const name of names) {
    checkVariableName(name);
    checkVariableValue(variables[name] ?? '');
  }
}

const CACHE_CLUSTER_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'];

export function checkCacheClusterSize(size: string | undefined, inputName: string): void {
  if (size !== undefined && !CACHE_CLUSTER_SIZES.includes(size)) {
    throw new ManagementError(
      'ValidationException',
      `1 validation error detected: Value '${size}' at '${inputName}.cacheClusterSize' failed to satisfy constraint: Member must satisfy enum value set: [${CACHE_CLUSTER_SIZES.join(', ')}]`,
    );
  }
}

/** Enabling the cache cluster: an emulator has no 4-minute provisioning, so it is AVAILABLE at once. */
export function setCacheCluster(stage: Stage, enabled: boolean): void {
  stage.cacheClusterEnabled = enabled;
  stage.cacheClusterStatus = enabled ? 'AVAILABLE' : 'NOT_AVAILABLE';
  if (enabled && stage.cacheClusterSize === undefined) stage.cacheClusterSize = '0.5';
}

export function checkPercentTraffic(percent: number): void {
  if (!(percent >= 0 && percent <= 100)) throw badRequest(`Invalid percentTraffic ${percent}. Must be between 0.0 and 100.0`);
}

/** Reads `canarySettings` of CreateStage / CreateDeployment. */
export function readCanarySettings(body: Record<string, unknown>): CanarySettings | undefined {
  const raw = readObject(body, 'canarySettings');
  if (raw === undefined) return undefined;
  const percentTraffic = readNumber(raw, 'percentTraffic');
  if (percentTraffic !== undefined) checkPercentTraffic(percentTraffic);
  const deploymentId = readString(raw, 'deploymentId');
  const stageVariableOverrides = readStringMap(raw, 'stageVariableOverrides');
  if (stageVariableOverrides) checkVariables(stageVariableOverrides);
  const useStageCache = readBoolean(raw, 'useStageCache');
  return {
    ...(deploymentId !== undefined && { deploymentId }),
    ...(percentTraffic !== undefined && { percentTraffic }),
    ...(stageVariableOverrides && { stageVariableOverrides }),
    ...(useStageCache !== undefined && { useStageCache }),
  };
}

/** AWS fills a canary's missing members: the stage's deployment, 0% traffic, no shared cache. */
export function completeCanary(canary: CanarySettings, stageDeploymentId: string): CanarySettings {
  return {
    deploymentId: canary.deploymentId ?? stageDeploymentId,
    percentTraffic: canary.percentTraffic ?? 0,
    ...(canary.stageVariableOverrides && { stageVariableOverrides: canary.stageVariableOverrides }),
    useStageCache: canary.useStageCache ?? false,
  };
}

const MAX_TAGS = 50;

/** Tag rules (reference §12: 50 per stage; keys ≤ 128, values ≤ 256 per the tagging guide). */
export function checkTags(tags: Record<string, string>): void {
  const keys = Object.keys(tags);
  if (keys.length > MAX_TAGS) throw badRequest(`Too many tags: a resource can have at most ${MAX_TAGS} tags`);
  for (const key of keys) {
    if (key.length === 0 || key.length > 128) throw badRequest(`Invalid tag key: ${key}`);
    if ((tags[key] ?? '').length > 256) throw badRequest(`Invalid tag value for key: ${key}`);
  }
}

/** A new stage with AWS's defaults (reference §7.1). */
export function createStageRecord(fields: {
  stageName: string;
  deploymentId: string;
  now: number;
  description?: string | undefined;
  variables?: Record<string, string> | undefined;
  cacheClusterEnabled?: boolean | undefined;
  cacheClusterSize?: string | undefined;
  tracingEnabled?: boolean | undefined;
  canarySettings?: CanarySettings | undefined;
  tags?: Record<string, string> | undefined;
  documentationVersion?: string | undefined;
}): Stage {
  const createdDate = Math.floor(fields.now / 1000);
  const stage: Stage = {
    stageName: fields.stageName,
    deploymentId: fields.deploymentId,
    ...(fields.description !== undefined && { description: fields.description }),
    cacheClusterEnabled: false,
    ...(fields.cacheClusterSize !== undefined && { cacheClusterSize: fields.cacheClusterSize }),
    cacheClusterStatus: 'NOT_AVAILABLE',
    methodSettings: {},
    ...(fields.variables && Object.keys(fields.variables).length > 0 && { variables: fields.variables }),
    ...(fields.documentationVersion !== undefined && { documentationVersion: fields.documentationVersion }),
    ...(fields.canarySettings && { canarySettings: completeCanary(fields.canarySettings, fields.deploymentId) }),
    tracingEnabled: fields.tracingEnabled ?? false,
    ...(fields.tags && Object.keys(fields.tags).length > 0 && { tags: fields.tags }),
    createdDate,
    lastUpdatedDate: createdDate,
  };
  if (fields.cacheClusterEnabled) setCacheCluster(stage, true);
  return stage;
}
