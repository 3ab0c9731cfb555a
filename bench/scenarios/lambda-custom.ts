// Lambda custom integration (type AWS) with VTL request and response templates, the same templates
// as the serverless-offline peer's /custom route (bench/peers/serverless/serverless.yml).
// Baseline: bare node:http. Peers: serverless-offline, worker threads and --useInProcess.

import { PutIntegrationCommand, PutIntegrationResponseCommand, PutMethodCommand, PutMethodResponseCommand } from '@aws-sdk/client-api-gateway';
import { nodeHttp } from '../contenders/bench-servers.js';
import { expectBody } from '../contenders/checks.js';
import { serverlessOffline } from '../contenders/serverless-offline.js';
import { createBenchFunction, lambdaIntegrationUri } from '../portico/lambda-functions.js';
import { createResource, createRestApi, deploy, requireFeature, STAGE } from '../portico/management.js';
import type { LoadScenario } from './scenario.js';

export const CUSTOM_REQUEST_TEMPLATE = `#set($name = $input.params('name'))
{"name": "$util.escapeJavaScript($name)", "path": "$context.resourcePath",
"requestId": "$context.requestId", "stage": "$context.stage"}`;
export const CUSTOM_RESPONSE_TEMPLATE = `#set($body = $input.path('$'))
{"greeting": "$body.greeting", "name": "$body.name", "path": "$body.path"}`;

export const lambdaCustom: LoadScenario = {
  kind: 'load',
  name: 'lambda-custom',
  title: 'Lambda custom with VTL',
  async setup(portico) {
    await requireFeature('Lambda functions (CreateFunction)', () => createBenchFunction(portico, 'bench-custom', 'custom'));
    return requireFeature('Lambda custom integration (type AWS) with VTL', async () => {
      const client = portico.apigateway;
      const api = await createRestApi(client, 'bench-lambda-custom');
      const resource = await createResource(client, api.id, api.rootId, '/', 'custom');
      const method = { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET' };
      await client.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }));
      await client.send(
        new PutIntegrationCommand({
          ...method,
          type: 'AWS',
          integrationHttpMethod: 'POST',
          uri: lambdaIntegrationUri('bench-custom'),
          requestTemplates: { 'application/json': CUSTOM_REQUEST_TEMPLATE },
        }),
      );
      await client.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
      await client.send(
        new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': CUSTOM_RESPONSE_TEMPLATE } }),
      );
      await deploy(client, api.id);
      return {
        url: portico.invokeUrl(api.id, STAGE, '/custom?name=bench'),
        check: expectBody('greeting', 'hello', 'bench'),
        feature: 'Lambda custom integration with VTL',
      };
    });
  },
  baseline: nodeHttp,
  peers: [serverlessOffline('worker', 'custom'), serverlessOffline('in-process', 'custom')],
  targets: [{ label: 'Lambda custom with VTL >= 20x serverless-offline (worker threads)', against: 'sls-offline', metric: 'requestsPerSecond', atLeast: 20 }],
};
