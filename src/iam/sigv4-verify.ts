// Request time: verifies a SigV4-signed request — `Authorization: AWS4-HMAC-SHA256 ...` or a
// presigned URL's `X-Amz-*` query — against the secret of the access key it names, with AWS's
// checks in AWS's order (parameters, credential scope, 5-minute clock skew, key, signature) and
// AWS's messages. IAM User Guide "Create a signed AWS API request"; "Troubleshoot signature errors".

import { createHash, timingSafeEqual } from 'node:crypto';
import { ALGORITHM, canonicalRequest, sha256Hex, signature, stringToSign } from './sigv4-canonical.js';

export interface SignedRequest {
  readonly method: string;
  /** The request path as sent, percent-encoded, without the query. */
  readonly rawPath: string;
  readonly rawQuery: string;
  readonly rawHeaders: readonly string[];
  /** The whole request body (the payload hash is computed over it). */
  readonly body: Uint8Array;
}

export interface VerifyOptions<P extends { readonly secretAccessKey: string }> {
  readonly now: number;
  /** The region and service the credential scope must name (`execute-api`). */
  readonly region: string;
  readonly service: string;
  lookup(accessKeyId: string): P | undefined;
}

export type SignatureCheck<P> =
  | { readonly outcome: 'verified'; readonly principal: P; readonly accessKeyId: string }
  /** Neither an Authorization header nor presigned query parameters. */
  | { readonly outcome: 'unsigned' }
  /** Missing or malformed signature parameters, or a wrong credential scope. */
  | { readonly outcome: 'incomplete'; readonly message: string }
  | { readonly outcome: 'unknown-key'; readonly message: string }
  /** Outside the clock skew window, or past a presigned URL's X-Amz-Expires. */
  | { readonly outcome: 'expired'; readonly message: string }
  | { readonly outcome: 'mismatch'; readonly message: string };

interface SignatureParameters {
  credential: string;
  signedHeaders: string;
  signature: string;
  amzDate: string;
  /** Presigned URLs only (seconds). */
  expires: number | undefined;
}

const FIVE_MINUTES = 5 * 60 * 1000;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
/** AWS: the error messages quote the time in the same basic format. */
const formatAmzDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function verifySignature<P extends { readonly secretAccessKey: string }>(request: SignedRequest, options: VerifyOptions<P>): SignatureCheck<P> {
  const authorization = headerOf(request.rawHeaders, 'authorization');
  const query = new URLSearchParams(request.rawQuery);
  const presigned = authorization === undefined && (query.has('X-Amz-Credential') || query.has('X-Amz-Signature'));
  if (authorization === undefined && !presigned) return { outcome: 'unsigned' };
  const parsed = presigned ? presignedParameters(query) : headerParameters(authorization!, request.rawHeaders);
  if (typeof parsed === 'string') return { outcome: 'incomplete', message: parsed };
  const date = AMZ_DATE.exec(parsed.amzDate);
  if (date === null) return { outcome: 'incomplete', message: `Date must be in ISO-8601 'basic format'. Got '${parsed.amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601` };
  const [accessKeyId = '', scopeDate = '', region = '', service = '', terminator = ''] = parsed.credential.split('/');
  const scopeProblem = checkScope(parsed.credential, scopeDate, region, service, terminator, parsed.amzDate, options);
  if (scopeProblem !== undefined) return { outcome: 'incomplete', message: scopeProblem };
  const signedHeaders = parsed.signedHeaders.split(';').map((name) => name.trim().toLowerCase());
  if (!signedHeaders.includes('host')) return { outcome: 'incomplete', message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization." };
  const signedAt = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]), Number(date[4]), Number(date[5]), Number(date[6]));
  const skew = checkTime(signedAt, parsed, options.now);
  if (skew !== undefined) return { outcome: 'expired', message: skew };
  const principal = options.lookup(accessKeyId);
  if (principal === undefined) return { outcome: 'unknown-key', message: 'The security token included in the request is invalid.' };
  const canonical = canonicalRequest({
    method: request.method,
    rawPath: request.rawPath,
    rawQuery: request.rawQuery,
    rawHeaders: request.rawHeaders,
    signedHeaders,
    payloadHash: sha256Hex(request.body),
    ...(presigned && { omitQuery: 'X-Amz-Signature' }),
  });
  const scope = `${scopeDate}/${region}/${service}/${terminator}`;
  const toSign = stringToSign(parsed.amzDate, scope, canonical);
  const expected = signature(principal.secretAccessKey, scopeDate, region, service, toSign);
  if (!sameSignature(expected, parsed.signature)) {
    return {
      outcome: 'mismatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.' +
        `\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\n'${toSign}'\n`,
    };
  }
  return { outcome: 'verified', principal, accessKeyId };
}

/** AWS: the Authorization header's `key=value` pairs, then what is missing, all in one message. */
function headerParameters(authorization: string, rawHeaders: readonly string[]): SignatureParameters | string {
  const space = authorization.indexOf(' ');
  const rest = space < 0 ? '' : authorization.slice(space + 1);
  const values = new Map<string, string>();
  for (const pair of rest.split(',')) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const equals = trimmed.indexOf('=');
    if (equals < 0) {
      const hashed = createHash('sha256').update(authorization).digest('base64');
      return `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${hashed}'.`;
    }
    values.set(trimmed.slice(0, equals), trimmed.slice(equals + 1));
  }
  const amzDate = headerOf(rawHeaders, 'x-amz-date') ?? dateHeader(rawHeaders);
  let missing = '';
  for (const name of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!values.has(name)) missing += `Authorization header requires '${name}' parameter. `;
  }
  if (amzDate === undefined) missing += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
  if (missing !== '' || space < 0 || authorization.slice(0, space) !== ALGORITHM) return `${missing}Authorization=${authorization}`;
  return { credential: values.get('Credential')!, signedHeaders: values.get('SignedHeaders')!, signature: values.get('Signature')!, amzDate: amzDate!, expires: undefined };
}

/** A presigned URL: every X-Amz-* parameter the signature needs (message UNCONFIRMED for execute-api). */
function presignedParameters(query: URLSearchParams): SignatureParameters | string {
  for (const name of ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date']) {
    if (!query.has(name)) return `AWS query-string parameters must include '${name}'. Re-examine the query-string parameters.`;
  }
  if (query.get('X-Amz-Algorithm') !== ALGORITHM) return `X-Amz-Algorithm only supports "${ALGORITHM}"`;
  const expiresText = query.get('X-Amz-Expires');
  const expires = expiresText === null ? undefined : Number(expiresText);
  if (expires !== undefined && !(Number.isInteger(expires) && expires >= 0)) return 'X-Amz-Expires should be a number';
  return { credential: query.get('X-Amz-Credential')!, signedHeaders: query.get('X-Amz-SignedHeaders')!, signature: query.get('X-Amz-Signature')!, amzDate: query.get('X-Amz-Date')!, expires };
}

function checkScope(credential: string, scopeDate: string, region: string, service: string, terminator: string, amzDate: string, options: { region: string; service: string }): string | undefined {
  if (credential.split('/').length !== 5) return `Credential should be scoped to a valid region. `;
  if (scopeDate !== amzDate.slice(0, 8)) {
    return `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`;
  }
  if (region !== options.region) return `Credential should be scoped to a valid region. `;
  if (service !== options.service) return `Credential should be scoped to correct service: '${options.service}'. `;
  if (terminator !== 'aws4_request') return `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'. `;
  return undefined;
}

/** AWS: 5 minutes either way; a presigned URL also expires X-Amz-Expires seconds after signing (message UNCONFIRMED). */
function checkTime(signedAt: number, parsed: SignatureParameters, now: number): string | undefined {
  const stamp = formatAmzDate(signedAt);
  if (signedAt > now + FIVE_MINUTES) return `Signature not yet current: ${stamp} is still later than ${formatAmzDate(now + FIVE_MINUTES)} (${formatAmzDate(now)} + 5 min.)`;
  if (parsed.expires !== undefined) {
    if (signedAt + parsed.expires * 1000 < now) return `Signature expired: ${stamp} is now earlier than ${formatAmzDate(now - parsed.expires * 1000)} (${formatAmzDate(now)} - ${parsed.expires} sec.)`;
    return undefined;
  }
  if (signedAt < now - FIVE_MINUTES) return `Signature expired: ${stamp} is now earlier than ${formatAmzDate(now - FIVE_MINUTES)} (${formatAmzDate(now)} - 5 min.)`;
  return undefined;
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function headerOf(rawHeaders: readonly string[], lowerName: string): string | undefined {
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === lowerName) return rawHeaders[i + 1];
  return undefined;
}

/** A `Date` header (RFC 7231) in the basic ISO-8601 form the string to sign uses. */
function dateHeader(rawHeaders: readonly string[]): string | undefined {
  const text = headerOf(rawHeaders, 'date');
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : formatAmzDate(ms);
}
