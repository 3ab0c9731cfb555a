// Deploy = compile (DESIGN §1): turns a frozen deployment definition into the immutable snapshot
// the data plane serves — route tree, compiled integrations and parameter mappings, customised
// gateway responses. Throws DeploymentCompileError with AWS's BadRequestException message when the
// API cannot be deployed. AWS developer guide "Deploy a REST API in API Gateway".

import { compileIntegration } from '../integrations/compile-integration.js';
import type { DeploymentDefinition } from '../model/deployment.js';
import type { Integration, Method, Resource } from '../model/rest-api.js';
import { compileAuthorizer, type CompiledAuthorizer } from './compile-authorizer.js';
import { compileBinaryMediaTypes } from './compile-binary-media-types.js';
import { compileGatewayResponses } from './compile-gateway-responses.js';
import { compileMethodMapping } from './compile-method-mapping.js';
import { compileMethodRequest } from './compile-method-request.js';
import { createModelCompiler, type ModelCompiler, ModelCompileError } from './compile-models.js';
import { compileRequestParameters } from './compile-request-parameters.js';
import { compileResourcePolicy } from './compile-resource-policy.js';
import { DeploymentCompileError } from './deployment-compile-error.js';
import { RouteTree } from './route-tree.js';
import type { CompiledMethod, DeploymentSnapshot } from './served-stage.js';

/** AWS: CreateDeployment on an API without methods (test: compile-deployment.test.ts). */
export const NO_METHODS = "The REST API doesn't contain any methods";
/** AWS: CreateDeployment when a method has no integration (test: compile-deployment.test.ts). */
export const NO_INTEGRATION = 'No integration defined for method';
/** A method naming an authorizer the deployment does not hold (PutMethod refuses it; the PutMethod message). */
export const INVALID_AUTHORIZER = 'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.';
/** A request model that cannot be compiled (the CreateModel message; UNCONFIRMED at deploy time). */
export const INVALID_MODEL_SCHEMA = 'Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]';

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
  const methods: CompiledMethod[] = [];
  const validators = new Map(definition.requestValidators.map((validator) => [validator.id, validator]));
  let modelCompiler: ModelCompiler | undefined;
  const models = (): ModelCompiler => (modelCompiler ??= createModelCompiler(definition.restApi.id, definition.models));
  const authorizers = compileAuthorizersOf(definition);
  for (const { resource, httpMethod, method, integration } of found) {
    const compiled: CompiledMethod = {
      resourceId: resource.id,
      resourcePath: resource.path,
      httpMethod,
      method,
      integration: compileIntegration(integration!),
      requestParameters: compileRequestParameters(integration!.requestParameters),
      mapping: compileMethodMapping(method, integration!),
      methodRequest: compileMethodRequestOf(method, validators, models),
      authorizer: authorizerOf(method, authorizers),
    };
    routes.add(resource.path, httpMethod, compiled);
    methods.push(compiled);
  }
  return Object.freeze({
    deploymentId,
    restApi: definition.restApi,
    routes,
    methods: Object.freeze(methods),
    gatewayResponses: compileGatewayResponses(definition.gatewayResponses),
    binaryMediaTypes: compileBinaryMediaTypes(definition.restApi.binaryMediaTypes),
    resourcePolicy: compileResourcePolicy(definition.restApi),
  });
}

/** Every authorizer of the deployment, compiled once even when many methods share it. */
function compileAuthorizersOf(definition: DeploymentDefinition): ReadonlyMap<string, CompiledAuthorizer> {
  return new Map((definition.authorizers ?? []).map((authorizer) => [authorizer.id, compileAuthorizer(authorizer)]));
}

/** The authorizer a CUSTOM or COGNITO_USER_POOLS method runs; `undefined` for NONE and AWS_IAM. */
function authorizerOf(method: Method, authorizers: ReadonlyMap<string, CompiledAuthorizer>): CompiledAuthorizer | undefined {
  if (method.authorizationType !== 'CUSTOM' && method.authorizationType !== 'COGNITO_USER_POOLS') return undefined;
  const authorizer = method.authorizerId === undefined ? undefined : authorizers.get(method.authorizerId);
  if (authorizer === undefined) throw new DeploymentCompileError(INVALID_AUTHORIZER);
  return authorizer;
}

/** AWS validates schemas at CreateModel, so this only fails for a definition stored otherwise (message UNCONFIRMED). */
function compileMethodRequestOf(...args: Parameters<typeof compileMethodRequest>): ReturnType<typeof compileMethodRequest> {
  try {
    return compileMethodRequest(...args);
  } catch (error) {
    if (error instanceof ModelCompileError) throw new DeploymentCompileError(INVALID_MODEL_SCHEMA);
    throw error;
  }
}
