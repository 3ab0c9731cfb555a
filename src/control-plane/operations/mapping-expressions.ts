// Checks the parameter-mapping expressions of integration requests and integration responses at
// Put/Update time, as AWS does, so a deployment never meets a malformed mapping.
// Reference §2.1 (request parameters) and §2.4 (response parameters).

import type { Method, MethodResponse } from '../../model/rest-api.js';
import { badRequest, type ManagementError } from '../management-error.js';

const NAME = '[a-zA-Z0-9._$-]+';
const INTEGRATION_REQUEST_TARGET = new RegExp(`^integration\\.request\\.(path|querystring|header)\\.${NAME}$`);
const METHOD_REQUEST_SOURCE = new RegExp(`^method\\.request\\.(path|querystring|multivaluequerystring|header|multivalueheader)\\.(${NAME})$`);
const METHOD_RESPONSE_TARGET = new RegExp(`^method\\.response\\.header\\.${NAME}$`);
const INTEGRATION_RESPONSE_SOURCE = new RegExp(`^integration\\.response\\.((header|multivalueheader)\\.${NAME}|body(\\..+)?)$`);
/** Sources valid on both sides: a quoted literal, a stage variable, a `$context` variable. */
const COMMON_SOURCE = new RegExp(`^('.*'|stageVariables\\.${NAME}|context\\.${NAME})$`, 's');

function mappingError(detail: string): ManagementError {
  return badRequest(`Invalid mapping expression specified: Validation Result: warnings : [], errors : [${detail}]`);
}

/** AWS: a value that is no mapping expression (test: integrations.test.ts). */
export function invalidMappingExpression(expression: string): ManagementError {
  return mappingError(`Invalid mapping expression specified: ${expression}`);
}

/** AWS: a parameter that is not declared, or not a valid parameter name (test: integrations.test.ts). */
export function invalidMappingParameter(parameter: string): ManagementError {
  return mappingError(`Invalid mapping expression parameter specified: ${parameter}`);
}

/** Whether `method.request.{location}.{name}` is declared on the method (multi-value reads accept the single-value declaration). */
function declaresParameter(method: Method, location: string, name: string): boolean {
  const declared = method.requestParameters ?? {};
  if (Object.hasOwn(declared, `method.request.${location}.${name}`)) return true;
  const single = location.replace('multivalue', '');
  return single !== location && Object.hasOwn(declared, `method.request.${single}.${name}`);
}

function checkMethodRequestSource(method: Method, expression: string): void {
  if (COMMON_SOURCE.test(expression) || expression === 'method.request.body' || expression.startsWith('method.request.body.')) return;
  const source = METHOD_REQUEST_SOURCE.exec(expression);
  if (!source) throw invalidMappingExpression(expression);
  if (!declaresParameter(method, source[1]!, source[2]!)) throw invalidMappingParameter(expression);
}

/** Integration request `requestParameters`: `integration.request.{path|querystring|header}.{name}` → a source. */
export function checkIntegrationRequestParameters(method: Method, parameters: Record<string, string> | undefined): void {
  for (const [target, expression] of Object.entries(parameters ?? {})) {
    if (!INTEGRATION_REQUEST_TARGET.test(target)) throw invalidMappingParameter(target);
    checkMethodRequestSource(method, expression);
  }
}

/** `cacheKeyParameters` must name method request parameters the method declares. */
export function checkCacheKeyParameters(method: Method, cacheKeyParameters: readonly string[]): void {
  for (const parameter of cacheKeyParameters) {
    const source = METHOD_REQUEST_SOURCE.exec(parameter);
    if (!source || !declaresParameter(method, source[1]!, source[2]!)) throw invalidMappingParameter(parameter);
  }
}

/**
 * Integration response `responseParameters`: each `method.response.header.{name}` must be declared
 * on the method response of the same status code; values are integration response sources.
 */
export function checkIntegrationResponseParameters(methodResponse: MethodResponse, parameters: Record<string, string> | undefined): void {
  const declared = methodResponse.responseParameters ?? {};
  for (const [target, expression] of Object.entries(parameters ?? {})) {
    // AWS: `Invalid null or empty value in responseParameters` (reference §2.4).
    if (expression === '') throw badRequest('Invalid null or empty value in responseParameters');
    if (!METHOD_RESPONSE_TARGET.test(target) || !Object.hasOwn(declared, target)) throw invalidMappingParameter(target);
    if (!COMMON_SOURCE.test(expression) && !INTEGRATION_RESPONSE_SOURCE.test(expression)) throw invalidMappingExpression(expression);
  }
}

/** Method response `responseParameters` keys: `method.response.header.{name}`. */
export function checkMethodResponseParameters(parameters: Record<string, boolean> | undefined): void {
  for (const target of Object.keys(parameters ?? {})) {
    if (!METHOD_RESPONSE_TARGET.test(target)) throw invalidMappingParameter(target);
  }
}
