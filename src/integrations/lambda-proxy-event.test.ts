// The payload 1.0 event the AWS_PROXY integration sends (reference §1.7), as a Node.js worker expands it from
// its packed form: every field, the nulls, header and query grouping, the front's headers, and base64
// bodies for binaryMediaTypes; and the packed form against the event object, case by case.

import { describe, expect, it } from 'vitest';
import { ContextVariables } from '../data-plane/context-variables.js';
import { compileBinaryMediaTypes } from '../snapshot/compile-binary-media-types.js';
import type { IntegrationInvocation } from './compiled-integration.js';
import { expandProxyEvent } from '../functions/runtime/node-worker/proxy-event.js';
import { packProxyEvent } from './lambda-proxy-event-packed.js';
import { createProxyEvent } from './lambda-proxy-event.js';

interface Options {
  rawHeaders?: string[];
  rawQuery?: string;
  body?: Buffer;
  pathParameters?: Record<string, string>;
  stageVariables?: Record<string, string>;
  binaryMediaTypes?: string[];
  path?: string;
  userAgent?: string | null;
  /** Written onto `$context` after construction, as the authorizer and api-key stages do. */
  context?: { authorizer?: ContextVariables['authorizer']; identity?: Partial<ContextVariables['identity']> };
}

function invocation(options: Options = {}): IntegrationInvocation {
  const vars = new ContextVariables({
    accountId: '000000000000',
    apiId: 'abc123defg',
    deploymentId: 'dep123',
    domainName: 'abc123defg.execute-api.localhost',
    extendedRequestId: 'ABCDEFGHIJKLMNO=',
    httpMethod: 'POST',
    sourceIp: '10.1.2.3',
    userAgent: options.userAgent === undefined ? 'curl/8' : options.userAgent,
    path: `/prod${options.path ?? '/pets/a%2Bb/'}`,
    protocol: 'HTTP/1.1',
    requestId: '11111111-2222-4333-8444-555555555555',
    requestTimeEpoch: Date.UTC(2026, 0, 5, 3, 4, 5),
    stage: 'prod',
  });
  vars.resourceId = 'res001';
  vars.resourcePath = '/pets/{proxy+}';
  vars.authorizer = options.context?.authorizer;
  Object.assign(vars.identity, options.context?.identity);
  return {
    apiId: 'abc123defg',
    httpMethod: 'POST',
    path: options.path ?? '/pets/a%2Bb/',
    rawHeaders: options.rawHeaders ?? [],
    rawQuery: options.rawQuery ?? '',
    body: options.body ?? Buffer.alloc(0),
    stageVariables: options.stageVariables ?? {},
    traceId: 'Root=1-00000000-000000000000000000000000',
    sourceIp: '10.1.2.3',
    localPort: 4566,
    scheme: 'http',
    vars,
    route: { pathParameters: options.pathParameters },
    servedStage: { snapshot: { binaryMediaTypes: compileBinaryMediaTypes(options.binaryMediaTypes) } },
  } as unknown as IntegrationInvocation;
}

/** The event a Node.js worker hands the function: the packed values, through JSON, expanded. */
const expanded = (request: IntegrationInvocation): Record<string, unknown> => expandProxyEvent(JSON.parse(packProxyEvent(request).packed) as unknown[]);
const event = (options?: Options): Record<string, unknown> => expanded(invocation(options));

describe('the AWS_PROXY event (payload 1.0)', () => {
  it('writes every top-level field, with nulls when absent', () => {
    const e = event();
    expect(Object.keys(e)).toEqual([
      'resource',
      'path',
      'httpMethod',
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
      'requestContext',
      'body',
      'isBase64Encoded',
    ]);
    expect(e).toMatchObject({
      resource: '/pets/{proxy+}',
      path: '/pets/a%2Bb/',
      httpMethod: 'POST',
      headers: {
        'X-Amzn-Trace-Id': 'Root=1-00000000-000000000000000000000000',
        'X-Forwarded-For': '10.1.2.3',
        'X-Forwarded-Port': '4566',
        'X-Forwarded-Proto': 'http',
      },
      multiValueHeaders: {
        'X-Amzn-Trace-Id': ['Root=1-00000000-000000000000000000000000'],
        'X-Forwarded-For': ['10.1.2.3'],
        'X-Forwarded-Port': ['4566'],
        'X-Forwarded-Proto': ['http'],
      },
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: null,
      stageVariables: null,
      requestContext: {
        accountId: '000000000000',
        apiId: 'abc123defg',
        deploymentId: 'dep123',
        domainName: 'abc123defg.execute-api.localhost',
        domainPrefix: 'abc123defg',
        extendedRequestId: 'ABCDEFGHIJKLMNO=',
        httpMethod: 'POST',
        identity: {
          accessKey: null,
          accountId: null,
          caller: null,
          cognitoAuthenticationProvider: null,
          cognitoAuthenticationType: null,
          cognitoIdentityId: null,
          cognitoIdentityPoolId: null,
          principalOrgId: null,
          sourceIp: '10.1.2.3',
          user: null,
          userAgent: 'curl/8',
          userArn: null,
        },
        path: '/prod/pets/a%2Bb/',
        protocol: 'HTTP/1.1',
        requestId: '11111111-2222-4333-8444-555555555555',
        requestTime: '05/Jan/2026:03:04:05 +0000',
        requestTimeEpoch: Date.UTC(2026, 0, 5, 3, 4, 5),
        resourceId: 'res001',
        resourcePath: '/pets/{proxy+}',
        stage: 'prod',
      },
      body: null,
      isBase64Encoded: false,
    });
  });

  it('groups repeated headers, keeps the last in the single-value map, drops hop-by-hop ones', () => {
    const e = event({ rawHeaders: ['Accept', 'a', 'accept', 'b', 'Connection', 'close', 'Content-Length', '3', 'user-agent', 'curl/8', 'X-Forwarded-For', '1.1.1.1'] });
    expect(e.headers).toMatchObject({ Accept: 'b', 'User-Agent': 'curl/8', 'X-Forwarded-For': '1.1.1.1, 10.1.2.3' });
    expect(e.multiValueHeaders).toMatchObject({ Accept: ['a', 'b'], 'User-Agent': ['curl/8'] });
    expect(Object.keys(e.headers as object)).not.toContain('Connection');
    expect(Object.keys(e.headers as object)).not.toContain('Content-Length');
  });

  it('decodes the query: the last value wins in the single map, all in order in the multi map', () => {
    const e = event({ rawQuery: 'a=1&a=2&b=x+y&c=%2B&d' });
    expect(e.queryStringParameters).toEqual({ a: '2', b: 'x y', c: '+', d: '' });
    expect(e.multiValueQueryStringParameters).toEqual({ a: ['1', '2'], b: ['x y'], c: ['+'], d: [''] });
  });

  it('passes path parameters and stage variables', () => {
    const e = event({ pathParameters: { proxy: 'a+b' }, stageVariables: { fn: 'x' } });
    expect(e.pathParameters).toEqual({ proxy: 'a+b' });
    expect(e.stageVariables).toEqual({ fn: 'x' });
  });

  it('sends a text body as is and a binaryMediaType body in base64', () => {
    expect(event({ body: Buffer.from('{"a":1}'), rawHeaders: ['Content-Type', 'application/json'] })).toMatchObject({ body: '{"a":1}', isBase64Encoded: false });
    expect(event({ body: Buffer.from('{"a":1}'), rawHeaders: ['Content-Type', 'application/json'], binaryMediaTypes: ['image/*'] })).toMatchObject({ isBase64Encoded: false });
    const png = Buffer.from([137, 80, 78, 71, 0, 255]);
    expect(event({ body: png, rawHeaders: ['Content-Type', 'image/png'], binaryMediaTypes: ['image/*'] })).toMatchObject({ body: png.toString('base64'), isBase64Encoded: true });
  });
});

describe('the packed event', () => {
  // Whatever the request holds, a Node.js function must receive the object JSON.parse gives for the
  // event's JSON text, and other runtimes exactly that text.
  const cases: Record<string, Options> = {
    'a bare request': {},
    'escapes in headers, query, path and body': {
      rawHeaders: ['X-Quote', 'say "hi" \\ there', 'X-Tab', 'a\tb', 'X-Latin1', 'caf\u00e9', 'Content-Type', 'text/plain'],
      rawQuery: 'q=%22%5C%0A&emoji=%F0%9F%98%80&lone=%ED%A0%80',
      path: '/pets/"x"\\y',
      body: Buffer.from('line1\nline2 "quoted" \u2028 \ud83d\ude00', 'utf8'),
    },
    'a lone surrogate in a header value': { rawHeaders: ['X-Odd', 'a\ud800b'] },
    // TestInvokeMethod's headers come from a JSON body, not an HTTP parser: any name is possible.
    'header names with quotes and repeated values': { rawHeaders: ['X-"Odd"', 'v1', 'x-"odd"', 'v"2', 'Accept', 'a', 'accept', 'b'] },
    'no user agent': { userAgent: null },
    'path parameters and stage variables with escapes': { pathParameters: { proxy: 'a"b', id: '7' }, stageVariables: { fn: 'x\\y', '1': 'numeric key first' } },
    'an empty path parameter map': { pathParameters: {} },
    'a binary body': { body: Buffer.from([0, 1, 2, 255]), rawHeaders: ['Content-Type', 'image/png'], binaryMediaTypes: ['image/*'] },
    'a Lambda authorizer context': { context: { authorizer: { principalId: 'user-1', tier: 'gold', count: 3, integrationLatency: 12 } } },
    'a Cognito authorizer': { context: { authorizer: { claims: { sub: 'abc', 'cognito:groups': 'a,b' } } } },
    // JSON.parse makes `__proto__` an ordinary member; so must every map built on the way.
    'a header and a query parameter named __proto__': { rawHeaders: ['__proto__', 'h', 'Accept', 'a'], rawQuery: '__proto__=q&a=b' },
    'an API key and a SigV4 caller': {
      context: { identity: { apiKey: 'key"1', apiKeyId: 'kid', accessKey: 'AKID', accountId: '111122223333', caller: 'AIDA1', user: 'AIDA1', userArn: 'arn:aws:iam::111122223333:user/x' } },
    },
  };
  for (const [name, options] of Object.entries(cases)) {
    it(`expands to what JSON.parse gives for the event's JSON text: ${name}`, () => {
      const request = invocation(options);
      const text = JSON.stringify(createProxyEvent(request));
      const received = expanded(request);
      expect(JSON.stringify(received)).toBe(text);
      expect(received).toStrictEqual(JSON.parse(text));
      expect(packProxyEvent(request).json()).toBe(text);
    });
  }

  it('keeps a member named __proto__ an own member, the prototype untouched', () => {
    const e = event({ rawHeaders: ['__proto__', 'h'], rawQuery: '__proto__=q' }) as Record<string, Record<string, unknown>>;
    for (const map of [e.headers!, e.multiValueHeaders!, e.queryStringParameters!, e.multiValueQueryStringParameters!]) {
      expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
      expect(Object.hasOwn(map, '__proto__')).toBe(true);
    }
    expect(e.headers!['__proto__']).toBe('h');
    expect(e.queryStringParameters!['__proto__']).toBe('q');
  });
});
