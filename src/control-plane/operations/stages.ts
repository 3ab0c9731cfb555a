// CreateStage, GetStage, GetStages, UpdateStage, DeleteStage (reference §7, §8.1). Every change
// to what a stage serves (its deployment, its variables) compiles inside the operation and swaps
// the served stage only after the transaction committed; DeleteStage stops serving it and removes
// it from every usage plan.

import { collections } from '../../store/collections.js';
import { conflict } from '../management-error.js';
import { parsePatchOperations } from '../patch/patch-operations.js';
import { compileStageSnapshot, serveAfterCommit, unserveAfterCommit } from '../serving/serve-stage.js';
import { readBoolean, readString, readStringMap } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { requireRestApi } from './lookups.js';
import { applyStagePatch } from './stage-patch.js';
import { removeDeletedApiStages } from './usage-plan-stages.js';
import {
  checkCacheClusterSize,
  checkStageName,
  checkTags,
  checkVariables,
  createStageRecord,
  readCanarySettings,
  renderStage,
  requireExistingDeploymentId,
  requireStage,
} from './stage-records.js';

function stageNameOf(input: OperationInput): string {
  return input.params.stage_name ?? '';
}

const createStage: OperationDefinition = {
  name: 'CreateStage',
  method: 'POST',
  path: '/restapis/{restapi_id}/stages',
  async run(input, services) {
    const { tx, clock, registry } = services;
    const { body, region } = input;
    const api = await requireRestApi(tx, input);
    const stageName = checkStageName(readString(body, 'stageName'));
    const variables = readStringMap(body, 'variables');
    if (variables) checkVariables(variables);
    const cacheClusterSize = readString(body, 'cacheClusterSize');
    checkCacheClusterSize(cacheClusterSize, 'createStageInput');
    const tags = readStringMap(body, 'tags');
    if (tags) checkTags(tags);
    const canarySettings = readCanarySettings(body);
    // AWS: an unknown deployment is a 400 `Deployment id does not exist` (reference §7.1).
    const deployment = await requireExistingDeploymentId(tx, input, api.id, readString(body, 'deploymentId'));
    if (canarySettings?.deploymentId !== undefined) await requireExistingDeploymentId(tx, input, api.id, canarySettings.deploymentId);
    const stages = await tx.list(collections.stage, region, api.id);
    if (stages.some((stage) => stage.stageName === stageName)) throw conflict('Stage already exists');

    const snapshot = compileStageSnapshot(registry, region, api.id, deployment, stages.map((stage) => stage.stageName));
    const stage = createStageRecord({
      stageName,
      deploymentId: deployment.id,
      now: clock.now(),
      description: readString(body, 'description'),
      variables,
      cacheClusterEnabled: readBoolean(body, 'cacheClusterEnabled'),
      cacheClusterSize,
      tracingEnabled: readBoolean(body, 'tracingEnabled'),
      canarySettings,
      tags,
      documentationVersion: readString(body, 'documentationVersion'),
    });
    await tx.put(collections.stage, { region, parent: api.id, id: stageName }, stage);
    await serveAfterCommit(input, services, api.id, stage, snapshot);
    return { status: 201, body: renderStage(stage) };
  },
};

const getStage: OperationDefinition = {
  name: 'GetStage',
  method: 'GET',
  path: '/restapis/{restapi_id}/stages/{stage_name}',
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    return { status: 200, body: renderStage(await requireStage(tx, input, api.id, stageNameOf(input))) };
  },
};

const getStages: OperationDefinition = {
  name: 'GetStages',
  method: 'GET',
  path: '/restapis/{restapi_id}/stages',
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const deploymentId = input.query.get('deploymentId');
    const stages = await tx.list(collections.stage, input.region, api.id);
    // AWS: GetStages is not paged: `{"item": [...]}` (reference §8.2).
    return { status: 200, body: { item: stages.filter((stage) => deploymentId === null || stage.deploymentId === deploymentId).map(renderStage) } };
  },
};

const updateStage: OperationDefinition = {
  name: 'UpdateStage',
  method: 'PATCH',
  path: '/restapis/{restapi_id}/stages/{stage_name}',
  async run(input, services) {
    const { tx, clock, registry } = services;
    const api = await requireRestApi(tx, input);
    const stage = structuredClone(await requireStage(tx, input, api.id, stageNameOf(input)));
    const operations = parsePatchOperations(input.body, 'updateStageInput');
    await applyStagePatch(stage, operations, {
      checkDeployment: async (deploymentId) => {
        await requireExistingDeploymentId(tx, input, api.id, deploymentId);
      },
    });
    stage.lastUpdatedDate = Math.floor(clock.now() / 1000);
    // Recompiles only when the deployment changed; a variables change re-serves the same snapshot.
    const deployment = await requireExistingDeploymentId(tx, input, api.id, stage.deploymentId);
    const snapshot = compileStageSnapshot(registry, input.region, api.id, deployment, [stage.stageName]);
    await tx.put(collections.stage, { region: input.region, parent: api.id, id: stage.stageName }, stage);
    await serveAfterCommit(input, services, api.id, stage, snapshot);
    return { status: 200, body: renderStage(stage) };
  },
};

const deleteStage: OperationDefinition = {
  name: 'DeleteStage',
  method: 'DELETE',
  path: '/restapis/{restapi_id}/stages/{stage_name}',
  async run(input, services) {
    const { tx } = services;
    const api = await requireRestApi(tx, input);
    const stage = await requireStage(tx, input, api.id, stageNameOf(input));
    await tx.delete(collections.stage, { region: input.region, parent: api.id, id: stage.stageName });
    await removeDeletedApiStages(input, services, api.id, stage.stageName);
    unserveAfterCommit(services, api.id, stage.stageName);
    return { status: 202 };
  },
};

export const stageOperations: OperationDefinition[] = [createStage, getStage, getStages, updateStage, deleteStage];
