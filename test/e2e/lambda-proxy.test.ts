// The AWS_PROXY integration end to end: APIs built with the real API Gateway SDK, functions created
// with the real Lambda SDK from handler files, called over HTTP. Every event field (reference §1.7),
// every malformed response (§1.8), binary bodies, stage variables in the URI, unknown functions,
// function errors and a crashing function while another keeps serving.

import type { LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createFixtureFunction, deployLambdaApi, functionUri, lambdaClient, type DeployedApi } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let lambda: LambdaClient;
let echo: DeployedApi;
let shape: DeployedApi;

beforeAll(async () => {
  portico = await startTestPortico();
  lambda = lambdaClient(portico);
  await createFixtureFunction(lambda, 'proxy-echo', 'proxy-echo.js');
  await createFixtureFunction(lambda, 'proxy-shape', 'proxy-shape.js');
  await createFixtureFunction(lambda, 'proxy-fail', 'fail.js');
  await createFixtureFunction(lambda, 'proxy-crash', 'crash.js');
  echo = await deployLambdaApi(portico, { uri: functionUri('proxy-echo') }, { stage: 'prod', variables: { color: 'blue' }, binaryMediaTypes: ['image/png'], resourcePath: '/pets/{proxy+}' });
  shape = await deployLambdaApi(portico, { uri: functionUri('proxy-shape') }, { binaryMediaTypes: ['image/*'] });
});
afterAll(async () => {
  await portico.close();
});

const INTERNAL_ERROR = '{"message": "Internal server error"}';

interface ProxyEvent {
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  requestContext: Record<string, unknown>;
}

describe('the event the function receives (reference §1.7)', () => {
  it('carries the method request and the request context', async () => {
    const response = await call(echo.url('/pets/a%2Bb/c/?x=1&x=2&y=%2B+z'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-custom': 'v', 'user-agent': 'tester/1' },
      body: '{"hello":"world"}',
    });
    expect(response.status).toBe(200);
    const event = JSON.parse(response.text) as ProxyEvent;
    expect(event).toMatchObject({
      resource: '/pets/{proxy+}',
      path: '/pets/a%2Bb/c/',
      httpMethod: 'POST',
      queryStringParameters: { x: '2', y: '+ z' },
      multiValueQueryStringParameters: { x: ['1', '2'], y: ['+ z'] },
      pathParameters: { proxy: 'a+b/c' },
      stageVariables: { color: 'blue' },
      body: '{"hello":"world"}',
      isBase64Encoded: false,
    });
    expect(event.headers).toMatchObject({ 'x-custom': 'v', 'content-type': 'application/json', 'User-Agent': 'tester/1', 'X-Forwarded-Proto': 'http' });
    expect(event.multiValueHeaders).toMatchObject({ 'x-custom': ['v'] });
    expect(event.headers).not.toHaveProperty('content-length');
    const context = event.requestContext;
    expect(context).toMatchObject({
      accountId: '000000000000',
      apiId: echo.apiId,
      httpMethod: 'POST',
      path: '/prod/pets/a%2Bb/c/',
      protocol: 'HTTP/1.1',
      resourcePath: '/pets/{proxy+}',
      stage: 'prod',
      identity: { sourceIp: '127.0.0.1', userAgent: 'tester/1' },
    });
    expect(context.requestId).toBe(response.headers['x-amzn-requestid']);
    expect(context.extendedRequestId).toBe(response.headers['x-amz-apigw-id']);
    expect(context.deploymentId).toMatch(/^[a-z0-9]+$/);
    expect(context.resourceId).toMatch(/^[a-z0-9]+$/);
    expect(context.requestTime).toMatch(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
    expect(Math.abs(Number(context.requestTimeEpoch) - Date.now())).toBeLessThan(10_000);
    expect(response.headers['x-amzn-trace-id']).toBe(event.headers['X-Amzn-Trace-Id']);
  });

  it('has nulls for absent maps and body on the root resource', async () => {
    const response = await call(echo.url('/'));
    const event = JSON.parse(response.text) as Record<string, unknown>;
    expect(event).toMatchObject({ resource: '/', path: '/', httpMethod: 'GET', queryStringParameters: null, multiValueQueryStringParameters: null, pathParameters: null, body: null, isBase64Encoded: false });
  });

  it('base64-encodes a body whose Content-Type is a binaryMediaType', async () => {
    const png = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10, 0, 255]);
    const response = await call(echo.url('/pets/image'), { method: 'PUT', headers: { 'content-type': 'image/png' }, body: png });
    expect(JSON.parse(response.text)).toMatchObject({ body: png.toString('base64'), isBase64Encoded: true });
  });
});

describe('the response the function returns (reference §1.8)', () => {
  const respond = (value: unknown, headers: Record<string, string> = {}) =>
    call(shape.url('/shape'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ respond: value }) });

  it('{"statusCode":200} is 200, empty body, Content-Type application/json', async () => {
    const response = await respond({ statusCode: 200 });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(response.headers['content-type']).toBe('application/json');
  });

  it('passes status, headers and body; a numeric string status works', async () => {
    const response = await respond({ statusCode: '201', headers: { 'Content-Type': 'text/plain', 'X-Flag': true }, body: 'created' });
    expect(response.status).toBe(201);
    expect(response.text).toBe('created');
    expect(response.headers).toMatchObject({ 'content-type': 'text/plain', 'x-flag': 'true' });
  });

  it('sends a non-ASCII body as UTF-8, its Content-Length in bytes', async () => {
    // AWS: the proxy response `body` is text sent as UTF-8 (reference §1.8).
    const body = 'Zoë ☃ 😀';
    const response = await respond({ statusCode: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body });
    expect(response.body).toEqual(Buffer.from(body, 'utf8'));
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('headers alone (no statusCode) is 200', async () => {
    expect((await respond({ headers: { 'X-Only': 'yes' } })).status).toBe(200);
  });

  it('merges both header maps, multi-value first', async () => {
    const response = await respond({ statusCode: 200, headers: { 'x-test': 'value-solo' }, multiValueHeaders: { 'X-Test': ['value-multi'], 'Set-Cookie': ['a=1', 'b=2'] } });
    // Two header lines; a client joining them reads `value-multi, value-solo`, as AWS was observed.
    expect(response.headers['x-test']).toEqual(['value-multi', 'value-solo']);
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2']);
  });

  it('remaps Date, Server, Connection and Content-Length', async () => {
    const response = await respond({ statusCode: 200, headers: { Server: 'mine', Date: 'then' }, body: 'x' });
    expect(response.headers).toMatchObject({ 'x-amzn-remapped-server': 'mine', 'x-amzn-remapped-date': 'then' });
  });

  it.each([
    ['a non-numeric statusCode', { statusCode: 'test' }],
    ['an empty object', {}],
    ['an extra top-level key', { statusCode: 200, wrongValue: 'x' }],
    ['a bare string', 'just a string'],
    ['a number', 7],
    ['null', null],
    ['multiValueHeaders with a non-list value', { statusCode: 200, multiValueHeaders: { a: 'b' } }],
    ['a body that is an object', { statusCode: 200, body: { a: 1 } }],
  ])('%s is 502 Internal server error', async (_name, value) => {
    const response = await respond(value);
    expect(response.status).toBe(502);
    expect(response.text).toBe(INTERNAL_ERROR);
    expect(response.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
  });

  it('returns a base64 body undecoded unless the Accept is binary', async () => {
    const bytes = Buffer.from([1, 2, 3, 250]);
    const value = { statusCode: 200, headers: { 'Content-Type': 'image/png' }, body: bytes.toString('base64'), isBase64Encoded: true };
    expect((await respond(value)).text).toBe(bytes.toString('base64'));
    expect((await respond(value, { accept: 'image/png' })).body).toEqual(bytes);
  });
});

describe('failures', () => {
  it('a function error is 502 Internal server error', async () => {
    const api = await deployLambdaApi(portico, { uri: functionUri('proxy-fail') });
    const response = await call(api.url('/x'));
    expect(response.status).toBe(502);
    expect(response.text).toBe(INTERNAL_ERROR);
  });

  it('an unknown function is 500 Internal server error', async () => {
    const api = await deployLambdaApi(portico, { uri: functionUri('does-not-exist') });
    const response = await call(api.url('/x'));
    expect(response.status).toBe(500);
    expect(response.text).toBe(INTERNAL_ERROR);
  });

  it('an integration method other than POST is 500', async () => {
    const api = await deployLambdaApi(portico, { uri: functionUri('proxy-echo'), integrationHttpMethod: 'GET' });
    expect((await call(api.url('/x'))).status).toBe(500);
  });

  it('resolves ${stageVariables.x} in the function name per stage', async () => {
    const api = await deployLambdaApi(portico, { uri: functionUri('${stageVariables.fn}') }, { variables: { fn: 'proxy-echo' } });
    const response = await call(api.url('/via-variable'));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ path: '/via-variable' });
  });

  it('a crashing function answers 502 while another function keeps serving', async () => {
    const crashing = await deployLambdaApi(portico, { uri: functionUri('proxy-crash') });
    const [crashed, served] = await Promise.all([call(crashing.url('/boom')), call(echo.url('/pets/still-here'))]);
    expect(crashed.status).toBe(502);
    expect(crashed.text).toBe(INTERNAL_ERROR);
    expect(served.status).toBe(200);
    expect((await call(crashing.url('/again'))).status).toBe(502);
    expect((await call(echo.url('/pets/after'))).status).toBe(200);
  });
});
