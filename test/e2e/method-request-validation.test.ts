// Method request validation end to end (reference §4): an API built and deployed through the real
// AWS SDK with models (`$ref` between them, `oneOf`), request validators and required parameters,
// called over HTTP in front of a real backend. AWS's 400 bodies, the BAD_REQUEST_PARAMETERS /
// BAD_REQUEST_BODY gateway responses and `$context.error.validationErrorString`.

import {
  CreateDeploymentCommand,
  CreateModelCommand,
  CreateRequestValidatorCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  type APIGatewayClient,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  type PutMethodCommandInput,
  UpdateMethodCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../support/backend.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let backend: TestBackend;
let apiId: string;
const resources: Record<string, string> = {};

async function model(client: APIGatewayClient, name: string, schema: unknown): Promise<void> {
  await client.send(new CreateModelCommand({ restApiId: apiId, name, contentType: 'application/json', schema: JSON.stringify(schema) }));
}

async function method(client: APIGatewayClient, path: string, input: Partial<PutMethodCommandInput>): Promise<void> {
  const resourceId = resources[path]!;
  await client.send(new PutMethodCommand({ restApiId: apiId, resourceId, httpMethod: 'POST', authorizationType: 'NONE', ...input }));
  await client.send(new PutIntegrationCommand({ restApiId: apiId, resourceId, httpMethod: 'POST', type: 'HTTP_PROXY', integrationHttpMethod: 'POST', uri: `${backend.url}${path}` }));
}

beforeAll(async () => {
  backend = await startBackend();
  portico = await startTestPortico();
  const client = portico.client;
  const api = await client.send(new CreateRestApiCommand({ name: 'validation' }));
  apiId = api.id!;
  const ref = (name: string): string => `https://apigateway.amazonaws.com/restapis/${apiId}/models/${name}`;
  await model(client, 'Tag', { type: 'string', enum: ['good', 'bad'] });
  await model(client, 'Pet', { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 2 }, tag: { $ref: ref('Tag') } }, additionalProperties: false });
  await model(client, 'Circle', { type: 'object', required: ['radius'], properties: { radius: { type: 'number' } } });
  await model(client, 'Square', { type: 'object', required: ['side'], properties: { side: { type: 'number' } } });
  await model(client, 'Shape', { oneOf: [{ $ref: ref('Circle') }, { $ref: ref('Square') }] });
  await model(client, 'Text', { type: 'string' });
  const all = await client.send(new CreateRequestValidatorCommand({ restApiId: apiId, name: 'all', validateRequestBody: true, validateRequestParameters: true }));
  const body = await client.send(new CreateRequestValidatorCommand({ restApiId: apiId, name: 'body', validateRequestBody: true }));
  const pets = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId: api.rootResourceId, pathPart: 'pets' }));
  const pet = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId: pets.id, pathPart: '{petId}' }));
  const shapes = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId: api.rootResourceId, pathPart: 'shapes' }));
  Object.assign(resources, { '/pets/{petId}': pet.id, '/shapes': shapes.id });
  await method(client, '/pets/{petId}', {
    requestValidatorId: all.id,
    requestParameters: {
      'method.request.header.X-Api-Version': true,
      'method.request.path.petId': true,
      'method.request.path.issuer': true,
      'method.request.querystring.tenant': true,
      'method.request.querystring.page': false,
    },
    requestModels: { 'application/json': 'Pet' },
  });
  await method(client, '/shapes', { requestValidatorId: body.id, requestModels: { 'application/json': 'Shape', $default: 'Text' } });
  await client.send(
    new PutGatewayResponseCommand({
      restApiId: apiId,
      responseType: 'BAD_REQUEST_BODY',
      statusCode: '422',
      responseTemplates: { 'application/json': '{"error":$context.error.messageString,"details":"$context.error.validationErrorString"}' },
    }),
  );
  await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod' }));
});
afterAll(async () => {
  await portico.close();
  await backend.close();
});

async function call(path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const response = await fetch(`${portico.url}/_aws/execute-api/${apiId}/prod${path}`, { method: 'POST', ...init });
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype'), text: await response.text() };
}

const JSON_TYPE = { 'content-type': 'application/json' };

describe('required request parameters', () => {
  it('answers 400 listing the missing ones (a path parameter the resource lacks is always missing)', async () => {
    const before = backend.requests.length;
    const response = await call('/pets/7', { headers: JSON_TYPE, body: '{"name":"rex"}' });
    expect(response).toEqual({ status: 400, errorType: 'BadRequestException', text: '{"message": "Missing required request parameters: [X-Api-Version, issuer, tenant]"}' });
    expect(backend.requests.length).toBe(before);
  });

  it('counts blank values as missing; header names are case-insensitive, query names are not', async () => {
    const blank = await call('/pets/7?tenant=', { headers: { ...JSON_TYPE, 'x-api-version': ' ' }, body: '{"name":"rex"}' });
    expect(blank.text).toBe('{"message": "Missing required request parameters: [X-Api-Version, issuer, tenant]"}');
    const upper = await call('/pets/7?TENANT=a', { headers: { ...JSON_TYPE, 'x-api-version': '1' }, body: '{"name":"rex"}' });
    expect(upper.text).toBe('{"message": "Missing required request parameters: [issuer, tenant]"}');
  });
});

describe('body validation', () => {
  it('passes a body matching the model, `$ref` included, to the backend', async () => {
    const response = await call('/shapes', { headers: JSON_TYPE, body: '{"radius":2}' });
    expect(response.status).toBe(200);
    expect(backend.requests.at(-1)).toMatchObject({ url: '/shapes' });
    expect(backend.requests.at(-1)?.body.toString()).toBe('{"radius":2}');
  });

  it('oneOf: exactly one branch must match', async () => {
    expect((await call('/shapes', { headers: JSON_TYPE, body: '{"side":1}' })).status).toBe(200);
    const none = await call('/shapes', { headers: JSON_TYPE, body: '{"edge":1}' });
    expect(none).toEqual({
      status: 422,
      errorType: 'BadRequestException',
      text: '{"error":"Invalid request body","details":"[instance failed to match exactly one schema (matched 0 out of 2)]"}',
    });
    const both = await call('/shapes', { headers: JSON_TYPE, body: '{"radius":1,"side":1}' });
    expect(both.text).toContain('(matched 2 out of 2)');
  });

  it('a body that is not JSON fails a JSON model; another content type uses the $default model', async () => {
    expect((await call('/shapes', { headers: JSON_TYPE, body: 'radius=2' })).status).toBe(422);
    expect((await call('/shapes', { headers: { 'content-type': 'text/plain' }, body: '"just text"' })).status).toBe(200);
    expect((await call('/shapes', { headers: { 'content-type': 'text/plain' }, body: '{"radius":2}' })).status).toBe(422);
  });

  it('fills $context.error.validationErrorString in the Java validator wording', async () => {
    const headers = { ...JSON_TYPE, 'x-api-version': '1' };
    const bad = await call('/shapes', { headers, body: '{"radius":"2"}' });
    expect(bad.text).toBe('{"error":"Invalid request body","details":"[instance failed to match exactly one schema (matched 0 out of 2)]"}');
    await portico.client.send(
      new UpdateMethodCommand({
        restApiId: apiId,
        resourceId: resources['/pets/{petId}']!,
        httpMethod: 'POST',
        patchOperations: [{ op: 'remove', path: '/requestParameters/method.request.path.issuer' }],
      }),
    );
    await portico.client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod' }));
    const missing = await call('/pets/7?tenant=a', { headers, body: '{"tag":"good","x":1}' });
    expect(missing.text).toBe('{"error":"Invalid request body","details":"[object instance has properties which are not allowed by the schema: ["x"], object has missing required properties (["name"])]"}');
    const nested = await call('/pets/7?tenant=a', { headers, body: '{"name":"r","tag":"ugly"}' });
    expect(nested.text).toBe(
      '{"error":"Invalid request body","details":"[string "r" is too short (length: 1, required minimum: 2), instance value ("ugly") not found in enum (possible values: ["good","bad"])]"}',
    );
    expect((await call('/pets/7?tenant=a', { headers, body: '{"name":"rex","tag":"good"}' })).status).toBe(200);
  });

  it('stops validating once the validator is detached and the API redeployed', async () => {
    await portico.client.send(
      new UpdateMethodCommand({ restApiId: apiId, resourceId: resources['/shapes']!, httpMethod: 'POST', patchOperations: [{ op: 'replace', path: '/requestValidatorId', value: '' }] }),
    );
    expect((await call('/shapes', { headers: JSON_TYPE, body: 'anything' })).status).toBe(422);
    await portico.client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod' }));
    expect((await call('/shapes', { headers: JSON_TYPE, body: 'anything' })).status).toBe(200);
  });
});
