// PLACEHOLDER signature until the data-plane work lands: compiles a frozen deployment definition
// into the immutable snapshot the data plane serves. Throws DeploymentCompileError with AWS's
// BadRequestException message when the API cannot be deployed.
import type { DeploymentDefinition } from '../model/deployment.js';
import { DeploymentCompileError } from './deployment-compile-error.js';
import type { DeploymentSnapshot } from './served-stage.js';

export function compileDeployment(definition: DeploymentDefinition, deploymentId: string): DeploymentSnapshot {
  throw new DeploymentCompileError(`compile of ${definition.restApi.id}/${deploymentId} not built yet`);
}
