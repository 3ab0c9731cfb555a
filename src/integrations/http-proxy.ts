// The HTTP_PROXY integration: forwards the method request to an HTTP backend over keep-alive
// pools and hands back the backend's status and body as the method response. Compiled at deploy
// time (URI pre-split, verb fixed); invoked per request. Reference §1.5, §1.6, §1.9; AWS developer
// guide "Set up HTTP proxy integrations in API Gateway".

import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, type ZlibOptions } from 'node:zlib';
import type { Dispatcher } from 'undici';
import { ApiConfigurationError, Default5xxError, GatewayError, IntegrationFailureError } from '../data-plane/gateway-errors.js';
import { DEFAULT_INTEGRATION_TIMEOUT, PAYLOAD_LIMIT } from '../data-plane/limits.js';
import type { Integration } from '../model/rest-api.js';
import type { CompiledIntegration, EndpointResponse, IntegrationInvocation, IntegrationServices, IntegrationSignal } from './compiled-integration.js';
import { buildBackendHeaders, ILLEGAL_MAPPED_HEADERS, remapResponseHeaders } from './http-proxy-headers.js';
import { compileHttpUri, renderUriParts, type CompiledHttpUri } from './http-uri.js';

const NO_BODY_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

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
    const origin = this.uri.origin ?? renderUriParts(this.uri.originParts, stageVariables, undefined);
    let path = this.uri.path ?? renderUriParts(this.uri.pathParts, stageVariables, mapped.path);
    const query = this.renderQuery(invocation);
    if (query !== '') path += '?' + query;
    const method = this.httpMethod ?? invocation.httpMethod;
    const body = invocation.body.length === 0 || NO_BODY_METHODS.has(method) ? null : invocation.body;
    const dispatcher: Dispatcher = this.insecure ? services.insecureHttp : services.http;
    const signal = invocation.signal;
    try {
      const response = await dispatcher.request({
        origin,
        path,
        method: method as Dispatcher.HttpMethod,
        headers: buildBackendHeaders(invocation, mapped.header),
        body,
        // undici takes any EventTarget-shaped signal (see IntegrationSignal).
        signal: signal as unknown as AbortSignal,
      });
      const headers = response.headers;
      const payload = await readPayload(response.body, headers['content-length'], headers['content-encoding']);
      return { statusCode: response.statusCode, headers: remapResponseHeaders(headers), body: payload };
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
    const mapped = invocation.integrationRequest.querystring;
    if (mapped !== undefined) {
      for (const [name, value] of mapped) {
        const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
        query = query === '' ? pair : `${query}&${pair}`;
      }
    }
    return query;
  }
}

const decoders: Record<string, (buffer: Buffer, options: ZlibOptions) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/**
 * Reads the endpoint response body, refusing more than the payload limit.
 * AWS drops the backend's Content-Encoding header (reference §1.5), so a compressed body is
 * decoded here, or the client would get bytes it cannot read (UNCONFIRMED how AWS does it).
 */
async function readPayload(body: Dispatcher.ResponseData['body'], contentLength: string | string[] | undefined, contentEncoding: string | string[] | undefined): Promise<Buffer> {
  let payload: Buffer;
  if (typeof contentLength === 'string' && Number(contentLength) <= PAYLOAD_LIMIT) {
    payload = Buffer.from(await body.arrayBuffer());
  } else {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > PAYLOAD_LIMIT) {
        body.destroy();
        throw endpointResponseTooLarge();
      }
      chunks.push(buffer);
    }
    payload = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
  }
  const decode = typeof contentEncoding === 'string' ? decoders[contentEncoding.trim().toLowerCase()] : undefined;
  if (decode === undefined || payload.length === 0) return payload;
  try {
    return await decode(payload, { maxOutputLength: PAYLOAD_LIMIT });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw endpointResponseTooLarge();
    return payload;
  }
}

/** AWS behaviour for a backend body over 10 MB is UNCONFIRMED: 502 Internal server error. */
function endpointResponseTooLarge(): GatewayError {
  return new Default5xxError(502, 'InternalServerErrorException', 'Internal server error', true);
}

const CONFIGURATION_ERRORS: ReadonlySet<unknown> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'UND_ERR_INVALID_ARG', 'ERR_INVALID_URL', 'ERR_INVALID_ARG_TYPE', 'ERR_INVALID_ARG_VALUE']);

/**
 * AWS (reference §1.6, LocalStack-observed, UNCONFIRMED on AWS): an endpoint that cannot be used at
 * all (bad URL, unknown host, connection refused) is a configuration error, 500 Internal server
 * error; a failure while talking to it (reset, TLS, connect timeout) is INTEGRATION_FAILURE, 504.
 * Pinned by data-plane-http-proxy.test.ts "unreachable backend".
 */
function integrationError(error: unknown, signal: IntegrationSignal, invocation: IntegrationInvocation): unknown {
  if (signal.aborted) return signal.reason;
  if (error instanceof GatewayError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (CONFIGURATION_ERRORS.has(code)) {
    invocation.logger.warn({ err: error }, 'Execution failed due to configuration error: Invalid endpoint address');
    return new ApiConfigurationError();
  }
  invocation.logger.warn({ err: error }, 'Execution failed due to a network error communicating with endpoint');
  return new IntegrationFailureError();
}
