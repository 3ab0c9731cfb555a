// Builds, through the AWS SDK, the REST API the traffic-control tests use: GET /pets and GET /open
// (HTTP_PROXY to a test backend), /pets requiring an API key, deployed to a stage; plus a key in a
// usage plan for that stage. Used by usage-plans, throttling and redis e2e tests.

import {
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  type APIGatewayClient,
  type CreateUsagePlanCommandInput,
} from '@aws-sdk/client-api-gateway';

export interface KeyedApi {
  apiId: string;
  stageName: string;
  /** `{portico}/_aws/execute-api/{apiId}/{stage}{path}` */
  url(path: string): string;
}

export async function createKeyedApi(client: APIGatewayClient, porticoUrl: string, backendUrl: string, stageName = 'prod', apiKeySource: 'HEADER' | 'AUTHORIZER' = 'HEADER'): Promise<KeyedApi> {
  const api = await client.send(new CreateRestApiCommand({ name: 'keyed', apiKeySource }));
  const apiId = api.id!;
  for (const [pathPart, apiKeyRequired] of [['pets', true], ['open', false]] as const) {
    const resource = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId: api.rootResourceId, pathPart }));
    const target = { restApiId: apiId, resourceId: resource.id, httpMethod: 'GET' };
    await client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE', apiKeyRequired }));
    // The backend sees `$context.identity.apiKey` / `apiKeyId` as headers.
    const requestParameters = { 'integration.request.header.x-seen-api-key': 'context.identity.apiKey', 'integration.request.header.x-seen-api-key-id': 'context.identity.apiKeyId' };
    await client.send(new PutIntegrationCommand({ ...target, type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: `${backendUrl}/${pathPart}`, requestParameters }));
  }
  await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName }));
  return { apiId, stageName, url: (path) => `${porticoUrl}/_aws/execute-api/${apiId}/${stageName}${path}` };
}

/** A plan on the API's stage (plus `extra`) and an enabled key in it. */
export async function createPlanWithKey(client: APIGatewayClient, api: KeyedApi, extra: Partial<CreateUsagePlanCommandInput> = {}, value?: string) {
  const plan = await client.send(new CreateUsagePlanCommand({ name: 'plan', apiStages: [{ apiId: api.apiId, stage: api.stageName }], ...extra }));
  const key = await client.send(new CreateApiKeyCommand({ name: 'client', enabled: true, ...(value !== undefined && { value }) }));
  await client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }));
  return { plan, key };
}
