// Signature Version 4 building blocks, as AWS computes them for every service but S3: the canonical
// request (path normalised and URI-encoded a second time, sorted query, signed headers, payload
// hash), the string to sign and the derived signing key. Used by sigv4-verify.ts at request time.
// AWS General Reference / IAM User Guide "Create a signed AWS API request" (SigV4).

import { createHash, createHmac } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';

export interface CanonicalInput {
  readonly method: string;
  /** The request path as sent (percent-encoded), without the query. */
  readonly rawPath: string;
  readonly rawQuery: string;
  /** Node's rawHeaders: name, value, name, value... */
  readonly rawHeaders: readonly string[];
  /** Lower-cased, in the order the client listed them. */
  readonly signedHeaders: readonly string[];
  readonly payloadHash: string;
  /** Query parameters left out of the canonical query (`X-Amz-Signature` of a presigned URL). */
  readonly omitQuery?: string;
}

export function canonicalRequest(input: CanonicalInput): string {
  const headers = input.signedHeaders.map((name) => `${name}:${headerValue(input.rawHeaders, name)}\n`).join('');
  return `${input.method}\n${canonicalPath(input.rawPath)}\n${canonicalQuery(input.rawQuery, input.omitQuery)}\n${headers}\n${input.signedHeaders.join(';')}\n${input.payloadHash}`;
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonical)}`;
}

export function signature(secretAccessKey: string, date: string, region: string, service: string, toSign: string): string {
  let key = hmac(`AWS4${secretAccessKey}`, date);
  key = hmac(key, region);
  key = hmac(key, service);
  key = hmac(key, 'aws4_request');
  return createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** RFC 3986 unreserved characters stay; everything else is %XX (AWS's `UriEncode`). */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * AWS: non-S3 services normalise the path (empty, `.` and `..` segments) and URI-encode the path as
 * sent once more, so `%20` becomes `%2520`; `/` stays.
 */
function canonicalPath(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
  const normalised = `/${segments.join('/')}${trailing}`;
  return uriEncode(normalised).replace(/%2F/g, '/');
}

/** Parameters decoded, re-encoded, sorted by name then value, joined with `&`. */
function canonicalQuery(rawQuery: string, omit: string | undefined): string {
  if (rawQuery === '') return '';
  const pairs: Array<[string, string]> = [];
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const equals = piece.indexOf('=');
    const name = decode(equals < 0 ? piece : piece.slice(0, equals));
    if (name === omit) continue;
    pairs.push([uriEncode(name), uriEncode(decode(equals < 0 ? '' : piece.slice(equals + 1)))]);
  }
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every value of a header, trimmed, inner whitespace runs collapsed, joined with `,`. */
function headerValue(rawHeaders: readonly string[], lowerName: string): string {
  const values: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === lowerName) values.push(rawHeaders[i + 1]!.trim().replace(/\s+/g, ' '));
  }
  return values.join(',');
}
