// A cached Lambda TOKEN authorizer's cost: the MOCK-with-templates method behind a TOKEN authorizer
// (bench/peers/serverless/handler.js `authorizer`, TTL 300 s, one repeated token, so every measured
// request is a cache hit), against the same MOCK method without one in the same run.

import { CreateAuthorizerCommand, PutIntegrationCommand, PutIntegrationResponseCommand, PutMethodCommand, PutMethodResponseCommand } from '@aws-sdk/client-api-gateway';
import { expectBody } from '../contenders/checks.js';
import { porticoContender } from '../contenders/portico.js';
import { createBenchFunction, lambdaIntegrationUri } from '../portico/lambda-functions.js';
import { createResource, createRestApi, deploy, requireFeature, STAGE } from '../portico/management.js';
import type { PorticoHandle } from '../portico/portico-handle.js';
import { mock, MOCK_REQUEST_TEMPLATE, MOCK_RESPONSE_TEMPLATE } from './mock.js';
import type { LoadScenario, LoadTarget } from './scenario.js';

async function setupAuthorizedMock(portico: PorticoHandle): Promise<LoadTarget> {
  const client = portico.apigateway;
  await requireFeature('Lambda functions (CreateFunction)', () => createBenchFunction(portico, 'bench-token-authorizer', 'authorizer'));
  const api = await requireFeature('REST APIs', () => createRestApi(client, 'bench-authorizer'));
  const authorizer = await requireFeature('Lambda authorizers', () =>
    client.send(
      new CreateAuthorizerCommand({
        restApiId: api.id,
        name: 'token',
        type: 'TOKEN',
        authorizerUri: lambdaIntegrationUri('bench-token-authorizer'),
        identitySource: 'method.request.header.Authorization',
        authorizerResultTtlInSeconds: 300,
      }),
    ),
  );
  const resource = await createResource(client, api.id, api.rootId, '/', 'mock');
  const method = { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET' };
  await requireFeature('methods with a Lambda authorizer', async () => {
    await client.send(new PutMethodCommand({ ...method, authorizationType: 'CUSTOM', authorizerId: authorizer.id }));
    await client.send(new PutIntegrationCommand({ ...method, type: 'MOCK', requestTemplates: { 'application/json': MOCK_REQUEST_TEMPLATE } }));
    await client.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
    await client.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': MOCK_RESPONSE_TEMPLATE } }));
    await deploy(client, api.id);
  });
  return {
    url: portico.invokeUrl(api.id, STAGE, '/mock?name=bench'),
    headers: { Authorization: 'Bearer bench-token' },
    check: expectBody('hello from mock', '"name": "bench"'),
    feature: 'MOCK method behind a cached Lambda TOKEN authorizer',
  };
}

export const authorizer: LoadScenario = {
  kind: 'load',
  name: 'authorizer',
  title: 'MOCK behind a cached Lambda TOKEN authorizer',
  setup: (portico) => setupAuthorizedMock(portico),
  baseline: porticoContender('portico-plain-mock', 'Portico: same MOCK without the authorizer', (portico, env) => mock.setup(portico, env)),
  peers: [],
  targets: [{ label: 'MOCK + cached Lambda authorizer >= 0.8x the same MOCK without one', against: 'baseline', metric: 'requestsPerSecond', atLeast: 0.8 }],
};
