// TestInvokeAuthorizer's simulated request (`headers`, `multiValueHeaders`, `pathWithQueryString`,
// `body`, `stageVariables`, `additionalContext`): parsed from the wire, read by the authorizer's
// identity sources like a method request, and turned into the REQUEST authorizer event AWS's test
// sends (stage `test-invoke-stage`, `test-invoke-*` identity values). APIRef "TestInvokeAuthorizer".

import type { RequestAuthorizerFields } from '../../integrations/lambda-authorizer-event.js';
import type { MappingInput } from '../../snapshot/mapping-expression.js';
import { ManagementError } from '../management-error.js';
import { readString, readStringMap } from '../wire/members.js';

export interface TestInvokeRequest {
  /** Single values: `headers`, else the last of `multiValueHeaders`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly multiValueHeaders: Readonly<Record<string, readonly string[]>>;
  /** The path without its query string ('/' when absent). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly additionalContext: Readonly<Record<string, string>>;
}

/** The request body as AWS's JSON deserialiser reads it (a direct operation parses its own body). */
export function parseTestInvokeRequest(rawBody: Buffer): TestInvokeRequest {
  let parsed: unknown = {};
  if (rawBody.length > 0) {
    try {
      parsed = JSON.parse(rawBody.toString('utf8')) as unknown;
    } catch {
      throw new ManagementError('SerializationException', 'Unexpected character in request body: it is not valid JSON');
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ManagementError('SerializationException', 'Start of list found where not expected');
  const body = parsed as Record<string, unknown>;
  const multiValueHeaders: Record<string, string[]> = { ...readStringListMap(body.multiValueHeaders) };
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(multiValueHeaders)) if (values.length > 0) headers[name] = values[values.length - 1]!;
  for (const [name, value] of Object.entries(readStringMap(body, 'headers') ?? {})) {
    headers[name] = value;
    multiValueHeaders[name] ??= [value];
  }
  const pathWithQueryString = readString(body, 'pathWithQueryString') ?? '';
  const question = pathWithQueryString.indexOf('?');
  const path = question < 0 ? pathWithQueryString : pathWithQueryString.slice(0, question);
  return {
    headers,
    multiValueHeaders,
    path: path === '' ? '/' : path.startsWith('/') ? path : `/${path}`,
    query: new URLSearchParams(question < 0 ? '' : pathWithQueryString.slice(question + 1)),
    body: readString(body, 'body') ?? '',
    stageVariables: readStringMap(body, 'stageVariables') ?? {},
    additionalContext: readStringMap(body, 'additionalContext') ?? {},
  };
}

function readStringListMap(value: unknown): Record<string, string[]> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ManagementError('SerializationException', 'Start of list found where not expected');
  const map: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(value)) {
    if (!Array.isArray(values) || !values.every((item) => typeof item === 'string')) throw new ManagementError('SerializationException', 'Start of structure or map found where not expected.');
    map[name] = values as string[];
  }
  return map;
}

/** The simulated request as identity sources read it: headers case-insensitively, `context.X` from additionalContext. */
export function testInvokeMappingInput(request: TestInvokeRequest): MappingInput {
  const headerValues = (lowerName: string): readonly string[] | undefined => {
    for (const [name, values] of Object.entries(request.multiValueHeaders)) if (name.toLowerCase() === lowerName) return values;
    return undefined;
  };
  return {
    pathParameter: () => undefined,
    queryValue: (name) => request.query.getAll(name).at(-1),
    queryValues: (name) => (request.query.has(name) ? request.query.getAll(name) : undefined),
    headerValue: (lowerName) => headerValues(lowerName)?.at(-1),
    headerValues,
    bodyText: () => request.body,
    bodyJson: () => {
      try {
        return JSON.parse(request.body) as unknown;
      } catch {
        return undefined;
      }
    },
    stageVariable: (name) => request.stageVariables[name],
    contextValue: (path) => request.additionalContext[path.join('.')],
  };
}

export interface TestInvokeIds {
  accountId: string;
  apiId: string;
  requestId: string;
  extendedRequestId: string;
  now: number;
}

/**
 * AWS: the test's REQUEST event has empty maps (not null), stage `test-invoke-stage`, resourceId
 * `test-invoke-resource-id` and `test-invoke-*` identity values (a console test's logged event;
 * test: test-invoke-authorizer.test.ts "REQUEST event"). Verb and resource: GET and the path (UNCONFIRMED).
 */
export function testRequestAuthorizerFields(request: TestInvokeRequest, ids: TestInvokeIds): RequestAuthorizerFields {
  const queryStringParameters: Record<string, string> = {};
  const multiValueQueryStringParameters: Record<string, string[]> = {};
  for (const name of new Set(request.query.keys())) {
    const values = request.query.getAll(name);
    queryStringParameters[name] = values[values.length - 1]!;
    multiValueQueryStringParameters[name] = values;
  }
  return {
    resource: request.path,
    path: request.path,
    httpMethod: 'GET',
    headers: request.headers,
    multiValueHeaders: request.multiValueHeaders,
    queryStringParameters,
    multiValueQueryStringParameters,
    pathParameters: {},
    stageVariables: request.stageVariables,
    requestContext: {
      resourceId: 'test-invoke-resource-id',
      resourcePath: request.path,
      httpMethod: 'GET',
      extendedRequestId: ids.extendedRequestId,
      requestTime: requestTimeOf(ids.now),
      path: request.path,
      accountId: ids.accountId,
      protocol: 'HTTP/1.1',
      stage: 'test-invoke-stage',
      domainPrefix: 'testPrefix',
      requestTimeEpoch: ids.now,
      requestId: ids.requestId,
      identity: { apiKey: 'test-invoke-api-key', sourceIp: 'test-invoke-source-ip', userAgent: 'test-invoke-user-agent', accountId: ids.accountId },
      domainName: 'testPrefix.testDomainName',
      apiId: ids.apiId,
    },
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `$context.requestTime`'s format: `05/Sep/2019:04:56:39 +0000`. */
function requestTimeOf(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]!}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
