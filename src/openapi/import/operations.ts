// One OpenAPI operation → one method: request parameters from `parameters`, request models from the
// body schema (`in: body` / `requestBody`), method responses from `responses`, authorization from
// `security` / `x-amazon-apigateway-auth`, the request validator, the integration extension.
// AWS developer guide "Develop REST APIs using OpenAPI" and "OpenAPI import: important notes".

import type { MethodResponse } from '../../model/rest-api.js';
import { type ConvertContext, describeMethod } from './convert-context.js';
import type { PlannedMethod } from './import-plan.js';
import { convertIntegration } from './integration-extension.js';
import { derefObject, isObject, type JsonObject, objectAt, stringListAt, textAt } from './json-values.js';
import { modelNameForSchema } from './models.js';
import { convertSecurity } from './security.js';

const LOCATIONS: Record<string, string> = { path: 'path', query: 'querystring', header: 'header' };

/** What the operation converter needs besides the context. */
export interface OperationScope {
  path: string;
  httpMethod: string;
  pathItem: JsonObject;
  authorizerNames: ReadonlySet<string>;
  validatorNames: ReadonlySet<string>;
}

function mediaTypes(ctx: ConvertContext, operation: JsonObject, member: 'consumes' | 'produces'): string[] {
  const types = stringListAt(operation, member) ?? stringListAt(ctx.root, member);
  return types && types.length > 0 ? types : ['application/json'];
}

/** Path-item parameters overridden by the operation's, by `in` + `name`. */
function parametersOf(ctx: ConvertContext, pathItem: JsonObject, operation: JsonObject): JsonObject[] {
  const byKey = new Map<string, JsonObject>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const parameter = derefObject(ctx.root, item);
      if (parameter) byKey.set(`${textAt(parameter, 'in')}:${textAt(parameter, 'name')}`, parameter);
    }
  }
  return [...byKey.values()];
}

function requestShape(ctx: ConvertContext, scope: OperationScope, operation: JsonObject): Pick<PlannedMethod, 'requestParameters' | 'requestModels'> {
  const requestParameters: Record<string, boolean> = {};
  const requestModels: Record<string, string> = {};
  for (const parameter of parametersOf(ctx, scope.pathItem, operation)) {
    const location = textAt(parameter, 'in') ?? '';
    const name = textAt(parameter, 'name') ?? '';
    const mapped = LOCATIONS[location];
    if (mapped !== undefined) {
      requestParameters[`method.request.${mapped}.${name}`] = location === 'path' || parameter.required === true;
    } else if (location === 'body') {
      const model = modelNameForSchema(ctx, parameter.schema);
      if (model) for (const type of mediaTypes(ctx, operation, 'consumes')) requestModels[type] = model;
    } else {
      // Message UNCONFIRMED: AWS maps path, query, header and body parameters only.
      ctx.warnings.push(`Unsupported parameter location '${location}' for parameter '${name}' of ${describeMethod(scope.path, scope.httpMethod)}. Ignoring.`);
    }
  }
  const body = derefObject(ctx.root, operation.requestBody);
  for (const [type, media] of Object.entries(objectAt(body, 'content') ?? {})) {
    const model = isObject(media) ? modelNameForSchema(ctx, media.schema) : undefined;
    if (model) requestModels[type] = model;
  }
  return {
    ...(Object.keys(requestParameters).length > 0 && { requestParameters }),
    ...(Object.keys(requestModels).length > 0 && { requestModels }),
  };
}

function methodResponses(ctx: ConvertContext, operation: JsonObject): Record<string, MethodResponse> | undefined {
  const out: Record<string, MethodResponse> = {};
  for (const [code, value] of Object.entries(objectAt(operation, 'responses') ?? {})) {
    // AWS: only status codes become method responses (`default` and extensions are ignored).
    if (!/^[1-5]\d\d$/.test(code)) continue;
    const response = derefObject(ctx.root, value) ?? {};
    const responseParameters: Record<string, boolean> = {};
    for (const header of Object.keys(objectAt(response, 'headers') ?? {})) responseParameters[`method.response.header.${header}`] = false;
    const responseModels: Record<string, string> = {};
    if (ctx.version === 2) {
      const model = modelNameForSchema(ctx, response.schema);
      if (model) for (const type of mediaTypes(ctx, operation, 'produces')) responseModels[type] = model;
    } else {
      for (const [type, media] of Object.entries(objectAt(response, 'content') ?? {})) {
        const model = isObject(media) ? modelNameForSchema(ctx, media.schema) : undefined;
        if (model) responseModels[type] = model;
      }
    }
    out[code] = {
      statusCode: code,
      ...(Object.keys(responseParameters).length > 0 && { responseParameters }),
      ...(Object.keys(responseModels).length > 0 && { responseModels }),
    };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function convertOperation(ctx: ConvertContext, scope: OperationScope, operation: JsonObject): PlannedMethod {
  const where = describeMethod(scope.path, scope.httpMethod);
  const security = convertSecurity(ctx, operation.security ?? ctx.root.security, scope.authorizerNames, where);
  // `x-amazon-apigateway-auth: {type: AWS_IAM | NONE}` sets the type directly.
  const authType = textAt(objectAt(operation, 'x-amazon-apigateway-auth'), 'type')?.toUpperCase();
  if (authType === 'AWS_IAM' || authType === 'NONE') {
    security.authorizationType = authType;
    delete security.authorizerName;
    delete security.authorizationScopes;
  }
  const validatorName = textAt(operation, 'x-amazon-apigateway-request-validator') ?? textAt(ctx.root, 'x-amazon-apigateway-request-validator');
  let requestValidatorName: string | undefined;
  if (validatorName !== undefined && scope.validatorNames.has(validatorName)) requestValidatorName = validatorName;
  else if (validatorName !== undefined) ctx.warnings.push(`Request validator '${validatorName}' of ${where} is not defined in x-amazon-apigateway-request-validators. Ignoring.`);
  const extension = objectAt(operation, 'x-amazon-apigateway-integration');
  const integration = extension && convertIntegration(ctx, extension, scope.path, scope.httpMethod);
  const responses = methodResponses(ctx, operation);
  const operationName = textAt(operation, 'operationId');
  return {
    httpMethod: scope.httpMethod,
    authorizationType: security.authorizationType,
    ...(security.authorizerName !== undefined && { authorizerName: security.authorizerName }),
    apiKeyRequired: security.apiKeyRequired,
    ...(requestValidatorName !== undefined && { requestValidatorName }),
    ...(operationName !== undefined && { operationName }),
    ...requestShape(ctx, scope, operation),
    ...(responses && { methodResponses: responses }),
    ...(integration && { methodIntegration: integration }),
    ...(security.authorizationScopes && { authorizationScopes: security.authorizationScopes }),
  };
}
