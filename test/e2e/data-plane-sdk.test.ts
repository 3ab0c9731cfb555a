// The data plane end to end: an API built and deployed through the real AWS SDK, then called over
// HTTP against a real backend — routing, path parameter mappings, stage variables, redeploys and a
// restart that restores what each stage serves.

import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../support/backend.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let backend: TestBackend;
let apiId: string;

beforeAll(async () => {
  backend = await startBackend();
  portico = await startTestPortico();
  const client = portico.client;
  const api = await client.send(new CreateRestApiCommand({ name: 'pets' }));
  apiId = api.id!;
  const pets = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId: api.rootResourceId, pathPart: 'pets' }));
  const pet = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId: pets.id, pathPart: '{petId}' }));
  const proxy = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId: api.rootResourceId, pathPart: '{proxy+}' }));
  await client.send(new PutMethodCommand({ restApiId: apiId, resourceId: pet.id, httpMethod: 'GET', authorizationType: 'NONE', requestParameters: { 'method.request.path.petId': true } }));
  await client.send(
    new PutIntegrationCommand({
      restApiId: apiId,
      resourceId: pet.id,
      httpMethod: 'GET',
      type: 'HTTP_PROXY',
      integrationHttpMethod: 'GET',
      uri: 'http://${stageVariables.backend}/animals/{id}',
      requestParameters: { 'integration.request.path.id': 'method.request.path.petId' },
    }),
  );
  await client.send(new PutMethodCommand({ restApiId: apiId, resourceId: proxy.id, httpMethod: 'ANY', authorizationType: 'NONE', requestParameters: { 'method.request.path.proxy': true } }));
  await client.send(
    new PutIntegrationCommand({
      restApiId: apiId,
      resourceId: proxy.id,
      httpMethod: 'ANY',
      type: 'HTTP_PROXY',
      integrationHttpMethod: 'ANY',
      uri: `${backend.url}/catch/{proxy}`,
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
    }),
  );
  await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod', variables: { backend: `127.0.0.1:${backend.port}` } }));
});
afterAll(async () => {
  await portico.close();
  await backend.close();
});

const invoke = (path: string, init?: RequestInit) => fetch(`${portico.url}/_aws/execute-api/${apiId}/prod${path}`, init);

describe('an API deployed through the SDK', () => {
  it('routes /pets/{petId} with its path mapping and stage variable host', async () => {
    const response = await invoke('/pets/42?x=1');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { url: string }).url).toBe('/animals/42?x=1');
  });

  it('routes everything else to /{proxy+} with the client verb', async () => {
    const response = await invoke('/a/b', { method: 'PUT', body: 'x' });
    expect(response.status).toBe(200);
    expect(backend.requests.at(-1)).toMatchObject({ method: 'PUT', url: '/catch/a/b' });
  });

  it('the three invoke URL forms reach the same stage', async () => {
    const legacy = await fetch(`${portico.url}/restapis/${apiId}/prod/_user_request_/pets/1`);
    expect(((await legacy.json()) as { url: string }).url).toBe('/animals/1');
    // fetch may not set Host; undici's request may.
    const hosted = await request(`${portico.url}/prod/pets/2`, { headers: { host: `${apiId}.execute-api.localhost.localstack.cloud` } });
    expect(((await hosted.body.json()) as { url: string }).url).toBe('/animals/2');
  });

  it('a stage variable update takes effect without redeploying', async () => {
    await portico.client.send(new UpdateStageCommand({ restApiId: apiId, stageName: 'prod', patchOperations: [{ op: 'replace', path: '/variables/backend', value: '127.0.0.1:1' }] }));
    expect((await invoke('/pets/1')).status).toBe(500);
    await portico.client.send(new UpdateStageCommand({ restApiId: apiId, stageName: 'prod', patchOperations: [{ op: 'replace', path: '/variables/backend', value: `127.0.0.1:${backend.port}` }] }));
    expect((await invoke('/pets/1')).status).toBe(200);
  });

  it('an unknown stage is 403 Forbidden; no route is 403 Missing Authentication Token', async () => {
    const unknown = await fetch(`${portico.url}/_aws/execute-api/${apiId}/dev/pets/1`);
    expect([unknown.status, await unknown.text()]).toEqual([403, '{"message":"Forbidden"}']);
    const root = await invoke('/');
    expect([root.status, await root.text()]).toEqual([403, '{"message":"Missing Authentication Token"}']);
  });

  it('serves the same after a restart (stages restored from the store)', async () => {
    portico = await portico.restart();
    const response = await invoke('/pets/7');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { url: string }).url).toBe('/animals/7');
  });
});
