// Start-up: serve every stored stage again. Each stage's deployment is compiled from its frozen
// definition (once per deployment, shared by its stages); a stage whose deployment no longer
// compiles, or is missing, is logged and skipped so the other stages still serve.

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
  for (const { region, parent: apiId, value: stage } of stages) {
    const key = `${region}/${apiId}/${stage.deploymentId}`;
    let snapshot = compiled.get(key);
    if (snapshot === undefined) {
      snapshot = await compileStored(store, region, apiId, stage.deploymentId);
      compiled.set(key, snapshot);
    }
    if (snapshot instanceof Error) {
      logger.error({ err: snapshot, region, apiId, stageName: stage.stageName, deploymentId: stage.deploymentId }, 'stage not served: its deployment does not compile');
      continue;
    }
    registry.set(createServedStage(region, accountId, apiId, stage, snapshot));
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
