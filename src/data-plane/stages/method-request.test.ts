// method-request through the real data plane (hand-built deployments, real HTTP, a real backend):
// which parameters and bodies pass, AWS's 400 bodies, content-type model selection, and that a
// method without a validator is not checked.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../../../test/support/backend.js';
import { definitionOf, httpProxy, startDataPlaneHarness, type DataPlaneHarness } from '../../../test/support/data-plane-harness.js';
import type { DeploymentDefinition } from '../../model/deployment.js';
import type { GatewayResponse, Method, Model } from '../../model/rest-api.js';

let harness: DataPlaneHarness;
let backend: TestBackend;
beforeAll(async () => {
  harness = await startDataPlaneHarness();
  backend = await startBackend();
});
afterAll(async () => {
  await harness.close();
  await backend.close();
});

const API = 'mreq000001';
const ref = (name: string): string => `https://apigateway.amazonaws.com/restapis/${API}/models/${name}`;
const model = (name: string, schema: unknown): Model => ({ id: name.slice(0, 6).toLowerCase(), name, schema: JSON.stringify(schema), contentType: 'application/json' });

function deploy(settings: Partial<Method>, options: { body?: boolean; parameters?: boolean; gatewayResponses?: GatewayResponse[] } = {}): void {
  const definition: DeploymentDefinition = definitionOf(API, { '/pets/{petId}': { POST: httpProxy(`${backend.url}/echo`) }, '/open': { POST: httpProxy(`${backend.url}/open`) } }, options.gatewayResponses);
  const method = definition.resources.find((resource) => resource.path === '/pets/{petId}')!.resourceMethods!.POST!;
  Object.assign(method, { requestValidatorId: 'val001', ...settings });
  definition.requestValidators = [{ id: 'val001', name: 'v', validateRequestBody: options.body ?? true, validateRequestParameters: options.parameters ?? true }];
  definition.models = [
    model('Pet', { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { $ref: ref('Tag') } } }),
    model('Tag', { type: 'string', enum: ['a', 'b'] }),
    model('Text', { type: 'string' }),
  ];
  harness.deploy(definition, 'test');
}

async function call(path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const response = await fetch(harness.invokeUrl(API, 'test', path), { method: 'POST', ...init });
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), text: await response.text() };
}

describe('required parameters', () => {
  it('lists every missing or blank one, header then path then querystring', async () => {
    deploy({
      requestParameters: {
        'method.request.querystring.qs1': true,
        'method.request.header.x-header-param': true,
        'method.request.path.issuer': true,
        'method.request.querystring.optional': false,
      },
    });
    const missing = await call('/pets/1?qs1=', { headers: { 'x-header-param': '  ' } });
    expect(missing).toEqual({ status: 400, type: 'BadRequestException', text: '{"message": "Missing required request parameters: [x-header-param, issuer, qs1]"}' });
  });

  it('passes when present: header names case-insensitive, query names case-sensitive', async () => {
    deploy({ requestParameters: { 'method.request.header.X-Token': true, 'method.request.querystring.Q': true, 'method.request.path.petId': true } });
    expect((await call('/pets/7?Q=1', { headers: { 'x-token': 't' } })).status).toBe(200);
    expect((await call('/pets/7?q=1', { headers: { 'x-token': 't' } })).text).toBe('{"message": "Missing required request parameters: [Q]"}');
  });

  it('is skipped when the validator does not validate parameters', async () => {
    deploy({ requestParameters: { 'method.request.header.x-a': true } }, { parameters: false });
    expect((await call('/pets/1')).status).toBe(200);
  });
});

describe('body validation', () => {
  it('validates against the model for the content type; `$ref` between models', async () => {
    deploy({ requestModels: { 'application/json': 'Pet' } });
    expect((await call('/pets/1', { headers: { 'content-type': 'application/json' }, body: '{"name":"rex","tag":"a"}' })).status).toBe(200);
    const bad = await call('/pets/1', { headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"name":"rex","tag":"c"}' });
    expect(bad).toEqual({ status: 400, type: 'BadRequestException', text: '{"message": "Invalid request body"}' });
  });

  it('a body that is not JSON fails; no body is read as {}; no Content-Type is application/json', async () => {
    deploy({ requestModels: { 'application/json': 'Pet' } });
    expect((await call('/pets/1', { headers: { 'content-type': 'application/json' }, body: 'name=rex' })).status).toBe(400);
    expect((await call('/pets/1')).status).toBe(400);
    const response = await fetch(harness.invokeUrl(API, 'test', '/pets/1'), { method: 'POST', body: Buffer.from('{"name":"x"}') });
    expect(response.status).toBe(200);
  });

  it('a content type without a model is not validated, unless there is a $default model', async () => {
    deploy({ requestModels: { 'application/json': 'Pet' } });
    expect((await call('/pets/1', { headers: { 'content-type': 'text/plain' }, body: 'hello' })).status).toBe(200);
    deploy({ requestModels: { 'application/json': 'Pet', $default: 'Text' } });
    expect((await call('/pets/1', { headers: { 'content-type': 'text/plain' }, body: '"hello"' })).status).toBe(200);
    expect((await call('/pets/1', { headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(400);
  });

  it('parameters are checked before the body', async () => {
    deploy({ requestParameters: { 'method.request.header.x-a': true }, requestModels: { 'application/json': 'Pet' } });
    expect((await call('/pets/1', { body: '{}' })).text).toBe('{"message": "Missing required request parameters: [x-a]"}');
  });

  it('fills $context.error.validationErrorString for a customised BAD_REQUEST_BODY', async () => {
    const gatewayResponse: GatewayResponse = {
      responseType: 'BAD_REQUEST_BODY',
      responseParameters: {},
      responseTemplates: { 'application/json': '{"message":$context.error.messageString,"details":"$context.error.validationErrorString"}' },
      defaultResponse: false,
    };
    deploy({ requestModels: { 'application/json': 'Pet' } }, { gatewayResponses: [gatewayResponse] });
    const response = await call('/pets/1', { headers: { 'content-type': 'application/json' }, body: '{"tag":"a"}' });
    expect(response.status).toBe(400);
    expect(response.text).toBe('{"message":"Invalid request body","details":"[object has missing required properties (["name"])]"}');
  });

  it('leaves methods without a validator alone', async () => {
    deploy({ requestModels: { 'application/json': 'Pet' } });
    expect((await call('/open', { headers: { 'content-type': 'application/json' }, body: 'not json' })).status).toBe(200);
  });
});
