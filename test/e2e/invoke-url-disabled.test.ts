// `disableExecuteApiEndpoint`: once an API that sets it is deployed, its default (execute-api)
// endpoint answers 403 `{"message":"Forbidden"}`; the change, like every API setting, takes effect
// on the next deployment. Reference §1.1; AWS developer guide "Disable the default endpoint for REST APIs".

import { CreateDeploymentCommand, UpdateRestApiCommand } from '@aws-sdk/client-api-gateway';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { TestApi } from './mapping-api.js';

let portico: TestPortico;
beforeAll(async () => {
  portico = await startTestPortico();
});
afterAll(async () => {
  await portico.close();
});

async function call(apiId: string): Promise<{ status: number; body: string; errorType: unknown }> {
  const response = await request(`${portico.url}/_aws/execute-api/${apiId}/prod/hello`);
  return { status: response.statusCode, body: await response.body.text(), errorType: response.headers['x-amzn-errortype'] };
}

describe('disableExecuteApiEndpoint', () => {
  it('answers 403 Forbidden on the default endpoint once deployed, and serves again when re-enabled and redeployed', async () => {
    const api = await TestApi.create(portico.client, portico.url, 'disabled-endpoint');
    await api.method('/hello', 'GET', {
      integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
      methodResponses: { '200': {} },
      integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"hello":"world"}' } }],
    });
    await api.deploy('prod');
    expect(await call(api.id)).toMatchObject({ status: 200, body: '{"hello":"world"}' });

    await portico.client.send(new UpdateRestApiCommand({ restApiId: api.id, patchOperations: [{ op: 'replace', path: '/disableExecuteApiEndpoint', value: 'true' }] }));
    // Not yet deployed: the stage still serves its snapshot.
    expect((await call(api.id)).status).toBe(200);
    await portico.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
    expect(await call(api.id)).toEqual({ status: 403, body: '{"message":"Forbidden"}', errorType: 'ForbiddenException' });

    await portico.client.send(new UpdateRestApiCommand({ restApiId: api.id, patchOperations: [{ op: 'replace', path: '/disableExecuteApiEndpoint', value: 'false' }] }));
    await portico.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
    expect((await call(api.id)).status).toBe(200);
  });
});
