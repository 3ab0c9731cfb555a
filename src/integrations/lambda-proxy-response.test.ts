// Every row of reference §1.8 (Lambda proxy response validation) against readProxyResponse, plus
// the §1.5 AWS_PROXY header remapping and the base64 rules of binaryMediaTypes and Accept.

import { describe, expect, it } from 'vitest';
import { GatewayError } from '../data-plane/gateway-errors.js';
import { compileBinaryMediaTypes } from '../snapshot/compile-binary-media-types.js';
import type { IntegrationInvocation } from './compiled-integration.js';
import { readProxyResponse } from './lambda-proxy-response.js';

const quiet = { warn: () => undefined, error: () => undefined, info: () => undefined };

function invocation(options: { binaryMediaTypes?: string[]; accept?: string } = {}): IntegrationInvocation {
  return {
    rawHeaders: options.accept === undefined ? [] : ['Accept', options.accept],
    logger: quiet,
    servedStage: { snapshot: { binaryMediaTypes: compileBinaryMediaTypes(options.binaryMediaTypes) } },
  } as unknown as IntegrationInvocation;
}

const read = (response: unknown, options?: Parameters<typeof invocation>[0]) =>
  readProxyResponse(Buffer.from(typeof response === 'string' ? response : JSON.stringify(response)), invocation(options));

function expect502(response: unknown): void {
  let thrown: unknown;
  try {
    read(response);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(GatewayError);
  expect((thrown as GatewayError).statusCode).toBe(502);
  expect((thrown as GatewayError).body).toBe('{"message": "Internal server error"}');
}

describe('Lambda proxy response validation (reference §1.8)', () => {
  it('{"statusCode":200} is 200 with an empty body', () => {
    const response = read({ statusCode: 200 });
    expect(response.statusCode).toBe(200);
    expect(response.body.length).toBe(0);
    expect(response.headers).toEqual([]);
  });

  it('accepts a numeric string statusCode', () => {
    expect(read({ statusCode: '201' }).statusCode).toBe(201);
  });

  it('headers without statusCode is 200', () => {
    expect(read({ headers: { a: 'b' } })).toMatchObject({ statusCode: 200, headers: ['a', 'b'] });
  });

  it('headers: null is accepted', () => {
    expect(read({ statusCode: 204, headers: null }).statusCode).toBe(204);
  });

  it('stringifies scalar header values', () => {
    expect(read({ headers: { 'x-bool': true, 'x-number': 3 } }).headers).toEqual(['x-bool', 'true', 'x-number', '3']);
  });

  it.each([
    ['a non-numeric statusCode', { statusCode: 'test' }],
    ['an empty object', {}],
    ['an extra top-level key', { statusCode: 200, wrongValue: 'x' }],
    ['a bare JSON string', 'hello'],
    ['a number', 42],
    ['null', null],
    ['a list', [{ statusCode: 200 }]],
    ['multiValueHeaders with a non-list value', { statusCode: 200, multiValueHeaders: { a: 'b' } }],
    ['headers that are not a map', { statusCode: 200, headers: ['a'] }],
    ['a header with an object value', { statusCode: 200, headers: { a: { b: 1 } } }],
    ['a body that is an object', { statusCode: 200, body: { a: 1 } }],
    ['isBase64Encoded that is not a boolean', { statusCode: 200, isBase64Encoded: 'yes' }],
    ['a statusCode out of range', { statusCode: 1000 }],
    ['a header value with a line break', { statusCode: 200, headers: { a: 'b\r\nc: d' } }],
  ])('%s is 502', (_name, response) => {
    expect502(response);
  });

  it('non-JSON output is 502', () => {
    expect502('not json {');
  });

  it('merges a header in both maps, multi-value first, with the multiValueHeaders spelling', () => {
    const response = read({ headers: { 'x-test': 'value-solo' }, multiValueHeaders: { 'X-Test': ['value-multi'] } });
    expect(response.headers).toEqual(['X-Test', 'value-multi', 'X-Test', 'value-solo']);
  });

  it('remaps Connection, Content-Length, Date and Server; drops Transfer-Encoding (reference §1.5)', () => {
    const response = read({ headers: { Date: 'd', Server: 's', Connection: 'keep-alive', 'Transfer-Encoding': 'chunked', 'X-Kept': 'k' }, multiValueHeaders: { 'content-length': ['5'] } });
    expect(response.headers).toEqual([
      'x-amzn-Remapped-Content-Length',
      '5',
      'x-amzn-Remapped-Date',
      'd',
      'x-amzn-Remapped-Server',
      's',
      'x-amzn-Remapped-Connection',
      'keep-alive',
      'X-Kept',
      'k',
    ]);
  });

  it('returns a base64 body as text when no binaryMediaType matches', () => {
    const body = Buffer.from([0, 1, 2, 255]).toString('base64');
    expect(read({ body, isBase64Encoded: true }).body.toString()).toBe(body);
    expect(read({ body, isBase64Encoded: true }, { binaryMediaTypes: ['image/png'], accept: 'text/html' }).body.toString()).toBe(body);
  });

  it('decodes a base64 body when the Accept is a binaryMediaType', () => {
    const bytes = Buffer.from([0, 1, 2, 255]);
    const body = bytes.toString('base64');
    expect(read({ body, isBase64Encoded: true }, { binaryMediaTypes: ['image/png'], accept: 'image/png' }).body).toEqual(bytes);
    expect(read({ body, isBase64Encoded: true }, { binaryMediaTypes: ['*/*'], accept: 'application/json, image/png' }).body).toEqual(bytes);
  });

  it('leaves a text body alone even when the Accept is binary', () => {
    expect(read({ body: 'plain', isBase64Encoded: false }, { binaryMediaTypes: ['*/*'], accept: 'image/png' }).body.toString()).toBe('plain');
  });
});
