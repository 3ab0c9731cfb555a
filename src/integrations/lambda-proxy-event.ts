// The AWS_PROXY (payload 1.0) event API Gateway sends a Lambda function: resource, path (without
// the stage), httpMethod, single- and multi-value header and query maps (`null` when absent),
// pathParameters, stageVariables, requestContext, and the body (base64 for binaryMediaTypes). The
// event as an object and its request-dependent parts; lambda-proxy-event-packed.ts packs it for the runtime.
// Reference §1.5, §1.7; AWS developer guide "Input format of a Lambda function for proxy integration".

import { parseQuery } from '../data-plane/query-string.js';
import { groupPairs, lastValues } from '../functions/runtime/node-worker/proxy-event.js';
import type { IntegrationInvocation } from './compiled-integration.js';

/** Reference §1.5: never visible to templates or proxy events. */
const DROPPED: ReadonlySet<string> = new Set([
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
]);

/** AWS (LocalStack-observed): these arrive title-cased, as CloudFront forwards them. */
const TITLE_CASED: ReadonlyMap<string, string> = new Map([
  ['authorization', 'Authorization'],
  ['user-agent', 'User-Agent'],
]);

/** Set by API Gateway's front, replacing what the client sent (X-Forwarded-For is appended to). */
const FRONT_HEADERS: ReadonlySet<string> = new Set(['x-amzn-trace-id', 'x-forwarded-port', 'x-forwarded-proto']);

/** The event as an object (a REQUEST authorizer's event takes its request fields). */
export function createProxyEvent(invocation: IntegrationInvocation) {
  const headers = eventHeaders(invocation);
  const multiValueHeaders = groupPairs(headers.pairs);
  const query = groupPairs(eventQuery(invocation.rawQuery));
  const body = eventBody(invocation, headers.contentType);
  const stageVariables = invocation.stageVariables;
  const pathParameters = invocation.route.pathParameters;
  return {
    resource: invocation.vars.resourcePath,
    path: invocation.path,
    httpMethod: invocation.httpMethod,
    headers: lastValues(multiValueHeaders),
    multiValueHeaders,
    queryStringParameters: lastValues(query),
    multiValueQueryStringParameters: query,
    pathParameters: pathParameters === undefined || Object.keys(pathParameters).length === 0 ? null : pathParameters,
    stageVariables: Object.keys(stageVariables).length === 0 ? null : stageVariables,
    requestContext: requestContext(invocation),
    body: body.text,
    isBase64Encoded: body.base64,
  };
}

/**
 * `multiValueQueryStringParameters` as decoded name/value pairs; `null` without a query.
 * `queryStringParameters` holds each name's last value, in the same order (AWS: the last value of a
 * repeated key wins, reference §1.7).
 */
export function eventQuery(rawQuery: string): string[] | null {
  const query = rawQuery === '' ? undefined : parseQuery(rawQuery);
  if (query === undefined || query.size === 0) return null;
  const pairs: string[] = [];
  for (const [name, values] of query) for (const value of values) pairs.push(name, value);
  return pairs;
}

export interface EventBody {
  /** `null` without a body. */
  text: string | null;
  base64: boolean;
}

const NO_BODY: EventBody = Object.freeze({ text: null, base64: false });

/** The body as text, in base64 when its Content-Type is one of the stage's binaryMediaTypes. */
export function eventBody(invocation: IntegrationInvocation, contentType: string | undefined): EventBody {
  const body = invocation.body;
  if (body.length === 0) return NO_BODY;
  const types = invocation.servedStage.snapshot.binaryMediaTypes;
  const binary = types !== undefined && !types.none && types.matches(contentType);
  return { text: binary ? body.toString('base64') : body.toString('utf8'), base64: binary };
}

export interface EventHeaders {
  /** `multiValueHeaders` as name/value pairs, each name spelled as its group is (groupPairs makes the map). */
  pairs: string[];
  contentType: string | undefined;
}

/**
 * Client headers (names as sent; repeats grouped case-insensitively under the first spelling), then
 * what API Gateway's front adds when the client did not send it: X-Forwarded-For/-Port/-Proto and
 * X-Amzn-Trace-Id (AWS events carry them; values for a local listener).
 */
export function eventHeaders(invocation: IntegrationInvocation): EventHeaders {
  const raw = invocation.rawHeaders;
  const pairs: string[] = [];
  const spelling = new Map<string, string>();
  let contentType: string | undefined;
  let forwardedFor: string | undefined;
  const add = (name: string, lower: string, value: string): void => {
    let key = spelling.get(lower);
    if (key === undefined) {
      key = TITLE_CASED.get(lower) ?? name;
      spelling.set(lower, key);
    }
    pairs.push(key, value);
  };
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    const lower = name.toLowerCase();
    if (DROPPED.has(lower)) continue;
    if (lower === 'content-type') contentType = value;
    if (lower === 'x-forwarded-for') {
      forwardedFor = forwardedFor === undefined ? value : `${forwardedFor}, ${value}`;
      continue;
    }
    if (FRONT_HEADERS.has(lower)) continue;
    add(name, lower, value);
  }
  // The trace id in force (the client's, when it sent one with a Root) and the front's view.
  add('X-Amzn-Trace-Id', 'x-amzn-trace-id', invocation.traceId);
  add('X-Forwarded-For', 'x-forwarded-for', forwardedFor === undefined ? invocation.sourceIp : `${forwardedFor}, ${invocation.sourceIp}`);
  add('X-Forwarded-Port', 'x-forwarded-port', String(invocation.localPort));
  add('X-Forwarded-Proto', 'x-forwarded-proto', invocation.scheme);
  return { pairs, contentType };
}

/** `requestContext` in AWS's (alphabetical) member order. */
function requestContext(invocation: IntegrationInvocation): Record<string, unknown> {
  const vars = invocation.vars;
  // Stages that run before the integration (authorizers) may add `authorizer` to `$context`.
  const authorizer = (vars as unknown as { authorizer?: unknown }).authorizer;
  return {
    accountId: vars.accountId,
    apiId: vars.apiId,
    ...(authorizer !== undefined && authorizer !== null && { authorizer }),
    deploymentId: vars.deploymentId,
    domainName: vars.domainName,
    domainPrefix: vars.domainPrefix,
    extendedRequestId: vars.extendedRequestId,
    httpMethod: vars.httpMethod,
    identity: vars.identity,
    path: vars.path,
    protocol: vars.protocol,
    requestId: vars.requestId,
    requestTime: vars.requestTime,
    requestTimeEpoch: vars.requestTimeEpoch,
    resourceId: vars.resourceId,
    resourcePath: vars.resourcePath,
    stage: vars.stage,
  };
}
