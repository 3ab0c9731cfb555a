// The management API's wire protocol outside the SDK's happy path: unsigned calls, malformed JSON,
// unknown operations, wrong member types, and the AWS error envelope.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortico, type TestPortico } from '../support/portico.js';

const SIGNED = 'AWS4-HMAC-SHA256 Credential=AKIDTEST/20261121/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=00';

let portico: TestPortico;
beforeAll(async () => {
  portico = await startTestPortico();
});
afterAll(() => portico.close());

async function call(method: string, path: string, body?: string, authorization: string | null = SIGNED) {
  const response = await fetch(portico.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(authorization !== null && { authorization }) },
    ...(body !== undefined && { body }),
  });
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), requestId: response.headers.get('x-amzn-requestid'), body: await response.text() };
}

describe('management wire protocol', () => {
  it('rejects an unsigned call with 403 MissingAuthenticationTokenException (AWS)', async () => {
    const response = await call('GET', '/restapis', undefined, null);
    expect(response).toMatchObject({ status: 403, type: 'MissingAuthenticationTokenException', body: '{"message":"Missing Authentication Token"}' });
  });

  it('accepts any SigV4 credentials', async () => {
    const response = await call('GET', '/restapis');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ item: [] });
    expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with a SerializationException and creates nothing', async () => {
    const response = await call('POST', '/restapis', '{"name": ');
    expect(response.status).toBe(400);
    expect(response.type).toBe('SerializationException');
    expect(JSON.parse((await call('GET', '/restapis')).body)).toEqual({ item: [] });
  });

  it('answers a wrong member type with a SerializationException', async () => {
    const response = await call('POST', '/restapis', '{"name": {"nested": true}}');
    expect(response.status).toBe(400);
    expect(response.type).toBe('SerializationException');
  });

  it('answers an unknown operation with 404 UnknownOperationException', async () => {
    const response = await call('GET', '/nothing/here');
    expect(response.status).toBe(404);
    expect(response.type).toBe('UnknownOperationException');
    expect(JSON.parse(response.body)).toHaveProperty('message');
  });
});
