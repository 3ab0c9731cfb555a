// Start-up: serve every stored stage again. Each stage's deployment is compiled from its frozen
// definition (once per deployment, shared by its stages); a stage whose deployment no longer
// compiles, or is missing, is logged and skipped so the other stages still serve; so is a canary.

import type { Logger } from '../../observability/logger.js';
import { compileDeployment } from '../../snapshot/compile-deployment.js';
import { createServedStage, type DeploymentSnapshot } from '../../snapshot/served-stage.js';
import type { SnapshotRegistry } from '../../snapshot/snapshot-registry.js';
import { collections } from '../../store/collections.js';
import type { Store } from '../../store/store.js';

export async function restoreServedStages(store: Store, registry: SnapshotRegistry, accountId: string, logger: Logger): Promise<void> {
  const stages = await store.listAll(collections.stage);
  const compiled = new Map<string, DeploymentSnapshot | Error>();
  let served = 0;
  const snapshotOf = async (region: string, apiId: string, deploymentId: string): Promise<DeploymentSnapshot | Error> => {
    const key = `${region}/${apiId}/${deploymentId}`;
    let snapshot = compiled.get(key);
    if (snapshot === undefined) {
      snapshot = await compileStored(store, region, apiId, deploymentId);
      compiled.set(key, snapshot);
    }
    return snapshot;
  };
  for (const { region, parent: apiId, value: stage } of stages) {
    const snapshot = await snapshotOf(region, apiId, stage.deploymentId);
    if (snapshot instanceof Error) {
      logger.error({ err: snapshot, region, apiId, stageName: stage.stageName, deploymentId: stage.deploymentId }, 'stage not served: its deployment does not compile');
      continue;
    }
    const canaryId = stage.canarySettings?.deploymentId;
    let canary = canaryId === undefined ? undefined : await snapshotOf(region, apiId, canaryId);
    if (canary instanceof Error) {
      logger.error({ err: canary, region, apiId, stageName: stage.stageName, deploymentId: canaryId }, 'canary not served: its deployment does not compile');
      canary = undefined;
    }
    registry.set(createServedStage(region, accountId, apiId, stage, snapshot, canary));
    served++;
  }
  logger.info({ stages: served, skipped: stages.length - served }, 'restored served stages');
}

async function compileStored(store: Store, region: string, apiId: string, deploymentId: string): Promise<DeploymentSnapshot | Error> {
  const deployment = await store.get(collections.deployment, region, apiId, deploymentId);
  if (!deployment) return new Error(`deployment ${deploymentId} is missing from the store`);
  try {
    return compileDeployment(deployment.definition, deployment.id);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
