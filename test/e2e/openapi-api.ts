// Builds, call by call through the real AWS SDK, one REST API that uses every feature Portico can
// export: models referencing each other, request validators, MOCK / HTTP / HTTP_PROXY / AWS_PROXY
// integrations with parameters and templates, API keys, Lambda TOKEN and REQUEST authorizers,
// AWS_IAM, gateway responses, binary media types and a resource policy; then deploys it to `dev`.
// Shared by openapi-export.test.ts and openapi-round-trip.test.ts.

import {
  type APIGatewayClient,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateModelCommand,
  CreateRequestValidatorCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  type PutIntegrationCommandInput,
  PutIntegrationResponseCommand,
  type PutIntegrationResponseCommandInput,
  PutMethodCommand,
  type PutMethodCommandInput,
  PutMethodResponseCommand,
  type PutMethodResponseCommandInput,
} from '@aws-sdk/client-api-gateway';
import { functionUri } from '../support/lambda.js';

export const STAGE = 'dev';
export const POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:us-east-1:000000000000:*/*' }],
};
export const PET_SCHEMA = { type: 'object', required: ['name'], properties: { id: { type: 'integer' }, name: { type: 'string' } } };
export const AUTHORIZER_URI = functionUri('token-authorizer');
export const REQUEST_AUTHORIZER_URI = functionUri('request-authorizer');
export const BACKEND_LAMBDA_URI = functionUri('pets-backend');

export interface BuiltApi {
  apiId: string;
  resources: Record<string, string>;
  authorizerIds: { token: string; request: string };
  validatorIds: { all: string; params: string };
}

type Target = { restApiId: string; resourceId: string; httpMethod: string };
type MethodInput = Omit<PutMethodCommandInput, keyof Target | 'authorizationType'> & { authorizationType?: string };
type IntegrationInput = Omit<PutIntegrationCommandInput, keyof Target>;
type MethodResponseInput = Omit<PutMethodResponseCommandInput, keyof Target>;
type IntegrationResponseInput = Omit<PutIntegrationResponseCommandInput, keyof Target>;

interface MethodSpec {
  method?: MethodInput;
  integration: IntegrationInput;
  methodResponses?: MethodResponseInput[];
  integrationResponses?: IntegrationResponseInput[];
}

export async function buildExportedApi(client: APIGatewayClient, name = 'exported'): Promise<BuiltApi> {
  const api = await client.send(
    new CreateRestApiCommand({ name, description: 'Every exportable feature', binaryMediaTypes: ['image/png', 'application/octet-stream'], policy: JSON.stringify(POLICY) }),
  );
  const restApiId = api.id!;
  const resources: Record<string, string> = { '/': api.rootResourceId! };
  for (const path of ['/pets', '/pets/{petId}', '/{proxy+}', '/admin']) {
    const parentPath = path.slice(0, path.lastIndexOf('/')) || '/';
    const created = await client.send(new CreateResourceCommand({ restApiId, parentId: resources[parentPath], pathPart: path.slice(path.lastIndexOf('/') + 1) }));
    resources[path] = created.id!;
  }

  await client.send(new CreateModelCommand({ restApiId, name: 'Pet', contentType: 'application/json', schema: JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', title: 'Pet', ...PET_SCHEMA }) }));
  await client.send(
    new CreateModelCommand({
      restApiId,
      name: 'Pets',
      contentType: 'application/json',
      schema: JSON.stringify({ type: 'array', items: { $ref: `https://apigateway.amazonaws.com/restapis/${restApiId}/models/Pet` } }),
    }),
  );
  const all = await client.send(new CreateRequestValidatorCommand({ restApiId, name: 'all', validateRequestBody: true, validateRequestParameters: true }));
  const params = await client.send(new CreateRequestValidatorCommand({ restApiId, name: 'params-only', validateRequestBody: false, validateRequestParameters: true }));
  const token = await client.send(
    new CreateAuthorizerCommand({
      restApiId,
      name: 'token-auth',
      type: 'TOKEN',
      authType: 'custom',
      authorizerUri: AUTHORIZER_URI,
      identitySource: 'method.request.header.Authorization',
      identityValidationExpression: '^Bearer .+$',
      authorizerResultTtlInSeconds: 60,
    }),
  );
  const request = await client.send(
    new CreateAuthorizerCommand({
      restApiId,
      name: 'request-auth',
      type: 'REQUEST',
      authorizerUri: REQUEST_AUTHORIZER_URI,
      identitySource: 'method.request.header.x-user, method.request.querystring.tenant',
      authorizerResultTtlInSeconds: 0,
    }),
  );

  const put = (path: string, httpMethod: string, spec: MethodSpec) => putMethod(client, { restApiId, resourceId: resources[path]!, httpMethod }, spec);
  await put('/', 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Content-Type': false } }],
    integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Content-Type': "'text/html'" }, responseTemplates: { 'text/html': '<h1>pets</h1>' } }],
  });
  await put('/pets', 'GET', {
    method: { operationName: 'ListPets', requestParameters: { 'method.request.querystring.type': false, 'method.request.header.x-trace': true }, requestValidatorId: params.id },
    integration: {
      type: 'HTTP',
      integrationHttpMethod: 'GET',
      uri: 'https://backend.example.com/pets',
      requestParameters: { 'integration.request.querystring.kind': 'method.request.querystring.type' },
      timeoutInMillis: 5000,
    },
    methodResponses: [{ statusCode: '200', responseModels: { 'application/json': 'Pets' }, responseParameters: { 'method.response.header.x-count': false } }],
    integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.x-count': 'integration.response.header.x-total' } }],
  });
  await put('/pets', 'POST', {
    method: { apiKeyRequired: true, requestModels: { 'application/json': 'Pet' }, requestValidatorId: all.id },
    integration: { type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: BACKEND_LAMBDA_URI, contentHandling: 'CONVERT_TO_TEXT' },
  });
  await put('/pets/{petId}', 'GET', {
    method: { authorizationType: 'CUSTOM', authorizerId: token.id, requestParameters: { 'method.request.path.petId': true } },
    integration: {
      type: 'MOCK',
      requestTemplates: { 'application/json': '#if($input.params("petId") == "0"){"statusCode": 404}#else{"statusCode": 200}#end' },
      passthroughBehavior: 'NEVER',
    },
    methodResponses: [{ statusCode: '200', responseModels: { 'application/json': 'Pet' } }, { statusCode: '404' }],
    integrationResponses: [
      { statusCode: '200', responseTemplates: { 'application/json': '{"id": $input.params("petId"), "name": "rex"}' } },
      { statusCode: '404', selectionPattern: '404', responseTemplates: { 'application/json': '{"message": "no such pet"}' } },
    ],
  });
  await put('/pets/{petId}', 'DELETE', {
    method: { authorizationType: 'CUSTOM', authorizerId: request.id, requestParameters: { 'method.request.path.petId': true } },
    integration: {
      type: 'HTTP',
      integrationHttpMethod: 'DELETE',
      uri: 'https://backend.example.com/pets/{id}',
      requestParameters: { 'integration.request.path.id': 'method.request.path.petId', 'integration.request.header.x-caller': 'context.authorizer.principalId' },
      passthroughBehavior: 'WHEN_NO_TEMPLATES',
    },
    methodResponses: [{ statusCode: '204' }],
    integrationResponses: [{ statusCode: '204', selectionPattern: '2\\d{2}' }],
  });
  await put('/{proxy+}', 'ANY', {
    method: { requestParameters: { 'method.request.path.proxy': true } },
    integration: {
      type: 'HTTP_PROXY',
      integrationHttpMethod: 'ANY',
      uri: 'https://backend.example.com/{proxy}',
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      cacheKeyParameters: ['method.request.path.proxy'],
    },
  });
  await put('/admin', 'GET', {
    method: { authorizationType: 'AWS_IAM' },
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    methodResponses: [{ statusCode: '200' }],
    integrationResponses: [{ statusCode: '200' }],
  });

  await client.send(
    new PutGatewayResponseCommand({
      restApiId,
      responseType: 'DEFAULT_4XX',
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      responseTemplates: { 'application/json': '{"error": $context.error.messageString}' },
    }),
  );
  await client.send(new PutGatewayResponseCommand({ restApiId, responseType: 'MISSING_AUTHENTICATION_TOKEN', statusCode: '404' }));
  await client.send(new CreateDeploymentCommand({ restApiId, stageName: STAGE }));
  return { apiId: restApiId, resources, authorizerIds: { token: token.id!, request: request.id! }, validatorIds: { all: all.id!, params: params.id! } };
}

async function putMethod(client: APIGatewayClient, target: Target, spec: MethodSpec): Promise<void> {
  await client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE', ...spec.method }));
  await client.send(new PutIntegrationCommand({ ...target, ...spec.integration }));
  for (const response of spec.methodResponses ?? []) await client.send(new PutMethodResponseCommand({ ...target, ...response }));
  for (const response of spec.integrationResponses ?? []) await client.send(new PutIntegrationResponseCommand({ ...target, ...response }));
}
