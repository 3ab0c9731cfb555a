// Deploy time, step two: compile the deployment a stage points at and, once the operation's
// transaction has committed, swap the stage's ServedStage in the registry. A compile error throws
// (BadRequestException, nothing written, the old snapshot keeps serving); requests already in
// flight finish on the snapshot they started with.

import type { DeploymentRecord, Stage } from '../../model/deployment.js';
import { compileDeployment } from '../../snapshot/compile-deployment.js';
import { createServedStage, type DeploymentSnapshot } from '../../snapshot/served-stage.js';
import type { SnapshotRegistry } from '../../snapshot/snapshot-registry.js';
import type { OperationInput, OperationServices } from '../wire/operation.js';

/**
 * The snapshot of `deployment`: reused from a stage among `stageNames` that already serves it
 * (deployments are immutable, so one snapshot serves every stage pointing at it), else compiled.
 */
export function compileStageSnapshot(registry: SnapshotRegistry, region: string, apiId: string, deployment: DeploymentRecord, stageNames: readonly string[] = []): DeploymentSnapshot {
  for (const stageName of stageNames) {
    const served = registry.lookup(apiId, stageName);
    if (served && served.region === region && served.deploymentId === deployment.id) return served.snapshot;
  }
  return compileDeployment(deployment.definition, deployment.id);
}

/** Serves `stage` with `snapshot` after commit. The ServedStage is built now, so later edits to `stage` do not leak into it. */
export function serveAfterCommit(input: OperationInput, services: OperationServices, apiId: string, stage: Stage, snapshot: DeploymentSnapshot): void {
  const served = createServedStage(input.region, input.accountId, apiId, stage, snapshot);
  services.afterCommit(() => services.registry.set(served));
}

/** Stops serving a stage after commit. */
export function unserveAfterCommit(services: OperationServices, apiId: string, stageName: string): void {
  services.afterCommit(() => services.registry.delete(apiId, stageName));
}
