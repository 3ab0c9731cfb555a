// Header handling of the HTTP_PROXY integration: which client headers reach the backend and what
// API Gateway adds, and how backend response headers are remapped or dropped on the way back.
// Reference §1.5 (request-side drops, response-side `x-amzn-Remapped-*` table).

import type { IncomingHttpHeaders } from 'node:http';
import type { IntegrationInvocation } from './compiled-integration.js';

/**
 * Client headers never forwarded: hop-by-hop and recomputed ones (reference §1.5 list), `Host` and
 * `Content-Encoding` (HTTP_PROXY), `Via` (HTTP), `Keep-Alive`/`Proxy-Connection` (hop-by-hop,
 * undici refuses them), and the ones API Gateway sets itself.
 */
const DROPPED_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'connection',
  'content-length',
  'content-md5',
  'expect',
  'max-forwards',
  'proxy-authenticate',
  'server',
  'te',
  'transfer-encoding',
  'trailer',
  'upgrade',
  'www-authenticate',
  'content-encoding',
  'via',
  'keep-alive',
  'proxy-connection',
  'x-amzn-trace-id',
  'x-amzn-apigateway-api-id',
  'x-forwarded-for',
  'x-forwarded-port',
  'x-forwarded-proto',
]);

/** AWS: mapping these makes every call fail with 500 (reference §1.5; test: data-plane-http-proxy.test.ts). */
export const ILLEGAL_MAPPED_HEADERS: ReadonlySet<string> = new Set(['content-length', 'transfer-encoding', 'x-amzn-trace-id', 'x-amzn-apigateway-api-id']);

/** hot path: the backend request headers as a flat list (name, value, ...). */
export function buildBackendHeaders(invocation: IntegrationInvocation, mapped: ReadonlyArray<readonly [string, string]> | undefined): string[] {
  const raw = invocation.rawHeaders;
  const headers: string[] = [];
  let forwardedFor: string | undefined;
  let hasAccept = false;
  let hasUserAgent = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    const lower = name.toLowerCase();
    if (DROPPED_REQUEST_HEADERS.has(lower)) {
      if (lower === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? value : `${forwardedFor}, ${value}`;
      continue;
    }
    // AWS: an Authorization header carrying a SigV4 signature is dropped (reference §1.5).
    if (lower === 'authorization' && value.startsWith('AWS4-HMAC-SHA256')) continue;
    if (mapped !== undefined && isMapped(mapped, lower)) continue;
    if (lower === 'accept') hasAccept = true;
    else if (lower === 'user-agent') hasUserAgent = true;
    headers.push(name, value);
  }
  // AWS: API Gateway's defaults when the client sent none (LocalStack-observed; UNCONFIRMED).
  if (!hasAccept) headers.push('Accept', 'application/json');
  if (!hasUserAgent) headers.push('User-Agent', `AmazonAPIGateway_${invocation.apiId}`);
  headers.push(
    'x-amzn-apigateway-api-id',
    invocation.apiId,
    'x-amzn-trace-id',
    invocation.traceId,
    'x-forwarded-for',
    forwardedFor === undefined ? invocation.sourceIp : `${forwardedFor}, ${invocation.sourceIp}`,
    'x-forwarded-port',
    String(invocation.localPort),
    'x-forwarded-proto',
    invocation.scheme,
  );
  if (mapped !== undefined) for (const [name, value] of mapped) headers.push(name, value);
  return headers;
}

function isMapped(mapped: ReadonlyArray<readonly [string, string]>, lower: string): boolean {
  for (const [name] of mapped) if (name.length === lower.length && name.toLowerCase() === lower) return true;
  return false;
}

/** Backend response headers returned as `x-amzn-Remapped-<Name>` (reference §1.5, HTTP_PROXY row). */
const REMAPPED_RESPONSE_HEADERS: ReadonlyMap<string, string> = new Map([
  ['connection', 'x-amzn-Remapped-Connection'],
  ['content-length', 'x-amzn-Remapped-Content-Length'],
  ['date', 'x-amzn-Remapped-Date'],
  ['server', 'x-amzn-Remapped-Server'],
  ['x-amzn-requestid', 'x-amzn-Remapped-x-amzn-RequestId'],
]);

/** Dropped: the reference's HTTP_PROXY row, plus `Keep-Alive` (it describes the backend connection). */
const DROPPED_RESPONSE_HEADERS: ReadonlySet<string> = new Set(['transfer-encoding', 'content-encoding', 'via', 'keep-alive']);

/** hot path: the endpoint response headers (undici gives lower-case names) as a flat list. */
export function remapResponseHeaders(headers: IncomingHttpHeaders): string[] {
  const out: string[] = [];
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || DROPPED_RESPONSE_HEADERS.has(name)) continue;
    const target = REMAPPED_RESPONSE_HEADERS.get(name) ?? name;
    if (typeof value === 'string') out.push(target, value);
    else for (const item of value) out.push(target, item);
  }
  return out;
}
