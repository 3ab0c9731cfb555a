// Lambda authorizer helpers for e2e tests: functions created through the real Lambda SDK from the
// handler files in test/fixtures/authorizers, and a REST API whose `ANY /{proxy+}` is protected by
// one authorizer (CreateAuthorizer + PutMethod CUSTOM) in front of an HTTP_PROXY or AWS_PROXY.

import {
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  type CreateAuthorizerCommandInput,
  type PutIntegrationCommandInput,
} from '@aws-sdk/client-api-gateway';
import { CreateFunctionCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionUri, ROLE } from './lambda.js';
import type { TestPortico } from './portico.js';
import { createZip } from './zip.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'authorizers');

export async function createAuthorizerFunction(lambda: LambdaClient, name: string, fixture: string): Promise<void> {
  const zip = createZip({ 'index.js': readFileSync(join(FIXTURES, fixture)) });
  await lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Role: ROLE, Handler: 'index.handler', Code: { ZipFile: zip } }));
}

export interface ProtectedApi {
  apiId: string;
  authorizerId: string;
  /** `{url}/_aws/execute-api/{apiId}/{stage}{path}` */
  url(path: string): string;
}

/** The integration of the protected method (its type required). */
export type IntegrationInput = Partial<PutIntegrationCommandInput> & Pick<PutIntegrationCommandInput, 'type'>;

export interface ProtectedApiOptions {
  /** The function the authorizer runs. */
  functionName: string;
  authorizer?: Partial<CreateAuthorizerCommandInput>;
  integration: IntegrationInput;
  variables?: Record<string, string>;
  apiKeySource?: 'HEADER' | 'AUTHORIZER';
  apiKeyRequired?: boolean;
  stage?: string;
}

export async function deployProtectedApi(portico: TestPortico, options: ProtectedApiOptions): Promise<ProtectedApi> {
  const client = portico.client;
  const api = await client.send(new CreateRestApiCommand({ name: 'authorized', ...(options.apiKeySource && { apiKeySource: options.apiKeySource }) }));
  const apiId = api.id!;
  const authorizer = await client.send(
    new CreateAuthorizerCommand({
      restApiId: apiId,
      name: 'lambda-authorizer',
      type: 'TOKEN',
      identitySource: 'method.request.header.Authorization',
      authorizerUri: functionUri(options.functionName),
      ...options.authorizer,
    }),
  );
  const resource = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId: api.rootResourceId!, pathPart: '{proxy+}' }));
  await client.send(
    new PutMethodCommand({
      restApiId: apiId,
      resourceId: resource.id!,
      httpMethod: 'ANY',
      authorizationType: 'CUSTOM',
      authorizerId: authorizer.id!,
      apiKeyRequired: options.apiKeyRequired ?? false,
      requestParameters: { 'method.request.path.proxy': true },
    }),
  );
  await client.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: resource.id!, httpMethod: 'ANY', integrationHttpMethod: 'ANY', ...options.integration }));
  const stage = options.stage ?? 'test';
  await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: stage, ...(options.variables && { variables: options.variables }) }));
  return { apiId, authorizerId: authorizer.id!, url: (path) => `${portico.url}/_aws/execute-api/${apiId}/${stage}${path}` };
}

/** An HTTP_PROXY to `{backend}/{proxy}`. */
export function httpProxyTo(backendUrl: string): IntegrationInput {
  return { type: 'HTTP_PROXY', uri: `${backendUrl}/{proxy}`, requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' } };
}

/** An AWS_PROXY to a function (POST, as Lambda integrations require). */
export function lambdaProxyTo(functionName: string): IntegrationInput {
  return { type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: functionUri(functionName) };
}
