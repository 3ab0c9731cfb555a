// MOCK with templates: the request template picks the status, the response template renders a
// JSON body from $context and $input. Baseline: bare node:http answering a fixed JSON (the limit).

import { PutIntegrationCommand, PutIntegrationResponseCommand, PutMethodCommand, PutMethodResponseCommand } from '@aws-sdk/client-api-gateway';
import { nodeHttp } from '../contenders/bench-servers.js';
import { expectBody } from '../contenders/checks.js';
import { createResource, createRestApi, deploy, requireFeature, STAGE } from '../portico/management.js';
import type { LoadScenario } from './scenario.js';

export const MOCK_REQUEST_TEMPLATE = `#if($input.params('fail') == 'yes'){"statusCode": 500}#else{"statusCode": 200}#end`;
export const MOCK_RESPONSE_TEMPLATE = `{"message": "hello from mock", "name": "$util.escapeJavaScript($input.params('name'))", "stage": "$context.stage", "requestId": "$context.requestId"}`;

export const mock: LoadScenario = {
  kind: 'load',
  name: 'mock',
  title: 'MOCK with templates',
  setup: (portico) =>
    requireFeature('MOCK integration', async () => {
      const client = portico.apigateway;
      const api = await createRestApi(client, 'bench-mock');
      const resource = await createResource(client, api.id, api.rootId, '/', 'mock');
      const method = { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET' };
      await client.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }));
      await client.send(new PutIntegrationCommand({ ...method, type: 'MOCK', requestTemplates: { 'application/json': MOCK_REQUEST_TEMPLATE } }));
      await client.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
      await client.send(
        new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': MOCK_RESPONSE_TEMPLATE } }),
      );
      await deploy(client, api.id);
      return {
        url: portico.invokeUrl(api.id, STAGE, '/mock?name=bench'),
        check: expectBody('hello from mock', '"name": "bench"', `"stage": "${STAGE}"`),
        feature: 'MOCK integration with mapping templates',
      };
    }),
  baseline: nodeHttp,
  peers: [],
  targets: [
    { label: 'MOCK with templates >= 0.6x bare node:http', against: 'baseline', metric: 'requestsPerSecond', atLeast: 0.6 },
    { label: 'MOCK p99 at 50 connections <= 2x bare node:http', against: 'baseline', metric: 'p99Ms', atMost: 2, connections: 50 },
  ],
};
