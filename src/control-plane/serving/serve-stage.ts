// Deploy time, step two: compile the deployment a stage points at and, once the operation's
// transaction has committed, swap the stage's ServedStage in the registry. A compile error throws
// (BadRequestException, nothing written, the old snapshot keeps serving); requests already in
// flight finish on the snapshot they started with. A stage with a canary serves two snapshots.

import type { DeploymentRecord, Stage } from '../../model/deployment.js';
import { collections } from '../../store/collections.js';
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
    if (served?.region !== region) continue;
    if (served.deploymentId === deployment.id) return served.snapshot;
    if (served.canary?.served.deploymentId === deployment.id) return served.canary.served.snapshot;
  }
  return compileDeployment(deployment.definition, deployment.id);
}

/**
 * Serves `stage` after commit: its deployment's `snapshot` and, when the stage has a canary, the
 * canary deployment's (`known` snapshots are reused; others come from a stage already serving
 * them, else are compiled from the store). The ServedStage is built now, so later edits to
 * `stage` do not leak into it.
 */
export async function serveAfterCommit(input: OperationInput, services: OperationServices, apiId: string, stage: Stage, snapshot: DeploymentSnapshot, known: readonly DeploymentSnapshot[] = []): Promise<void> {
  const canaryId = stage.canarySettings?.deploymentId;
  let canarySnapshot: DeploymentSnapshot | undefined;
  if (canaryId !== undefined) {
    canarySnapshot = [snapshot, ...known].find((candidate) => candidate.deploymentId === canaryId);
    if (canarySnapshot === undefined) {
      const deployment = await services.tx.get(collections.deployment, input.region, apiId, canaryId);
      if (deployment !== undefined) canarySnapshot = compileStageSnapshot(services.registry, input.region, apiId, deployment, [stage.stageName]);
    }
  }
  const served = createServedStage(input.region, input.accountId, apiId, stage, snapshot, canarySnapshot);
  services.afterCommit(() => services.registry.set(served));
}

/** Stops serving a stage after commit. */
export function unserveAfterCommit(services: OperationServices, apiId: string, stageName: string): void {
  services.afterCommit(() => services.registry.delete(apiId, stageName));
}
