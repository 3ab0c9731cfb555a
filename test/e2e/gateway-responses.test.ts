// GatewayResponse operations through the real AWS SDK (reference §1.4): all 21 types listed with
// AWS's defaults, DEFAULT_4XX/5XX inheritance in the listing, put/get/update/delete, and that a
// customisation reaches API traffic after the next deployment.

import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  DeleteGatewayResponseCommand,
  GetGatewayResponseCommand,
  GetGatewayResponsesCommand,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateGatewayResponseCommand,
  type GatewayResponseType,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
beforeAll(async () => {
  portico = await startTestPortico();
});
afterAll(() => portico.close());

const DEFAULT_TEMPLATES = { 'application/json': '{"message":$context.error.messageString}' };

async function newApi(): Promise<{ id: string; rootResourceId: string }> {
  const api = await portico.client.send(new CreateRestApiCommand({ name: 'gw' }));
  return { id: api.id!, rootResourceId: api.rootResourceId! };
}

describe('GetGatewayResponses', () => {
  it('lists all 21 types with AWS defaults; DEFAULT_4XX/5XX have no statusCode', async () => {
    const { id } = await newApi();
    const list = await portico.client.send(new GetGatewayResponsesCommand({ restApiId: id }));
    expect(list.items).toHaveLength(21);
    const byType = new Map(list.items!.map((item) => [item.responseType, item]));
    expect(byType.get('MISSING_AUTHENTICATION_TOKEN')).toEqual({
      responseType: 'MISSING_AUTHENTICATION_TOKEN',
      statusCode: '403',
      responseParameters: {},
      responseTemplates: DEFAULT_TEMPLATES,
      defaultResponse: true,
    });
    expect(byType.get('INTEGRATION_TIMEOUT')?.statusCode).toBe('504');
    expect(byType.get('REQUEST_TOO_LARGE')?.statusCode).toBe('413');
    expect(byType.get('DEFAULT_4XX')).toEqual({ responseType: 'DEFAULT_4XX', responseParameters: {}, responseTemplates: DEFAULT_TEMPLATES, defaultResponse: true });
    expect(byType.get('DEFAULT_5XX')?.statusCode).toBeUndefined();
  });

  it('after a DEFAULT_5XX put, other 5xx types show its status/params/templates, still defaultResponse: true (AWS)', async () => {
    const { id } = await newApi();
    await portico.client.send(
      new PutGatewayResponseCommand({ restApiId: id, responseType: 'DEFAULT_5XX', statusCode: '599', responseParameters: { 'gatewayresponse.header.x-a': "'b'" }, responseTemplates: { 'text/plain': 'oops' } }),
    );
    const list = await portico.client.send(new GetGatewayResponsesCommand({ restApiId: id }));
    const byType = new Map(list.items!.map((item) => [item.responseType, item]));
    expect(byType.get('INTEGRATION_FAILURE')).toEqual({
      responseType: 'INTEGRATION_FAILURE',
      statusCode: '599',
      responseParameters: { 'gatewayresponse.header.x-a': "'b'" },
      responseTemplates: { 'text/plain': 'oops' },
      defaultResponse: true,
    });
    expect(byType.get('DEFAULT_5XX')?.defaultResponse).toBe(false);
    expect(byType.get('THROTTLED')).toMatchObject({ statusCode: '429', defaultResponse: true, responseTemplates: DEFAULT_TEMPLATES });
  });

  it('answers 404 for an unknown API', async () => {
    await expect(portico.client.send(new GetGatewayResponsesCommand({ restApiId: 'nosuchapi0' }))).rejects.toMatchObject({ name: 'NotFoundException' });
  });
});

describe('Put / Get / Update / Delete GatewayResponse', () => {
  it('puts a customisation (201) and gets it back with defaultResponse false', async () => {
    const { id } = await newApi();
    const put = await portico.client.send(
      new PutGatewayResponseCommand({ restApiId: id, responseType: 'MISSING_AUTHENTICATION_TOKEN', statusCode: '404', responseParameters: { 'gatewayresponse.header.x-b': "'c'" } }),
    );
    expect(put.$metadata.httpStatusCode).toBe(201);
    expect(put).toMatchObject({ responseType: 'MISSING_AUTHENTICATION_TOKEN', statusCode: '404', defaultResponse: false, responseTemplates: DEFAULT_TEMPLATES });
    const got = await portico.client.send(new GetGatewayResponseCommand({ restApiId: id, responseType: 'MISSING_AUTHENTICATION_TOKEN' }));
    expect(got).toMatchObject({ statusCode: '404', responseParameters: { 'gatewayresponse.header.x-b': "'c'" }, defaultResponse: false });
  });

  it('without a statusCode, a put shows the type default status', async () => {
    const { id } = await newApi();
    const put = await portico.client.send(new PutGatewayResponseCommand({ restApiId: id, responseType: 'THROTTLED' }));
    expect(put).toMatchObject({ statusCode: '429', defaultResponse: false });
  });

  it('updates with patch operations, also creating a customisation from the default', async () => {
    const { id } = await newApi();
    const updated = await portico.client.send(
      new UpdateGatewayResponseCommand({
        restApiId: id,
        responseType: 'ACCESS_DENIED',
        patchOperations: [
          { op: 'replace', path: '/statusCode', value: '401' },
          { op: 'add', path: '/responseParameters/gatewayresponse.header.x-z', value: "'z'" },
          { op: 'replace', path: '/responseTemplates/application~1json', value: '{"denied":true}' },
        ],
      }),
    );
    expect(updated).toMatchObject({
      statusCode: '401',
      responseParameters: { 'gatewayresponse.header.x-z': "'z'" },
      responseTemplates: { 'application/json': '{"denied":true}' },
      defaultResponse: false,
    });
    await expect(
      portico.client.send(new UpdateGatewayResponseCommand({ restApiId: id, responseType: 'ACCESS_DENIED', patchOperations: [{ op: 'replace', path: '/nope', value: 'x' }] })),
    ).rejects.toMatchObject({ name: 'BadRequestException' });
  });

  it('deletes a customisation (202), restoring the default; deleting an undefined one is 404 (AWS)', async () => {
    const { id } = await newApi();
    await portico.client.send(new PutGatewayResponseCommand({ restApiId: id, responseType: 'THROTTLED', statusCode: '503' }));
    const deleted = await portico.client.send(new DeleteGatewayResponseCommand({ restApiId: id, responseType: 'THROTTLED' }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    const got = await portico.client.send(new GetGatewayResponseCommand({ restApiId: id, responseType: 'THROTTLED' }));
    expect(got).toMatchObject({ statusCode: '429', defaultResponse: true });
    await expect(portico.client.send(new DeleteGatewayResponseCommand({ restApiId: id, responseType: 'THROTTLED' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Gateway response type not defined on api',
    });
  });

  it('refuses an unknown type with a ValidationException', async () => {
    const { id } = await newApi();
    await expect(portico.client.send(new GetGatewayResponseCommand({ restApiId: id, responseType: 'NOPE' as GatewayResponseType }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("Value 'NOPE' at 'responseType' failed to satisfy constraint") as unknown,
    });
  });
});

describe('a customisation reaches API traffic with the next deployment', () => {
  it('MISSING_AUTHENTICATION_TOKEN customised to 404', async () => {
    const { id, rootResourceId } = await newApi();
    await portico.client.send(new PutMethodCommand({ restApiId: id, resourceId: rootResourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
    await portico.client.send(new PutIntegrationCommand({ restApiId: id, resourceId: rootResourceId, httpMethod: 'GET', type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: 'http://127.0.0.1:1/' }));
    await portico.client.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod' }));
    const url = `${portico.url}/_aws/execute-api/${id}/prod/missing`;
    expect((await fetch(url)).status).toBe(403);
    await portico.client.send(
      new PutGatewayResponseCommand({ restApiId: id, responseType: 'MISSING_AUTHENTICATION_TOKEN', statusCode: '404', responseTemplates: { 'application/json': '{"nope":"$context.resourcePath"}' } }),
    );
    expect((await fetch(url)).status).toBe(403);
    await portico.client.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod' }));
    const response = await fetch(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('{"nope":""}');
  });
});
