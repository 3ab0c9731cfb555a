// Export: the API-level `x-amazon-apigateway-*` extensions written with `extensions=integrations`
// (or `apigateway`): customised gateway responses, resource policy, request validators, binary
// media types, API key source, minimum compression size. AWS doc: "API Gateway extensions to OpenAPI".

import { readStoredPolicyDocument } from '../../iam/resource-policy-text.js';
import type { DeploymentDefinition } from '../../model/deployment.js';
import { notEmpty } from './render-integration.js';

export function renderApiExtensions(definition: DeploymentDefinition): Record<string, unknown> {
  const { restApi } = definition;
  const extensions: Record<string, unknown> = {};
  if (definition.gatewayResponses.length > 0) {
    const responses: Record<string, unknown> = {};
    for (const response of definition.gatewayResponses) {
      // AWS: gateway response status codes are written as numbers (real exports: `"statusCode" : 401`; test: openapi-export.test.ts).
      responses[response.responseType] = {
        ...(response.statusCode !== undefined && { statusCode: Number(response.statusCode) }),
        ...(notEmpty(response.responseParameters) && { responseParameters: response.responseParameters }),
        ...(notEmpty(response.responseTemplates) && { responseTemplates: response.responseTemplates }),
      };
    }
    extensions['x-amazon-apigateway-gateway-responses'] = responses;
  }
  const policy = parsePolicy(restApi.policy);
  if (policy !== undefined) extensions['x-amazon-apigateway-policy'] = policy;
  if (definition.requestValidators.length > 0) {
    const validators: Record<string, unknown> = {};
    for (const validator of definition.requestValidators) {
      validators[validator.name ?? validator.id] = { validateRequestParameters: validator.validateRequestParameters, validateRequestBody: validator.validateRequestBody };
    }
    extensions['x-amazon-apigateway-request-validators'] = validators;
  }
  if (restApi.binaryMediaTypes && restApi.binaryMediaTypes.length > 0) extensions['x-amazon-apigateway-binary-media-types'] = restApi.binaryMediaTypes;
  // Written whatever its value (UNCONFIRMED whether AWS leaves out the default HEADER).
  extensions['x-amazon-apigateway-api-key-source'] = restApi.apiKeySource;
  if (restApi.minimumCompressionSize !== undefined) extensions['x-amazon-apigateway-minimum-compression-size'] = restApi.minimumCompressionSize;
  return extensions;
}

/** The stored policy (escaped as GetRestApi returns it) as a JSON object; one that is not is left out. */
function parsePolicy(policy: string | undefined): unknown {
  if (policy === undefined || policy === '') return undefined;
  const document = readStoredPolicyDocument(policy);
  return document !== null && typeof document === 'object' ? document : undefined;
}
