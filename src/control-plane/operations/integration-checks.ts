// The checks an integration must pass, run on PutIntegration's input and again on the result of
// UpdateIntegration: endpoint URI per type, integration HTTP method, timeout, passthrough
// behaviour, parameter mappings. Reference §1.6, §1.7, §1.9, §2.1; tests: integrations.test.ts.

import type { Integration, Method } from '../../model/rest-api.js';
import { badRequest } from '../management-error.js';
import { checkCacheKeyParameters, checkIntegrationRequestParameters } from './mapping-expressions.js';
import { HTTP_METHODS } from './method-checks.js';

/** AWS's own (unordered-set) order, as its ValidationException prints it. */
export const INTEGRATION_TYPES: readonly string[] = ['HTTP', 'MOCK', 'AWS_PROXY', 'HTTP_PROXY', 'AWS'];
export const CONNECTION_TYPES: readonly string[] = ['INTERNET', 'VPC_LINK'];
export const CONTENT_HANDLING: readonly string[] = ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'];
const PASSTHROUGH_BEHAVIORS: readonly string[] = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'];
export const MIN_TIMEOUT = 50;
export const MAX_TIMEOUT = 29000;

const ARN = /^arn:aws(-[a-z]+)*:/;
const INTEGRATION_ARN = /^arn:aws(-[a-z]+)*:apigateway:[a-zA-Z0-9-]+:([a-zA-Z0-9.-]+):(path|action)\/./;

/**
 * Whether `uri` is an absolute http(s) URL once its placeholders are filled in: `{proxy}` /
 * `{param}` path parameters and `${stageVariables.name}` may stand anywhere, even for the host.
 */
export function isHttpEndpoint(uri: string): boolean {
  if (/\s/.test(uri) || !/^https?:\/\//i.test(uri)) return false;
  const probe = uri.replace(/\$\{stageVariables\.[a-zA-Z0-9_]+\}/g, 'stagevariable').replace(/\{[^{}/]+\}/g, 'parameter');
  try {
    const url = new URL(probe);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function checkAwsUri(type: string, uri: string | undefined): void {
  if (uri === undefined || !ARN.test(uri)) throw badRequest('Invalid ARN specified in the request');
  const arn = INTEGRATION_ARN.exec(uri);
  if (!arn) throw badRequest('AWS ARN for integration must contain path or action');
  const service = arn[2];
  if (type === 'AWS_PROXY' && service !== 'lambda' && service !== 'firehose') {
    throw badRequest("Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.");
  }
}

/** Throws AWS's BadRequestException for the first rule `integration` breaks. */
export function checkIntegration(integration: Integration, method: Method): void {
  const { type } = integration;
  if (type !== 'MOCK') {
    // AWS: `Enumeration value for HttpMethod must be non-empty` for HTTP, HTTP_PROXY, AWS, AWS_PROXY (test: integrations.test.ts).
    if (!integration.httpMethod) throw badRequest('Enumeration value for HttpMethod must be non-empty');
    if (!HTTP_METHODS.includes(integration.httpMethod)) {
      throw badRequest('Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY');
    }
  }
  if (type === 'HTTP' || type === 'HTTP_PROXY') {
    if (integration.uri === undefined || !isHttpEndpoint(integration.uri)) throw badRequest('Invalid HTTP endpoint specified for URI');
  } else if (type === 'AWS' || type === 'AWS_PROXY') {
    checkAwsUri(type, integration.uri);
  }
  // AWS: `Timeout should be between 50 ms and 29000 ms` (test: integrations.test.ts).
  if (integration.timeoutInMillis < MIN_TIMEOUT || integration.timeoutInMillis > MAX_TIMEOUT) {
    throw badRequest(`Timeout should be between ${MIN_TIMEOUT} ms and ${MAX_TIMEOUT} ms`);
  }
  if (!PASSTHROUGH_BEHAVIORS.includes(integration.passthroughBehavior)) throw badRequest('Invalid passthrough behavior specified');
  if (integration.connectionType === 'VPC_LINK' && !integration.connectionId) {
    throw badRequest('ConnectionId must be set to vpcLink id for connectionType VPC_LINK');
  }
  checkIntegrationRequestParameters(method, integration.requestParameters);
  checkCacheKeyParameters(method, integration.cacheKeyParameters);
}
