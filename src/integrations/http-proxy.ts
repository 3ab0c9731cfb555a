// The HTTP_PROXY integration: forwards the method request to an HTTP backend over keep-alive
// pools and hands back the backend's status and body as the method response. Compiled at deploy
// time (URI pre-split, verb fixed); invoked per request. Reference §1.5, §1.6, §1.9; AWS developer
// guide "Set up HTTP proxy integrations in API Gateway".

import type { Dispatcher } from 'undici';
import { ApiConfigurationError } from '../data-plane/gateway-errors.js';
import { DEFAULT_INTEGRATION_TIMEOUT } from '../data-plane/limits.js';
import type { Integration } from '../model/rest-api.js';
import type { CompiledIntegration, EndpointResponse, IntegrationInvocation, IntegrationServices } from './compiled-integration.js';
import { buildBackendHeaders, ILLEGAL_MAPPED_HEADERS, remapResponseHeaders } from './http-proxy-headers.js';
import { appendMappedQuery, callBackend, integrationError, NO_BODY_METHODS } from './http-request.js';
import { compileHttpUri, renderDynamicTarget, renderUriParts, type CompiledHttpUri } from './http-uri.js';

/** Deploy time. */
export function compileHttpProxyIntegration(integration: Integration): CompiledIntegration {
  return new HttpProxyIntegration(integration, compileHttpUri(integration.uri));
}

class HttpProxyIntegration implements CompiledIntegration {
  readonly type = 'HTTP_PROXY';
  readonly proxy = true;
  readonly timeoutInMillis: number;
  /** The backend verb; `undefined` (integration verb ANY or unset) means the client's verb. */
  private readonly httpMethod: string | undefined;
  private readonly insecure: boolean;
  private readonly staticQuery: string | undefined;
  /** AWS: a mapping onto Content-Length, Transfer-Encoding... fails every call with 500. */
  private readonly misconfigured: boolean;

  constructor(
    integration: Integration,
    private readonly uri: CompiledHttpUri,
  ) {
    this.timeoutInMillis = integration.timeoutInMillis > 0 ? integration.timeoutInMillis : DEFAULT_INTEGRATION_TIMEOUT;
    this.httpMethod = integration.httpMethod !== undefined && integration.httpMethod !== 'ANY' ? integration.httpMethod : undefined;
    this.insecure = integration.tlsConfig?.insecureSkipVerification === true;
    const firstQueryPart = uri.queryParts[0];
    this.staticQuery = uri.queryParts.length === 1 && typeof firstQueryPart === 'string' ? firstQueryPart : undefined;
    this.misconfigured = Object.keys(integration.requestParameters ?? {}).some(
      (key) => key.startsWith('integration.request.header.') && ILLEGAL_MAPPED_HEADERS.has(key.slice('integration.request.header.'.length).toLowerCase()),
    );
  }

  // hot path
  async invoke(invocation: IntegrationInvocation, services: IntegrationServices): Promise<EndpointResponse> {
    if (this.misconfigured) throw new ApiConfigurationError();
    const mapped = invocation.integrationRequest;
    const stageVariables = invocation.stageVariables;
    let origin = this.uri.origin;
    let path: string;
    if (origin !== undefined) {
      path = this.uri.path ?? renderUriParts(this.uri.pathParts, stageVariables, mapped.path);
    } else {
      const target = renderDynamicTarget(this.uri, stageVariables, mapped.path);
      origin = target.origin;
      path = target.path;
    }
    const query = this.renderQuery(invocation);
    if (query !== '') path += '?' + query;
    const method = this.httpMethod ?? invocation.httpMethod;
    const body = invocation.body.length === 0 || NO_BODY_METHODS.has(method) ? null : invocation.body;
    const dispatcher: Dispatcher = this.insecure ? services.insecureHttp : services.http;
    const signal = invocation.signal;
    try {
      const response = await callBackend(dispatcher, { origin, path, method: method as Dispatcher.HttpMethod, headers: buildBackendHeaders(invocation, mapped.header), body }, signal);
      return { statusCode: response.statusCode, headers: remapResponseHeaders(response.headers), body: response.body };
    } catch (error) {
      throw integrationError(error, signal, invocation);
    }
  }

  /**
   * The URI's own query, then the client's query as sent, then mapped values.
   * AWS: mapped query values are appended to the client's values (reference §1.9; test:
   * data-plane-http-proxy.test.ts "merges mapped query values").
   */
  private renderQuery(invocation: IntegrationInvocation): string {
    let query = this.staticQuery ?? renderUriParts(this.uri.queryParts, invocation.stageVariables, undefined);
    if (invocation.rawQuery !== '') query = query === '' ? invocation.rawQuery : `${query}&${invocation.rawQuery}`;
    return appendMappedQuery(query, invocation.integrationRequest.querystring);
  }
}
