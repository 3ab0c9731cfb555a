// Binary payloads through non-proxy HTTP integrations (reference §2.5; developer guide "Content
// type conversions in API Gateway"): the API's binaryMediaTypes, contentHandling on the integration
// request and on integration responses, the request Accept, and what templates see.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../support/backend.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { TestApi } from './mapping-api.js';

let portico: TestPortico;
let backend: TestBackend;
let api: TestApi;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10]);
const PNG_BASE64 = PNG.toString('base64');

beforeAll(async () => {
  backend = await startBackend((request, res) => {
    if (request.url === '/image') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(PNG);
    } else if (request.url === '/b64') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(PNG_BASE64);
    } else if (request.url === '/not-b64') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('not base64!');
    } else {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
    }
  });
  portico = await startTestPortico();
  api = await TestApi.create(portico.client, portico.url, 'binary-mapping', ['application/octet-stream', 'image/*']);
  const sink = (extra: object) => ({
    integration: { type: 'HTTP' as const, integrationHttpMethod: 'POST', uri: `${backend.url}/sink`, ...extra },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200' }],
  });
  await api.method('/upload-text', 'POST', sink({ contentHandling: 'CONVERT_TO_TEXT' }));
  await api.method('/upload-raw', 'POST', sink({}));
  await api.method('/upload-template', 'POST', sink({ requestTemplates: { 'application/octet-stream': '{"data": "$input.body"}' } }));
  await api.method('/decode', 'POST', sink({ contentHandling: 'CONVERT_TO_BINARY' }));
  const download = (path: string, response: object) => ({
    integration: { type: 'HTTP' as const, integrationHttpMethod: 'GET', uri: `${backend.url}${path}` },
    methodResponses: { '200': { 'method.response.header.Content-Type': false } },
    integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Content-Type': 'integration.response.header.Content-Type' }, ...response }],
  });
  await api.method('/image', 'GET', download('/image', {}));
  await api.method('/image-text', 'GET', download('/image', { contentHandling: 'CONVERT_TO_TEXT' }));
  await api.method('/image-template', 'GET', download('/image', { responseTemplates: { 'application/json': '{"data": "$input.body"}' } }));
  await api.method('/b64', 'GET', download('/b64', { contentHandling: 'CONVERT_TO_BINARY' }));
  await api.method('/not-b64', 'GET', download('/not-b64', { contentHandling: 'CONVERT_TO_BINARY' }));
  await api.deploy();
});
afterAll(async () => {
  await portico.close();
  await backend.close();
});

const lastBody = () => backend.requests.at(-1)!.body;
const octets = { 'content-type': 'application/octet-stream' };

describe('request payloads', () => {
  it('binary + CONVERT_TO_TEXT reaches the backend as base64 text', async () => {
    expect((await api.call('/upload-text', { method: 'POST', headers: octets, body: PNG })).status).toBe(200);
    expect(lastBody().toString()).toBe(PNG_BASE64);
  });

  it('binary without contentHandling passes through unchanged', async () => {
    await api.call('/upload-raw', { method: 'POST', headers: octets, body: PNG });
    expect(lastBody()).toEqual(PNG);
  });

  it('a template sees a binary payload as base64 ($input.body)', async () => {
    await api.call('/upload-template', { method: 'POST', headers: octets, body: PNG });
    expect(lastBody().toString()).toBe(`{"data": "${PNG_BASE64}"}`);
  });

  it('text + CONVERT_TO_BINARY is base64-decoded', async () => {
    await api.call('/decode', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: PNG_BASE64 });
    expect(lastBody()).toEqual(PNG);
  });
});

describe('response payloads', () => {
  it('binary payload + binary Accept passes the bytes through', async () => {
    const response = await api.call('/image', { headers: { accept: 'image/png' } });
    expect(response.body).toEqual(PNG);
    expect(response.headers['content-type']).toBe('image/png');
  });

  it('binary payload + text Accept gives base64 text', async () => {
    expect((await api.call('/image', { headers: { accept: 'application/json' } })).text).toBe(PNG_BASE64);
    expect((await api.call('/image')).text).toBe(PNG_BASE64);
  });

  it('CONVERT_TO_TEXT gives base64 text whatever the Accept', async () => {
    expect((await api.call('/image-text', { headers: { accept: 'image/png' } })).text).toBe(PNG_BASE64);
  });

  it('a response template sees a binary payload as base64', async () => {
    expect((await api.call('/image-template')).text).toBe(`{"data": "${PNG_BASE64}"}`);
  });

  it('text payload + CONVERT_TO_BINARY is decoded; text that is not base64 answers 500', async () => {
    expect((await api.call('/b64')).body).toEqual(PNG);
    const failed = await api.call('/not-b64');
    expect([failed.status, failed.text]).toEqual([500, '{"message": "Internal server error"}']);
  });
});
