// CreateDeployment, GetDeployment, GetDeployments, UpdateDeployment, DeleteDeployment (reference
// §7.1, §8.1). Deploy is compile: CreateDeployment freezes the API, compiles it inside the
// operation (a compile error rolls everything back), and with `stageName` points that stage at
// the new deployment, which is served once the transaction has committed.

import type { DeploymentRecord, Stage } from '../../model/deployment.js';
import { generateId } from '../../shared/ids.js';
import { compileDeployment } from '../../snapshot/compile-deployment.js';
import { collections } from '../../store/collections.js';
import type { StoreWriter } from '../../store/store.js';
import { badRequest } from '../management-error.js';
import { invalidPatchPath, parsePatchOperations, requireValue } from '../patch/patch-operations.js';
import { freezeDefinition, summarizeApi } from '../serving/freeze-definition.js';
import { compileStageSnapshot, serveAfterCommit } from '../serving/serve-stage.js';
import { readBoolean, readString, readStringMap } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';
import {
  checkCacheClusterSize,
  checkStageName,
  checkVariables,
  completeCanary,
  createStageRecord,
  readCanarySettings,
  renderDeployment,
  requireDeployment,
  setCacheCluster,
} from './stage-records.js';

/** The stage members of a CreateDeployment request. */
interface StageRequest {
  stageDescription: string | undefined;
  variables: Record<string, string> | undefined;
  cacheClusterEnabled: boolean | undefined;
  cacheClusterSize: string | undefined;
  tracingEnabled: boolean | undefined;
}

async function newDeploymentId(tx: StoreWriter, region: string, apiId: string): Promise<string> {
  for (;;) {
    const id = generateId(6);
    if (!(await tx.get(collections.deployment, region, apiId, id))) return id;
  }
}

const createDeployment: OperationDefinition = {
  name: 'CreateDeployment',
  method: 'POST',
  path: '/restapis/{restapi_id}/deployments',
  async run(input, services) {
    const { tx, clock } = services;
    const { body, region } = input;
    const api = await requireRestApi(tx, input);
    const rawStageName = readString(body, 'stageName');
    const canary = readCanarySettings(body);
    const description = readString(body, 'description');
    const request: StageRequest = {
      stageDescription: readString(body, 'stageDescription'),
      variables: readStringMap(body, 'variables'),
      cacheClusterEnabled: readBoolean(body, 'cacheClusterEnabled'),
      cacheClusterSize: readString(body, 'cacheClusterSize'),
      tracingEnabled: readBoolean(body, 'tracingEnabled'),
    };
    checkCacheClusterSize(request.cacheClusterSize, 'createDeploymentInput');
    if (request.variables) checkVariables(request.variables);
    // AWS: a canary deployment needs an existing stage (AWS-validated snapshots, test: deployments.test.ts).
    if (canary && !rawStageName) {
      throw badRequest(
        `Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is ${rawStageName ?? 'null'}`,
      );
    }
    // An empty stageName without a canary deploys without a stage (UNCONFIRMED).
    const stageName = rawStageName ? checkStageName(rawStageName) : undefined;
    const existing = stageName === undefined ? undefined : await tx.get(collections.stage, region, api.id, stageName);
    if (canary && !existing) {
      throw badRequest(`Invalid deployment content specified.Stage ${stageName ?? ''} must already be created before making a canary release deployment`);
    }

    const definition = await freezeDefinition(tx, region, api);
    const id = await newDeploymentId(tx, region, api.id);
    // Deploy is compile: a DeploymentCompileError here is answered as BadRequestException and rolls back.
    const snapshot = compileDeployment(definition, id);
    const record: DeploymentRecord = {
      id,
      ...(description !== undefined && { description }),
      createdDate: Math.floor(clock.now() / 1000),
      apiSummary: summarizeApi(definition),
      definition,
    };
    await tx.put(collections.deployment, { region, parent: api.id, id }, record);

    if (stageName !== undefined) {
      const now = clock.now();
      let stage: Stage;
      if (existing && canary) {
        // The stage keeps serving its deployment; the new one becomes its canary.
        stage = structuredClone(existing);
        stage.canarySettings = completeCanary({ ...canary, deploymentId: id }, stage.deploymentId);
        stage.lastUpdatedDate = Math.floor(now / 1000);
        const current = await tx.get(collections.deployment, region, api.id, stage.deploymentId);
        if (current) await serveAfterCommit(input, services, api.id, stage, compileStageSnapshot(services.registry, region, api.id, current, [stage.stageName]), [snapshot]);
      } else {
        stage = existing
          ? redeployStage(structuredClone(existing), id, request, now)
          : createStageRecord({
              stageName,
              deploymentId: id,
              now,
              description: request.stageDescription,
              variables: request.variables,
              cacheClusterEnabled: request.cacheClusterEnabled,
              cacheClusterSize: request.cacheClusterSize,
              tracingEnabled: request.tracingEnabled,
            });
        await serveAfterCommit(input, services, api.id, stage, snapshot);
      }
      await tx.put(collections.stage, { region, parent: api.id, id: stageName }, stage);
    }
    // AWS: CreateDeployment answers without `apiSummary` (AWS-validated snapshots `create-deployment`).
    return { status: 201, body: renderDeployment(record) };
  },
};

/**
 * Points an existing stage at a new deployment. Given variables are merged into the stage's
 * (UNCONFIRMED: merge rather than replace); a canary stays as it was (UNCONFIRMED).
 */
function redeployStage(stage: Stage, deploymentId: string, request: StageRequest, now: number): Stage {
  stage.deploymentId = deploymentId;
  if (request.stageDescription !== undefined) stage.description = request.stageDescription;
  if (request.variables && Object.keys(request.variables).length > 0) {
    stage.variables = { ...stage.variables, ...request.variables };
    checkVariables(stage.variables);
  }
  if (request.cacheClusterSize !== undefined) stage.cacheClusterSize = request.cacheClusterSize;
  if (request.cacheClusterEnabled !== undefined) setCacheCluster(stage, request.cacheClusterEnabled);
  if (request.tracingEnabled !== undefined) stage.tracingEnabled = request.tracingEnabled;
  stage.lastUpdatedDate = Math.floor(now / 1000);
  return stage;
}

function deploymentIdOf(input: OperationInput): string {
  return input.params.deployment_id ?? '';
}

const getDeployment: OperationDefinition = {
  name: 'GetDeployment',
  method: 'GET',
  path: '/restapis/{restapi_id}/deployments/{deployment_id}',
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const record = await requireDeployment(tx, input, api.id, deploymentIdOf(input));
    const embed = input.query.getAll('embed').flatMap((value) => value.split(','));
    return { status: 200, body: renderDeployment(record, embed.includes('apisummary')) };
  },
};

const getDeployments: OperationDefinition = {
  name: 'GetDeployments',
  method: 'GET',
  path: '/restapis/{restapi_id}/deployments',
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const records = await tx.list(collections.deployment, input.region, api.id);
    return { status: 200, body: paginate(records.map((record) => renderDeployment(record)), input.query) };
  },
};

const updateDeployment: OperationDefinition = {
  name: 'UpdateDeployment',
  method: 'PATCH',
  path: '/restapis/{restapi_id}/deployments/{deployment_id}',
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const record = structuredClone(await requireDeployment(tx, input, api.id, deploymentIdOf(input)));
    for (const operation of parsePatchOperations(input.body, 'updateDeploymentInput')) {
      if (operation.path !== '/description') throw invalidPatchPath(operation, ['/description']);
      if (operation.op === 'remove') delete record.description;
      else if (operation.op === 'replace' || operation.op === 'add') record.description = requireValue(operation);
      else throw invalidPatchPath(operation, ['/description']);
    }
    await tx.put(collections.deployment, { region: input.region, parent: api.id, id: record.id }, record);
    return { status: 200, body: renderDeployment(record) };
  },
};

/** Whether a stage serves the deployment, as its main deployment or as its canary. */
function pointsAt(stage: Stage, deploymentId: string): boolean {
  return stage.deploymentId === deploymentId || stage.canarySettings?.deploymentId === deploymentId;
}

const deleteDeployment: OperationDefinition = {
  name: 'DeleteDeployment',
  method: 'DELETE',
  path: '/restapis/{restapi_id}/deployments/{deployment_id}',
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const record = await requireDeployment(tx, input, api.id, deploymentIdOf(input));
    const stages = await tx.list(collections.stage, input.region, api.id);
    // AWS (reference §7.1); a canary reference counting as active is UNCONFIRMED.
    if (stages.some((stage) => pointsAt(stage, record.id))) throw badRequest('Active stages pointing to this deployment must be moved or deleted');
    await tx.delete(collections.deployment, { region: input.region, parent: api.id, id: record.id });
    return { status: 202 };
  },
};

export const deploymentOperations: OperationDefinition[] = [createDeployment, getDeployment, getDeployments, updateDeployment, deleteDeployment];
