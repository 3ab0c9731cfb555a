// The document's root: `info` (name, description, version) and the API-level extensions —
// `-binary-media-types`, `-api-key-source`, `-minimum-compression-size`, `-endpoint-configuration`,
// `-policy` (validated and stored as UpdateRestApi stores it), `-request-validators`, `-gateway-responses`.
// AWS developer guide "OpenAPI extensions for API Gateway".

import { PolicyDocumentError } from '../../iam/policy-document.js';
import { normalizeResourcePolicy } from '../../iam/resource-policy-text.js';
import type { GatewayResponse } from '../../model/rest-api.js';
import { INVALID_POLICY } from '../../snapshot/compile-resource-policy.js';
import { DEFAULT_GATEWAY_RESPONSE_TEMPLATE, isGatewayResponseType } from '../../snapshot/gateway-response-types.js';
import type { ConvertContext } from './convert-context.js';
import type { PlannedApi, PlannedValidator } from './import-plan.js';
import { booleanAt, integerAt, isObject, type JsonObject, objectAt, stringListAt, textAt } from './json-values.js';

/** `x-amazon-apigateway-endpoint-configuration`: at the root (Swagger) or on the first server (OpenAPI 3). */
function endpointExtension(ctx: ConvertContext): JsonObject | undefined {
  const atRoot = objectAt(ctx.root, 'x-amazon-apigateway-endpoint-configuration');
  if (atRoot) return atRoot;
  const servers = ctx.root.servers;
  return Array.isArray(servers) ? servers.map((server) => objectAt(isObject(server) ? server : undefined, 'x-amazon-apigateway-endpoint-configuration')).find(Boolean) : undefined;
}

/** The policy as the control plane stores it (validated, `execute-api:/` expanded to this API's ARN, escaped). */
function storedPolicy(ctx: ConvertContext, policy: unknown): string | undefined {
  const text = typeof policy === 'string' ? policy : JSON.stringify(policy);
  try {
    return normalizeResourcePolicy(text, ctx.options);
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) throw error;
    ctx.errors.push(INVALID_POLICY);
    return undefined;
  }
}

export function convertApi(ctx: ConvertContext): PlannedApi {
  const info = objectAt(ctx.root, 'info');
  const name = textAt(info, 'title');
  const description = textAt(info, 'description');
  const version = textAt(info, 'version');
  const binaryMediaTypes = stringListAt(ctx.root, 'x-amazon-apigateway-binary-media-types');
  const minimumCompressionSize = integerAt(ctx.root, 'x-amazon-apigateway-minimum-compression-size');
  const keySource = textAt(ctx.root, 'x-amazon-apigateway-api-key-source')?.toUpperCase();
  if (keySource !== undefined && keySource !== 'HEADER' && keySource !== 'AUTHORIZER') {
    ctx.errors.push(`Invalid API key source specified: ${keySource}. Must be one of: [HEADER, AUTHORIZER]`);
  }
  const endpoint = endpointExtension(ctx);
  const types = stringListAt(endpoint, 'types')?.map((type) => type.toUpperCase());
  const vpcEndpointIds = stringListAt(endpoint, 'vpcEndpointIds');
  const disableExecuteApiEndpoint = booleanAt(endpoint, 'disableExecuteApiEndpoint');
  const policyValue = ctx.root['x-amazon-apigateway-policy'];
  const policy = isObject(policyValue) || (typeof policyValue === 'string' && policyValue !== '') ? storedPolicy(ctx, policyValue) : undefined;
  return {
    ...(name !== undefined && { name }),
    ...(description !== undefined && description !== '' && { description }),
    ...(version !== undefined && { version }),
    ...(binaryMediaTypes && { binaryMediaTypes }),
    ...(minimumCompressionSize !== undefined && { minimumCompressionSize }),
    ...((keySource === 'HEADER' || keySource === 'AUTHORIZER') && { apiKeySource: keySource }),
    ...(types && types.length > 0 && { endpointConfiguration: { types, ...(vpcEndpointIds && { vpcEndpointIds }) } }),
    ...(disableExecuteApiEndpoint !== undefined && { disableExecuteApiEndpoint }),
    ...(policy !== undefined && { policy }),
  };
}

/** `x-amazon-apigateway-request-validators`: name → `{validateRequestBody, validateRequestParameters}`. */
export function convertValidators(ctx: ConvertContext): PlannedValidator[] {
  return Object.entries(objectAt(ctx.root, 'x-amazon-apigateway-request-validators') ?? {}).map(([name, value]) => {
    const validator = isObject(value) ? value : {};
    return {
      name,
      validateRequestBody: booleanAt(validator, 'validateRequestBody') ?? false,
      validateRequestParameters: booleanAt(validator, 'validateRequestParameters') ?? false,
    };
  });
}

/** `x-amazon-apigateway-gateway-responses`: type → `{statusCode, responseParameters, responseTemplates}`. */
export function convertGatewayResponses(ctx: ConvertContext): GatewayResponse[] {
  const responses: GatewayResponse[] = [];
  for (const [type, value] of Object.entries(objectAt(ctx.root, 'x-amazon-apigateway-gateway-responses') ?? {})) {
    if (!isGatewayResponseType(type)) {
      // Message UNCONFIRMED.
      ctx.warnings.push(`Invalid gateway response type specified: ${type}. Ignoring.`);
      continue;
    }
    const response = isObject(value) ? value : {};
    const statusCode = textAt(response, 'statusCode');
    if (statusCode !== undefined && !/^[1-5]\d\d$/.test(statusCode)) {
      ctx.errors.push(`Unable to put gateway response '${type}': Invalid status code specified: ${statusCode}`);
      continue;
    }
    const parameters = objectAt(response, 'responseParameters') ?? {};
    const templates = objectAt(response, 'responseTemplates') ?? {};
    const responseTemplates = Object.fromEntries(Object.entries(templates).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    responses.push({
      responseType: type,
      ...(statusCode !== undefined && { statusCode }),
      responseParameters: Object.fromEntries(Object.entries(parameters).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
      // As PutGatewayResponse: no templates means AWS's default JSON template.
      responseTemplates: Object.keys(responseTemplates).length > 0 ? responseTemplates : { 'application/json': DEFAULT_GATEWAY_RESPONSE_TEMPLATE },
      defaultResponse: false,
    });
  }
  return responses;
}
