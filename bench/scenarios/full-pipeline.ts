// The full pipeline on one method: API key (usage plan with throttling far above the load), a
// request validator (required query string), a TOKEN Lambda authorizer (cached) and MOCK mapping
// templates reading $context.authorizer. Baseline: bare node:http. No peer does all of it.

import {
  CreateApiKeyCommand,
  CreateAuthorizerCommand,
  CreateRequestValidatorCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { nodeHttp } from '../contenders/bench-servers.js';
import { expectBody } from '../contenders/checks.js';
import { createBenchFunction, lambdaIntegrationUri } from '../portico/lambda-functions.js';
import { createResource, createRestApi, deploy, requireFeature, STAGE } from '../portico/management.js';
import { MOCK_REQUEST_TEMPLATE } from './mock.js';
import type { LoadScenario } from './scenario.js';

const API_KEY = 'bench-api-key-0123456789abcdef';
const RESPONSE_TEMPLATE = `{"message": "hello from the pipeline", "principal": "$context.authorizer.principalId", "tier": "$context.authorizer.tier", "name": "$util.escapeJavaScript($input.params('name'))"}`;

export const fullPipeline: LoadScenario = {
  kind: 'load',
  name: 'full-pipeline',
  title: 'full pipeline (API key, usage plan, validator, authorizer, templates)',
  async setup(portico) {
    const client = portico.apigateway;
    const api = await requireFeature('REST APIs', () => createRestApi(client, 'bench-full-pipeline'));
    const resource = await requireFeature('resources', () => createResource(client, api.id, api.rootId, '/', 'pipeline'));
    const validator = await requireFeature('request validators', () =>
      client.send(new CreateRequestValidatorCommand({ restApiId: api.id, name: 'params', validateRequestParameters: true })),
    );
    await requireFeature('Lambda functions (CreateFunction)', () => createBenchFunction(portico, 'bench-authorizer', 'authorizer'));
    const authorizer = await requireFeature('Lambda authorizers', () =>
      client.send(
        new CreateAuthorizerCommand({
          restApiId: api.id,
          name: 'token',
          type: 'TOKEN',
          authorizerUri: lambdaIntegrationUri('bench-authorizer'),
          identitySource: 'method.request.header.Authorization',
          authorizerResultTtlInSeconds: 300,
        }),
      ),
    );
    const method = { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET' };
    await requireFeature('methods with authorizer, API key and validator', async () => {
      await client.send(
        new PutMethodCommand({
          ...method,
          authorizationType: 'CUSTOM',
          authorizerId: authorizer.id,
          apiKeyRequired: true,
          requestValidatorId: validator.id,
          requestParameters: { 'method.request.querystring.name': true },
        }),
      );
      await client.send(new PutIntegrationCommand({ ...method, type: 'MOCK', requestTemplates: { 'application/json': MOCK_REQUEST_TEMPLATE } }));
      await client.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
      await client.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': RESPONSE_TEMPLATE } }));
      await deploy(client, api.id);
    });
    await requireFeature('API keys and usage plans', async () => {
      const key = await client.send(new CreateApiKeyCommand({ name: 'bench', enabled: true, value: API_KEY }));
      const plan = await client.send(
        new CreateUsagePlanCommand({
          name: 'bench',
          apiStages: [{ apiId: api.id, stage: STAGE }],
          throttle: { rateLimit: 1_000_000, burstLimit: 1_000_000 },
        }),
      );
      await client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }));
    });
    return {
      url: portico.invokeUrl(api.id, STAGE, '/pipeline?name=bench'),
      headers: { 'x-api-key': API_KEY, Authorization: 'Bearer bench-token' },
      check: expectBody('hello from the pipeline', 'user-bench', 'bench'),
      feature: 'full pipeline (API key, validator, authorizer, templates)',
    };
  },
  baseline: nodeHttp,
  peers: [],
  targets: [],
};
