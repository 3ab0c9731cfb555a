// The AWS (Lambda custom) integration end to end: the request template's output is the event
// (passthrough without one), a function error's `errorMessage` picks the integration response by
// `selectionPattern`, a success takes the default response, response templates apply; an unknown
// function is 500. Reference §1.9, §2.3; AWS developer guide "Handle Lambda errors in API Gateway".

import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createFixtureFunction, functionUri, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let url: (path: string) => string;

async function addMethod(
  client: APIGatewayClient,
  apiId: string,
  parentId: string,
  pathPart: string,
  options: { uri: string; requestTemplates?: Record<string, string>; responses: Array<{ statusCode: string; selectionPattern?: string; responseTemplates?: Record<string, string> }> },
): Promise<void> {
  const resource = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId, pathPart }));
  const resourceId = resource.id!;
  await client.send(new PutMethodCommand({ restApiId: apiId, resourceId, httpMethod: 'POST', authorizationType: 'NONE' }));
  await client.send(
    new PutIntegrationCommand({
      restApiId: apiId,
      resourceId,
      httpMethod: 'POST',
      type: 'AWS',
      integrationHttpMethod: 'POST',
      uri: options.uri,
      ...(options.requestTemplates && { requestTemplates: options.requestTemplates }),
    }),
  );
  for (const response of options.responses) {
    await client.send(new PutMethodResponseCommand({ restApiId: apiId, resourceId, httpMethod: 'POST', statusCode: response.statusCode }));
    await client.send(new PutIntegrationResponseCommand({ restApiId: apiId, resourceId, httpMethod: 'POST', ...response }));
  }
}

beforeAll(async () => {
  portico = await startTestPortico();
  await createFixtureFunction(lambdaClient(portico), 'custom', 'custom.js');
  const client = portico.client;
  const api = await client.send(new CreateRestApiCommand({ name: 'custom' }));
  const apiId = api.id!;
  await addMethod(client, apiId, api.rootResourceId!, 'greet', {
    uri: functionUri('custom'),
    requestTemplates: { 'application/json': '{"name": "$input.path(\'$.who\')", "fail": "$util.escapeJavaScript($input.path(\'$.fail\'))", "stage": "$context.stage"}' },
    responses: [
      { statusCode: '200', responseTemplates: { 'application/json': '{"message": "$input.path(\'$.greeting\')"}' } },
      { statusCode: '404', selectionPattern: '.*not found.*', responseTemplates: { 'application/json': '{"error": "$input.path(\'$.errorMessage\')"}' } },
      { statusCode: '400', selectionPattern: 'Bad request.*' },
    ],
  });
  await addMethod(client, apiId, api.rootResourceId!, 'raw', { uri: functionUri('custom'), responses: [{ statusCode: '200' }] });
  await addMethod(client, apiId, api.rootResourceId!, 'ghost', { uri: functionUri('ghost'), responses: [{ statusCode: '200' }] });
  await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'v1' }));
  url = (path) => `${portico.url}/_aws/execute-api/${apiId}/v1${path}`;
});
afterAll(async () => {
  await portico.close();
});

const post = (path: string, body: unknown) => call(url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('Lambda custom integration', () => {
  it('sends the request template output as the event; success takes the default response and its template', async () => {
    const response = await post('/greet', { who: 'ann' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ message: 'hello ann' });
  });

  it('a function error whose errorMessage matches a selectionPattern picks that response', async () => {
    const response = await post('/greet', { who: 'ann', fail: 'user not found here' });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.text)).toEqual({ error: 'user not found here' });
    const bad = await post('/greet', { fail: 'Bad request: no name' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ errorMessage: 'Bad request: no name', errorType: 'Error' });
  });

  it('passes the body through as the event without a template; an unmatched error is 200 with the error JSON', async () => {
    const ok = await post('/raw', { name: 'raw' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ greeting: 'hello raw', received: { name: 'raw' } });
    const failed = await post('/raw', { fail: 'something else' });
    expect(failed.status).toBe(200);
    expect(JSON.parse(failed.text)).toMatchObject({ errorType: 'Error', errorMessage: 'something else' });
  });

  it('an unknown function is 500 Internal server error', async () => {
    const response = await post('/ghost', {});
    expect(response.status).toBe(500);
    expect(response.text).toBe('{"message": "Internal server error"}');
  });
});
