// The three local invoke URL forms on one port (reference §1.1), unknown API / stage answers, and
// that everything else still reaches the management API. Real HTTP clients against a real backend.

import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitionOf, httpProxy, startDataPlaneHarness, type DataPlaneHarness } from '../support/data-plane-harness.js';
import { startBackend, type TestBackend } from '../support/backend.js';

let harness: DataPlaneHarness;
let backend: TestBackend;

beforeAll(async () => {
  backend = await startBackend();
  harness = await startDataPlaneHarness();
  harness.deploy(definitionOf('abc123defg', { '/{proxy+}': { ANY: httpProxy(`${backend.url}/{proxy}`, { requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' } }) }, '/': { GET: httpProxy(`${backend.url}/root`) } }), 'prod');
});
afterAll(async () => {
  await harness.close();
  await backend.close();
});

async function call(path: string, headers: Record<string, string> = {}) {
  const response = await request(harness.url + path, { headers });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text, json: () => JSON.parse(text) as { url: string } };
}

describe('invoke URL forms', () => {
  it('host form: {apiId}.execute-api.{anything} with /{stage}/{path}', async () => {
    const response = await call('/prod/pets/1?x=1', { host: 'abc123defg.execute-api.localhost.localstack.cloud:4566' });
    expect(response.status).toBe(200);
    expect(response.json().url).toBe('/pets/1?x=1');
  });

  it('path form: /_aws/execute-api/{apiId}/{stage}/{path}', async () => {
    const response = await call('/_aws/execute-api/abc123defg/prod/pets/2?y=2');
    expect(response.status).toBe(200);
    expect(response.json().url).toBe('/pets/2?y=2');
  });

  it('legacy form: /restapis/{apiId}/{stage}/_user_request_/{path}', async () => {
    const response = await call('/restapis/abc123defg/prod/_user_request_/pets/3');
    expect(response.status).toBe(200);
    expect(response.json().url).toBe('/pets/3');
  });

  it('each form reaches the root resource', async () => {
    expect((await call('/_aws/execute-api/abc123defg/prod')).json().url).toBe('/root');
    expect((await call('/_aws/execute-api/abc123defg/prod/')).json().url).toBe('/root');
    expect((await call('/restapis/abc123defg/prod/_user_request_')).json().url).toBe('/root');
    expect((await call('/', { host: 'abc123defg.execute-api.example.test' })).status).toBe(403);
    expect((await call('/prod', { host: 'abc123defg.execute-api.example.test' })).json().url).toBe('/root');
  });
});

describe('unknown API or stage', () => {
  const forbidden = '{"message":"Forbidden"}';

  it.each([
    ['/_aws/execute-api/nosuchapi0/prod/pets'],
    ['/_aws/execute-api/abc123defg/nosuchstage/pets'],
    ['/_aws/execute-api/abc123defg/PROD/pets'],
    ['/_aws/execute-api/abc123defg'],
    ['/restapis/abc123defg/dev/_user_request_/x'],
  ])('%s → 403 {"message":"Forbidden"} ForbiddenException (AWS, error type UNCONFIRMED)', async (path) => {
    const response = await call(path);
    expect(response.status).toBe(403);
    expect(response.text).toBe(forbidden);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-amzn-errortype']).toBe('ForbiddenException');
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-amz-apigw-id']).toMatch(/^.{15}=$/);
  });

  it('host form without a stage → 403 Forbidden', async () => {
    const response = await call('/', { host: 'nosuchapi0.execute-api.localhost' });
    expect(response.text).toBe(forbidden);
  });
});

describe('not an invoke URL', () => {
  it.each(['/restapis', '/restapis/abc123defg/resources', '/restapis/abc123defg/stages/prod', '/_aws/other', '/'])('%s goes to the management API', async (path) => {
    const response = await call(path);
    expect(response.status).toBe(404);
    expect(response.text).toContain('management API');
  });
});
