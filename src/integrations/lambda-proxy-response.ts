// Reads a Lambda proxy response `{statusCode, headers, multiValueHeaders, body, isBase64Encoded}`
// into the endpoint response, validating it as API Gateway does (anything malformed is 502
// `{"message": "Internal server error"}`); headers merge multi-value first, Connection,
// Content-Length, Date and Server come back as `x-amzn-Remapped-*`. Reference §1.5, §1.8.

import { decodeBase64OrFail } from '../data-plane/content-handling.js';
import { Default5xxError } from '../data-plane/gateway-errors.js';
import type { EndpointResponse, IntegrationInvocation } from './compiled-integration.js';

const KNOWN_KEYS: ReadonlySet<string> = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/** Reference §1.5, AWS_PROXY row. */
const REMAPPED: ReadonlyMap<string, string> = new Map([
  ['connection', 'x-amzn-Remapped-Connection'],
  ['content-length', 'x-amzn-Remapped-Content-Length'],
  ['date', 'x-amzn-Remapped-Date'],
  ['server', 'x-amzn-Remapped-Server'],
]);
const DROPPED = 'transfer-encoding';
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** AWS: 502 `{"message": "Internal server error"}` ("Malformed Lambda proxy response"). */
export function malformedProxyResponse(): Default5xxError {
  return new Default5xxError(502, 'InternalServerErrorException', 'Internal server error', true);
}

class Malformed extends Error {}

/** hot path: throws the 502 for a malformed response (and logs why, as AWS's execution log does). */
export function readProxyResponse(payload: Buffer, invocation: IntegrationInvocation): EndpointResponse {
  try {
    return parse(payload, invocation);
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    invocation.logger.warn(
      { reason: error.message },
      'Execution failed due to configuration error: Malformed Lambda proxy response. Lambda output should follow the format { "isBase64Encoded": true|false, "statusCode": httpStatusCode, "headers": { "headerName": "headerValue", ... }, "body": "..." }',
    );
    throw malformedProxyResponse();
  }
}

function parse(payload: Buffer, invocation: IntegrationInvocation): EndpointResponse {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new Malformed('not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Malformed('not a JSON object');
  const response = value as Record<string, unknown>;
  const keys = Object.keys(response);
  // AWS: `{}` is refused, while `{"headers": {...}}` alone is a 200 (reference §1.8).
  if (keys.length === 0) throw new Malformed('empty object');
  for (const key of keys) if (!KNOWN_KEYS.has(key)) throw new Malformed(`unknown member ${key}`);
  const statusCode = readStatusCode(response.statusCode);
  const headers: string[] = [];
  const multiValueHeaders = response.multiValueHeaders;
  const index = new Map<string, string>();
  if (multiValueHeaders !== undefined && multiValueHeaders !== null) {
    if (typeof multiValueHeaders !== 'object' || Array.isArray(multiValueHeaders)) throw new Malformed('multiValueHeaders is not an object');
    for (const [name, values] of Object.entries(multiValueHeaders as Record<string, unknown>)) {
      if (values === null) continue;
      if (!Array.isArray(values)) throw new Malformed(`multiValueHeaders.${name} is not a list`);
      index.set(name.toLowerCase(), name);
      for (const item of values) {
        const text = headerValue(item, name);
        if (text !== undefined) pushHeader(headers, name, text);
      }
    }
  }
  const single = response.headers;
  if (single !== undefined && single !== null) {
    if (typeof single !== 'object' || Array.isArray(single)) throw new Malformed('headers is not an object');
    for (const [name, item] of Object.entries(single as Record<string, unknown>)) {
      const text = headerValue(item, name);
      // AWS: a header in both maps keeps the multiValueHeaders spelling, its values first (§1.8).
      if (text !== undefined) pushHeader(headers, index.get(name.toLowerCase()) ?? name, text);
    }
  }
  const base64 = readBoolean(response.isBase64Encoded);
  const bodyText = readBody(response.body);
  const body = base64 && bodyText !== '' && acceptsBinary(invocation) ? decodeBase64OrFail(bodyText) : bodyText;
  return { statusCode, headers, body };
}

/** Absent: 200. A number or numeric string (`"201"`) in 100–599 (range UNCONFIRMED); anything else is malformed. */
function readStatusCode(value: unknown): number {
  if (value === undefined || value === null) return 200;
  const code = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(code) || code < 100 || code > 599) throw new Malformed(`statusCode ${String(value)}`);
  return code;
}

/** Scalars are stringified (AWS: `true` is sent as `true`); `null` drops the value; objects are malformed. */
function headerValue(value: unknown, name: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value);
    if (!TOKEN.test(name) || !FIELD_VALUE.test(text)) throw new Malformed(`header ${name} cannot be sent`);
    return text;
  }
  throw new Malformed(`header ${name} is not a scalar`);
}

function pushHeader(headers: string[], name: string, value: string): void {
  const lower = name.toLowerCase();
  if (lower === DROPPED) return;
  headers.push(REMAPPED.get(lower) ?? name, value);
}

function readBoolean(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new Malformed('isBase64Encoded is not a boolean');
}

/** A string; scalars are stringified (UNCONFIRMED); objects and lists are malformed. */
function readBody(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Malformed('body is not a string');
}

/** AWS: a base64 body is decoded only when the request's Accept is a binaryMediaType (reference §1.8). */
function acceptsBinary(invocation: IntegrationInvocation): boolean {
  const types = invocation.servedStage.snapshot.binaryMediaTypes;
  if (types === undefined || types.none) return false;
  const raw = invocation.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 6 && name.toLowerCase() === 'accept') {
      const accept = raw[i + 1]!;
      const comma = accept.indexOf(',');
      return types.matches(comma < 0 ? accept : accept.slice(0, comma));
    }
  }
  return false;
}
