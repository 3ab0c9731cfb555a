// The HTTP (non-proxy) integration: sends the integration request the integration-request stage
// built (mapped path, query and headers, the template's output as body) with the configured
// `integrationHttpMethod`, and hands the backend's answer to integration response selection.
// Reference §1.5, §1.9; AWS developer guide "Set up HTTP integrations in API Gateway".

import type { Dispatcher } from 'undici';
import { ApiConfigurationError } from '../data-plane/gateway-errors.js';
import { DEFAULT_INTEGRATION_TIMEOUT } from '../data-plane/limits.js';
import type { Integration } from '../model/rest-api.js';
import type { CompiledIntegration, EndpointResponse, IntegrationInvocation, IntegrationServices } from './compiled-integration.js';
import { ILLEGAL_MAPPED_HEADERS } from './http-proxy-headers.js';
import { appendMappedQuery, callBackend, integrationError, NO_BODY_METHODS } from './http-request.js';
import { compileHttpUri, renderDynamicTarget, renderUriParts, type CompiledHttpUri } from './http-uri.js';

/** Deploy time. */
export function compileHttpIntegration(integration: Integration): CompiledIntegration {
  return new HttpIntegration(integration, compileHttpUri(integration.uri));
}

/** AWS: mapped headers dropped toward an HTTP backend even if mapped (reference §1.5). */
const DROPPED_MAPPED_HEADERS: ReadonlySet<string> = new Set(['expect', 'proxy-authenticate', 'te', 'via']);

class HttpIntegration implements CompiledIntegration {
  readonly type = 'HTTP';
  readonly proxy = false;
  readonly timeoutInMillis: number;
  /** The backend verb; `undefined` (integration verb ANY) means the client's verb. */
  private readonly httpMethod: string | undefined;
  private readonly insecure: boolean;

  constructor(
    integration: Integration,
    private readonly uri: CompiledHttpUri,
  ) {
    this.timeoutInMillis = integration.timeoutInMillis > 0 ? integration.timeoutInMillis : DEFAULT_INTEGRATION_TIMEOUT;
    this.httpMethod = integration.httpMethod !== undefined && integration.httpMethod !== 'ANY' ? integration.httpMethod : undefined;
    this.insecure = integration.tlsConfig?.insecureSkipVerification === true;
  }

  // hot path
  async invoke(invocation: IntegrationInvocation, services: IntegrationServices): Promise<EndpointResponse> {
    const request = invocation.integrationRequest;
    const stageVariables = invocation.stageVariables;
    let origin = this.uri.origin;
    let path: string;
    if (origin !== undefined) {
      path = this.uri.path ?? renderUriParts(this.uri.pathParts, stageVariables, request.path);
    } else {
      const target = renderDynamicTarget(this.uri, stageVariables, request.path);
      origin = target.origin;
      path = target.path;
    }
    // AWS: the client's query string is not forwarded; only the URI's own and mapped values (§1.9).
    const query = appendMappedQuery(renderUriParts(this.uri.queryParts, stageVariables, undefined), request.querystring);
    if (query !== '') path += '?' + query;
    const method = this.httpMethod ?? invocation.httpMethod;
    const payload = request.body ?? invocation.body;
    const body = payload.length === 0 || NO_BODY_METHODS.has(method) ? null : payload;
    const dispatcher: Dispatcher = this.insecure ? services.insecureHttp : services.http;
    const signal = invocation.signal;
    const headers = buildIntegrationHeaders(invocation, request.header);
    try {
      const response = await callBackend(dispatcher, { origin, path, method: method as Dispatcher.HttpMethod, headers, body }, signal);
      return { statusCode: response.statusCode, headers: endpointHeaders(response.headers), body: response.body };
    } catch (error) {
      throw integrationError(error, signal, invocation);
    }
  }
}

/**
 * The backend request headers: client headers are NOT forwarded (reference §1.5); the backend sees
 * the mapped headers plus `Accept: application/json`, `User-Agent: AmazonAPIGateway_{apiId}` (both
 * replaceable by a mapping), the client's Content-Type when it sent a body (LocalStack-observed),
 * `X-Amzn-Apigateway-Api-Id` and `X-Amzn-Trace-Id`.
 * AWS: mapping Content-Length, Transfer-Encoding or the two X-Amzn ids fails every call with 500
 * (test: mapping-http.test.ts "illegal mapped header").
 */
function buildIntegrationHeaders(invocation: IntegrationInvocation, mapped: ReadonlyArray<readonly [string, string]> | undefined): string[] {
  const headers: string[] = [];
  let hasAccept = false;
  let hasUserAgent = false;
  let hasContentType = false;
  if (mapped !== undefined) {
    for (const [name, value] of mapped) {
      const lower = name.toLowerCase();
      if (ILLEGAL_MAPPED_HEADERS.has(lower)) {
        invocation.logger.error({ header: name }, `Execution failed due to configuration error: ${name} header already present`);
        throw new ApiConfigurationError();
      }
      if (DROPPED_MAPPED_HEADERS.has(lower)) continue;
      if (lower === 'accept') hasAccept = true;
      else if (lower === 'user-agent') hasUserAgent = true;
      else if (lower === 'content-type') hasContentType = true;
      headers.push(name, value);
    }
  }
  if (!hasAccept) headers.push('Accept', 'application/json');
  if (!hasUserAgent) headers.push('User-Agent', `AmazonAPIGateway_${invocation.apiId}`);
  if (!hasContentType && !NO_BODY_METHODS.has(invocation.httpMethod)) {
    const contentType = clientContentType(invocation.rawHeaders);
    if (contentType !== undefined) headers.push('Content-Type', contentType);
  }
  headers.push('X-Amzn-Apigateway-Api-Id', invocation.apiId, 'X-Amzn-Trace-Id', invocation.traceId);
  return headers;
}

function clientContentType(raw: readonly string[]): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 12 && name.toLowerCase() === 'content-type') return raw[i + 1];
  }
  return undefined;
}

/** The endpoint response headers as a flat list; the body was read decoded, so its encoding headers go. */
function endpointHeaders(received: Record<string, string | string[] | undefined>): string[] {
  const out: string[] = [];
  for (const name in received) {
    const value = received[name];
    if (value === undefined || name === 'content-encoding' || name === 'transfer-encoding') continue;
    if (typeof value === 'string') out.push(name, value);
    else for (const item of value) out.push(name, item);
  }
  return out;
}
