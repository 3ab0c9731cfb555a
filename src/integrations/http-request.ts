// What the HTTP_PROXY and HTTP integrations share: reading the endpoint response within the
// payload limit (decoding a compressed body), appending mapped query values, and mapping a failed
// backend call to AWS's gateway errors. Reference §1.5, §1.6, §1.9.

import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, type ZlibOptions } from 'node:zlib';
import type { Dispatcher } from 'undici';
import { ApiConfigurationError, Default5xxError, GatewayError, IntegrationFailureError } from '../data-plane/gateway-errors.js';
import { PAYLOAD_LIMIT } from '../data-plane/limits.js';
import type { IntegrationInvocation, IntegrationRequestData, IntegrationSignal } from './compiled-integration.js';

/** Verbs sent without a body. */
export const NO_BODY_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** hot path: appends `integration.request.querystring.*` values to `query` (encoded). */
export function appendMappedQuery(query: string, mapped: IntegrationRequestData['querystring']): string {
  if (mapped === undefined) return query;
  for (const [name, value] of mapped) {
    const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
    query = query === '' ? pair : `${query}&${pair}`;
  }
  return query;
}

const decoders: Record<string, (buffer: Buffer, options: ZlibOptions) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/**
 * hot path: reads the endpoint response body, refusing more than the payload limit.
 * AWS drops the backend's Content-Encoding header (reference §1.5), so a compressed body is
 * decoded here, or the client would get bytes it cannot read (UNCONFIRMED how AWS does it).
 */
export async function readPayload(body: Dispatcher.ResponseData['body'], contentLength: string | string[] | undefined, contentEncoding: string | string[] | undefined): Promise<Buffer> {
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
export function integrationError(error: unknown, signal: IntegrationSignal, invocation: IntegrationInvocation): unknown {
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
