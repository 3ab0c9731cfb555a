// Deploy = compile (DESIGN §1): turns a frozen deployment definition into the immutable snapshot
// the data plane serves — route tree, compiled integrations and parameter mappings, customised
// gateway responses. Throws DeploymentCompileError with AWS's BadRequestException message when the
// API cannot be deployed. AWS developer guide "Deploy a REST API in API Gateway".

import { compileIntegration } from '../integrations/compile-integration.js';
import type { DeploymentDefinition } from '../model/deployment.js';
import type { Integration, Method, Resource } from '../model/rest-api.js';
import { compileGatewayResponses } from './compile-gateway-responses.js';
import { compileRequestParameters } from './compile-request-parameters.js';
import { DeploymentCompileError } from './deployment-compile-error.js';
import { RouteTree } from './route-tree.js';
import type { CompiledMethod, DeploymentSnapshot } from './served-stage.js';

/** AWS: CreateDeployment on an API without methods (test: compile-deployment.test.ts). */
export const NO_METHODS = "The REST API doesn't contain any methods";
/** AWS: CreateDeployment when a method has no integration (test: compile-deployment.test.ts). */
export const NO_INTEGRATION = 'No integration defined for method';

export function compileDeployment(definition: DeploymentDefinition, deploymentId: string): DeploymentSnapshot {
  const found: Array<{ resource: Resource; httpMethod: string; method: Method; integration: Integration | undefined }> = [];
  for (const resource of definition.resources) {
    for (const [httpMethod, method] of Object.entries(resource.resourceMethods ?? {})) {
      found.push({ resource, httpMethod, method, integration: method.methodIntegration });
    }
  }
  if (found.length === 0) throw new DeploymentCompileError(NO_METHODS);
  if (found.some((entry) => entry.integration === undefined)) throw new DeploymentCompileError(NO_INTEGRATION);
  const routes = new RouteTree<CompiledMethod>();
  for (const { resource, httpMethod, method, integration } of found) {
    const compiled: CompiledMethod = {
      resourceId: resource.id,
      resourcePath: resource.path,
      httpMethod,
      method,
      integration: compileIntegration(integration!),
      requestParameters: compileRequestParameters(integration!.requestParameters),
    };
    routes.add(resource.path, httpMethod, compiled);
  }
  return Object.freeze({
    deploymentId,
    restApi: definition.restApi,
    routes,
    gatewayResponses: compileGatewayResponses(definition.gatewayResponses),
  });
}
