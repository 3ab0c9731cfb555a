// Traffic control's cost: the MOCK-with-templates method behind an API key, a usage plan (throttle
// and quota far above the load), a stage throttle and a request validator (body model and required
// query string), against the same MOCK method without them in the same Portico (memory state).
// A separate Portico with `--redis-url` gives the Redis figure as a reference.

import {
  CreateApiKeyCommand,
  CreateModelCommand,
  CreateRequestValidatorCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { expectBody } from '../contenders/checks.js';
import { porticoContender } from '../contenders/portico.js';
import { createResource, createRestApi, deploy, requireFeature, STAGE } from '../portico/management.js';
import type { PorticoHandle } from '../portico/portico-handle.js';
import { mock, MOCK_REQUEST_TEMPLATE, MOCK_RESPONSE_TEMPLATE } from './mock.js';
import type { LoadScenario, LoadTarget } from './scenario.js';

const API_KEY = 'bench-traffic-key-0123456789abcdef';
const HIGH = { rateLimit: 1_000_000, burstLimit: 1_000_000 };

async function setupGuardedMock(portico: PorticoHandle): Promise<LoadTarget> {
  const client = portico.apigateway;
  const api = await requireFeature('REST APIs', () => createRestApi(client, 'bench-traffic'));
  const resource = await createResource(client, api.id, api.rootId, '/', 'mock');
  const validator = await requireFeature('request validators', () =>
    client.send(new CreateRequestValidatorCommand({ restApiId: api.id, name: 'all', validateRequestBody: true, validateRequestParameters: true })),
  );
  await requireFeature('models', () =>
    client.send(
      new CreateModelCommand({
        restApiId: api.id,
        name: 'Greeting',
        contentType: 'application/json',
        schema: JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties: { greeting: { type: 'string' } } }),
      }),
    ),
  );
  const method = { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET' };
  await client.send(
    new PutMethodCommand({
      ...method,
      authorizationType: 'NONE',
      apiKeyRequired: true,
      requestValidatorId: validator.id,
      requestParameters: { 'method.request.querystring.name': true },
      requestModels: { 'application/json': 'Greeting' },
    }),
  );
  await client.send(new PutIntegrationCommand({ ...method, type: 'MOCK', requestTemplates: { 'application/json': MOCK_REQUEST_TEMPLATE } }));
  await client.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
  await client.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': MOCK_RESPONSE_TEMPLATE } }));
  await deploy(client, api.id);
  await client.send(
    new UpdateStageCommand({
      restApiId: api.id,
      stageName: STAGE,
      patchOperations: [
        { op: 'replace', path: '/*/*/throttling/rateLimit', value: String(HIGH.rateLimit) },
        { op: 'replace', path: '/*/*/throttling/burstLimit', value: String(HIGH.burstLimit) },
      ],
    }),
  );
  await requireFeature('API keys and usage plans', async () => {
    const key = await client.send(new CreateApiKeyCommand({ name: 'bench', value: API_KEY, enabled: true }));
    // A fresh plan name per run: with Redis, quota counters outlive the process.
    const plan = await client.send(
      new CreateUsagePlanCommand({
        name: `bench-${Date.now()}`,
        apiStages: [{ apiId: api.id, stage: STAGE }],
        throttle: HIGH,
        quota: { limit: 1_000_000_000, period: 'DAY' },
      }),
    );
    await client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }));
  });
  return {
    url: portico.invokeUrl(api.id, STAGE, '/mock?name=bench'),
    headers: { 'x-api-key': API_KEY },
    check: expectBody('hello from mock', '"name": "bench"'),
    feature: 'API keys, usage plans, throttling and request validation',
  };
}

export const traffic: LoadScenario = {
  kind: 'load',
  name: 'traffic',
  title: 'MOCK with API key, usage plan, stage throttle and validator',
  setup: (portico) => setupGuardedMock(portico),
  baseline: porticoContender('portico-plain-mock', 'Portico: same MOCK without them', (portico, env) => mock.setup(portico, env)),
  peers: [],
  references: [porticoContender('portico-redis', 'Portico: same, limits in Redis', (portico) => setupGuardedMock(portico), ['--redis-url', 'redis://127.0.0.1:6379'])],
  targets: [{ label: 'MOCK + key, plan, throttle, validator >= 0.85x the same MOCK without them', against: 'baseline', metric: 'requestsPerSecond', atLeast: 0.85 }],
};
