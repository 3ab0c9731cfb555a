// The payload 1.0 event buildProxyEvent writes (reference §1.7): every field, the nulls, header and
// query grouping, the front's headers, and base64 bodies for binaryMediaTypes.

import { describe, expect, it } from 'vitest';
import { ContextVariables } from '../data-plane/context-variables.js';
import { compileBinaryMediaTypes } from '../snapshot/compile-binary-media-types.js';
import type { IntegrationInvocation } from './compiled-integration.js';
import { buildProxyEvent } from './lambda-proxy-event.js';

interface Options {
  rawHeaders?: string[];
  rawQuery?: string;
  body?: Buffer;
  pathParameters?: Record<string, string>;
  stageVariables?: Record<string, string>;
  binaryMediaTypes?: string[];
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
    userAgent: 'curl/8',
    path: '/prod/pets/a%2Bb/',
    protocol: 'HTTP/1.1',
    requestId: '11111111-2222-4333-8444-555555555555',
    requestTimeEpoch: Date.UTC(2026, 0, 5, 3, 4, 5),
    stage: 'prod',
  });
  vars.resourceId = 'res001';
  vars.resourcePath = '/pets/{proxy+}';
  return {
    apiId: 'abc123defg',
    httpMethod: 'POST',
    path: '/pets/a%2Bb/',
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

const event = (options?: Options): Record<string, unknown> => JSON.parse(buildProxyEvent(invocation(options))) as Record<string, unknown>;

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
