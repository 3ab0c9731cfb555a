// A Cognito user pool authorizer's cost: the MOCK-with-templates method behind a COGNITO_USER_POOLS
// authorizer, driven with one repeated ID token from Portico's local issuer (so after the first
// request its signature check is a cache hit), against the same MOCK method without it, same Portico.

import { CreateAuthorizerCommand, PutIntegrationCommand, PutIntegrationResponseCommand, PutMethodCommand, PutMethodResponseCommand } from '@aws-sdk/client-api-gateway';
import { expectBody } from '../contenders/checks.js';
import { porticoContender } from '../contenders/portico.js';
import { createResource, createRestApi, deploy, requireFeature, STAGE } from '../portico/management.js';
import type { PorticoHandle } from '../portico/portico-handle.js';
import { mock, MOCK_REQUEST_TEMPLATE, MOCK_RESPONSE_TEMPLATE } from './mock.js';
import type { LoadScenario, LoadTarget } from './scenario.js';

const USER_POOL = 'us-east-1_BenchPool1';

/** An ID token from the local issuer (`portico token` calls the same endpoint). */
async function mintToken(portico: PorticoHandle): Promise<string> {
  const response = await fetch(`${portico.origin}/_portico/user-pools/${USER_POOL}/tokens`, { method: 'POST', body: JSON.stringify({ claims: { sub: 'bench-user' }, expiresIn: 86_400 }) });
  const answer = (await response.json()) as { token?: unknown; message?: unknown };
  if (!response.ok || typeof answer.token !== 'string') throw new Error(`the local issuer answered ${response.status}: ${String(answer.message)}`);
  return answer.token;
}

async function setupCognitoMock(portico: PorticoHandle): Promise<LoadTarget> {
  const client = portico.apigateway;
  const api = await requireFeature('REST APIs', () => createRestApi(client, 'bench-cognito'));
  const resource = await createResource(client, api.id, api.rootId, '/', 'mock');
  const authorizer = await requireFeature('Cognito user pool authorizers', () =>
    client.send(
      new CreateAuthorizerCommand({
        restApiId: api.id,
        name: 'pool',
        type: 'COGNITO_USER_POOLS',
        providerARNs: [`arn:aws:cognito-idp:us-east-1:000000000000:userpool/${USER_POOL}`],
        identitySource: 'method.request.header.Authorization',
      }),
    ),
  );
  const method = { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET' };
  await client.send(new PutMethodCommand({ ...method, authorizationType: 'COGNITO_USER_POOLS', authorizerId: authorizer.id }));
  await client.send(new PutIntegrationCommand({ ...method, type: 'MOCK', requestTemplates: { 'application/json': MOCK_REQUEST_TEMPLATE } }));
  await client.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
  await client.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': MOCK_RESPONSE_TEMPLATE } }));
  await deploy(client, api.id);
  const token = await requireFeature('the local user pool issuer', () => mintToken(portico));
  return {
    url: portico.invokeUrl(api.id, STAGE, '/mock?name=bench'),
    headers: { Authorization: token },
    check: expectBody('hello from mock', '"name": "bench"'),
    feature: 'Cognito user pool authorizer with a local-issuer token',
  };
}

export const cognitoAuthorizer: LoadScenario = {
  kind: 'load',
  name: 'cognito-authorizer',
  title: 'MOCK behind a Cognito user pool authorizer (one repeated token)',
  setup: (portico) => setupCognitoMock(portico),
  baseline: porticoContender('portico-plain-mock', 'Portico: same MOCK without an authorizer', (portico, env) => mock.setup(portico, env)),
  peers: [],
  targets: [{ label: 'MOCK + Cognito authorizer >= 0.70x the same MOCK without one', against: 'baseline', metric: 'requestsPerSecond', atLeast: 0.7 }],
};
