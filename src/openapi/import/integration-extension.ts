// `x-amazon-apigateway-integration` on an operation → the method's integration and its integration
// responses: lower-case types and passthrough behaviours upper-cased, `responses` keyed by selection
// pattern (`default` = no pattern). AWS developer guide "x-amazon-apigateway-integration object".

import type { IntegrationResponse } from '../../model/rest-api.js';
import { type ConvertContext, describeMethod } from './convert-context.js';
import type { PlannedIntegration } from './import-plan.js';
import { booleanAt, integerAt, isObject, type JsonObject, objectAt, stringListAt, textAt } from './json-values.js';

const TYPES = ['HTTP', 'HTTP_PROXY', 'AWS', 'AWS_PROXY', 'MOCK'];
const PASSTHROUGH = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'];
const CONTENT_HANDLING = ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'];
const CONNECTION_TYPES = ['INTERNET', 'VPC_LINK'];
const DEFAULT_TIMEOUT = 29000;

/**
 * A map whose values must be strings. AWS: another type is a warning and the entry is dropped,
 * `Invalid format for 'requestParameters'. Expected type string for property 'X' of resource '/p'
 * and method 'GET' but got 'true'` (LocalStack's AWS-validated import snapshot; tests:
 * integration-extension.test.ts, openapi-import.test.ts "returns warnings").
 */
function stringMap(ctx: ConvertContext, parent: JsonObject, member: string, where: string): Record<string, string> | undefined {
  const map = objectAt(parent, member);
  if (map === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(map)) {
    if (typeof value === 'string') out[key] = value;
    else ctx.warnings.push(`Invalid format for '${member}'. Expected type string for property '${key}' of ${where} but got '${String(value)}'`);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function enumValue(ctx: ConvertContext, value: string | undefined, allowed: readonly string[], error: string): string | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (allowed.includes(upper)) return upper;
  ctx.errors.push(error);
  return undefined;
}

function integrationResponses(ctx: ConvertContext, extension: JsonObject, where: string, prefix: string): Record<string, IntegrationResponse> | undefined {
  const responses = objectAt(extension, 'responses');
  if (responses === undefined) return undefined;
  const out: Record<string, IntegrationResponse> = {};
  for (const [pattern, value] of Object.entries(responses)) {
    if (!isObject(value)) continue;
    const statusCode = textAt(value, 'statusCode');
    if (statusCode === undefined || !/^[1-5]\d\d$/.test(statusCode)) {
      ctx.errors.push(`${prefix}Invalid status code specified: ${statusCode ?? 'null'}`);
      continue;
    }
    const responseParameters = stringMap(ctx, value, 'responseParameters', where);
    const responseTemplates = stringMap(ctx, value, 'responseTemplates', where);
    const contentHandling = enumValue(ctx, textAt(value, 'contentHandling'), CONTENT_HANDLING, `${prefix}Invalid content handling specified`);
    out[statusCode] = {
      statusCode,
      ...(pattern !== 'default' && { selectionPattern: pattern }),
      ...(responseParameters && { responseParameters }),
      ...(responseTemplates && { responseTemplates }),
      ...(contentHandling && { contentHandling: contentHandling as IntegrationResponse['contentHandling'] }),
    };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The integration of `httpMethod` on `path`; problems AWS refuses go to `ctx.errors`. */
export function convertIntegration(ctx: ConvertContext, extension: JsonObject, path: string, httpMethod: string): PlannedIntegration | undefined {
  const where = describeMethod(path, httpMethod);
  // AWS: `Unable to put integration on 'GET' for resource at path '/x': ...` (reported CloudFormation import errors; test: openapi-import.test.ts "lists every error").
  const prefix = `Unable to put integration on '${httpMethod}' for resource at path '${path}': `;
  const typeText = textAt(extension, 'type');
  const type = enumValue(ctx, typeText ?? '', TYPES, `${prefix}Invalid integration type specified: ${typeText ?? 'null'}`);
  if (type === undefined) return undefined;
  const passthrough = enumValue(ctx, textAt(extension, 'passthroughBehavior'), PASSTHROUGH, `${prefix}Invalid passthrough behavior specified`);
  const contentHandling = enumValue(ctx, textAt(extension, 'contentHandling'), CONTENT_HANDLING, `${prefix}Invalid content handling specified`);
  const connectionType = enumValue(ctx, textAt(extension, 'connectionType'), CONNECTION_TYPES, `${prefix}Invalid connection type specified`);
  const httpVerb = textAt(extension, 'httpMethod')?.toUpperCase();
  const uri = textAt(extension, 'uri');
  const connectionId = textAt(extension, 'connectionId');
  const credentials = textAt(extension, 'credentials');
  const requestParameters = stringMap(ctx, extension, 'requestParameters', where);
  const requestTemplates = stringMap(ctx, extension, 'requestTemplates', where);
  const cacheNamespace = textAt(extension, 'cacheNamespace');
  const insecureSkipVerification = booleanAt(objectAt(extension, 'tlsConfig'), 'insecureSkipVerification');
  const responses = integrationResponses(ctx, extension, where, prefix);
  // AWS: only HTTP integrations default to `connectionType: INTERNET`; a MOCK keeps no URI (as PutIntegration).
  const effectiveConnectionType = connectionType ?? (type === 'HTTP' || type === 'HTTP_PROXY' ? 'INTERNET' : undefined);
  return {
    type: type as PlannedIntegration['type'],
    ...(httpVerb && { httpMethod: httpVerb }),
    ...(uri !== undefined && type !== 'MOCK' && { uri }),
    ...(effectiveConnectionType && { connectionType: effectiveConnectionType as PlannedIntegration['connectionType'] }),
    ...(connectionId && { connectionId }),
    ...(credentials && { credentials }),
    ...(requestParameters && { requestParameters }),
    ...(requestTemplates && { requestTemplates }),
    passthroughBehavior: (passthrough ?? 'WHEN_NO_MATCH') as PlannedIntegration['passthroughBehavior'],
    ...(contentHandling && { contentHandling: contentHandling as PlannedIntegration['contentHandling'] }),
    timeoutInMillis: integerAt(extension, 'timeoutInMillis') ?? DEFAULT_TIMEOUT,
    ...(cacheNamespace !== undefined && { cacheNamespace }),
    cacheKeyParameters: stringListAt(extension, 'cacheKeyParameters') ?? [],
    ...(insecureSkipVerification !== undefined && { tlsConfig: { insecureSkipVerification } }),
    ...(responses && { integrationResponses: responses }),
  };
}
