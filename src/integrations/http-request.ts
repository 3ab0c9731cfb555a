// What the HTTP_PROXY and HTTP integrations share: reading the endpoint response within the
// payload limit (decoding a compressed body), appending mapped query values, and mapping a failed
// backend call to AWS's gateway errors. Reference §1.5, §1.6, §1.9.

import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, type ZlibOptions } from 'node:zlib';
import type { IncomingHttpHeaders } from 'node:http';
import { util, type Dispatcher } from 'undici';
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
 * AWS drops the backend's Content-Encoding header (reference §1.5), so a compressed endpoint
 * response body is decoded (gzip, deflate, br), or the client would get bytes it cannot read
 * (UNCONFIRMED how AWS does it); any other encoding is passed as is.
 */
function decodePayload(payload: Buffer, contentEncoding: string | string[] | undefined): Buffer | Promise<Buffer> {
  const decode = typeof contentEncoding === 'string' ? decoders[contentEncoding.trim().toLowerCase()] : undefined;
  if (decode === undefined || payload.length === 0) return payload;
  return decodeWith(decode, payload);
}

async function decodeWith(decode: (buffer: Buffer, options: ZlibOptions) => Promise<Buffer>, payload: Buffer): Promise<Buffer> {
  try {
    return await decode(payload, { maxOutputLength: PAYLOAD_LIMIT });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw endpointResponseTooLarge();
    return payload;
  }
}

/** The endpoint response as the HTTP integrations read it: headers as undici parses them, the body decoded. */
export interface BackendResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const EMPTY_PAYLOAD = Buffer.alloc(0);

/**
 * hot path: one backend call through undici's dispatch API, with the same results and errors as
 * `dispatcher.request` then readPayload (payload limit, decoding, abort by `signal`), without the
 * response stream, the AsyncResource and the promise chain of `request` (bench: http-proxy).
 */
export function callBackend(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, signal: IntegrationSignal): Promise<BackendResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    dispatcher.dispatch(options, new BackendCall(signal, resolve, reject));
  });
}

class BackendCall implements Dispatcher.DispatchHandler {
  private abort: ((reason?: Error) => void) | undefined = undefined;
  private settled = false;
  private statusCode = 0;
  private headers: IncomingHttpHeaders | undefined = undefined;
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(
    private readonly signal: IntegrationSignal,
    private readonly resolve: (response: BackendResponse | Promise<BackendResponse>) => void,
    private readonly reject: (reason: unknown) => void,
  ) {
    signal.addEventListener('abort', this.onAbort);
  }

  private readonly onAbort = (): void => {
    this.abort?.(this.signal.reason as Error);
  };

  onConnect(abort: (reason?: Error) => void): void {
    if (this.signal.aborted) abort(this.signal.reason as Error);
    else this.abort = abort;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    // 1xx informational responses are not the response (as undici's request() skips them).
    if (statusCode < 200) return true;
    this.statusCode = statusCode;
    this.headers = util.parseHeaders(rawHeaders);
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.size += chunk.length;
    if (this.size > PAYLOAD_LIMIT) {
      const error = endpointResponseTooLarge();
      this.abort?.(error);
      this.fail(error);
      return false;
    }
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.settled) return;
    this.settled = true;
    this.signal.removeEventListener('abort', this.onAbort);
    const chunks = this.chunks;
    const payload = chunks.length === 0 ? EMPTY_PAYLOAD : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.size);
    const headers = this.headers ?? {};
    const body = decodePayload(payload, headers['content-encoding']);
    const statusCode = this.statusCode;
    this.resolve(Buffer.isBuffer(body) ? { statusCode, headers, body } : body.then((decoded) => ({ statusCode, headers, body: decoded })));
  }

  onError(error: Error): void {
    this.fail(error);
  }

  private fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.signal.removeEventListener('abort', this.onAbort);
    this.reject(error);
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
