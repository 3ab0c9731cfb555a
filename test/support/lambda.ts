// Lambda helpers for e2e tests: a real `@aws-sdk/client-lambda` client on a test Portico, functions
// created from the handler files in test/fixtures/lambda-api (zipped in the test), and REST APIs
// wired to them with AWS_PROXY or AWS integrations through the real API Gateway SDK.

import { CreateDeploymentCommand, CreateResourceCommand, CreateRestApiCommand, PutIntegrationCommand, PutMethodCommand, type PutIntegrationCommandInput } from '@aws-sdk/client-api-gateway';
import { CreateFunctionCommand, LambdaClient, type CreateFunctionCommandInput, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import type { TestPortico } from './portico.js';
import { createZip } from './zip.js';

export const ROLE = 'arn:aws:iam::000000000000:role/lambda-role';
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'lambda-api');

export function lambdaClient(portico: TestPortico, region = 'us-east-1'): LambdaClient {
  return new LambdaClient({ endpoint: portico.url, region, credentials: { accessKeyId: 'AKIDPORTICOTEST', secretAccessKey: 'secret' }, maxAttempts: 1 });
}

/** A zip holding a fixture handler as `index.js` (or `index.mjs`). */
export function fixtureZip(fixture: string): Uint8Array {
  const source = readFileSync(join(FIXTURES, fixture));
  return createZip({ [fixture.endsWith('.mjs') ? 'index.mjs' : 'index.js']: source });
}

export async function createFixtureFunction(lambda: LambdaClient, name: string, fixture: string, extra: Partial<CreateFunctionCommandInput> = {}): Promise<FunctionConfiguration> {
  return lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Role: ROLE, Handler: 'index.handler', Code: { ZipFile: fixtureZip(fixture) }, ...extra }));
}

export function functionUri(name: string, region = 'us-east-1'): string {
  return `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${region}:000000000000:function:${name}/invocations`;
}

export interface DeployedApi {
  apiId: string;
  /** `{url}/_aws/execute-api/{apiId}/{stage}{path}` */
  url(path: string): string;
}

/**
 * A REST API with one `ANY /{proxy+}` and one `ANY /` method, both integrated as `integration`
 * says (AWS_PROXY to `functionUri(...)` by default), deployed to `stage`.
 */
export async function deployLambdaApi(
  portico: TestPortico,
  integration: Partial<PutIntegrationCommandInput>,
  options: { stage?: string; variables?: Record<string, string>; binaryMediaTypes?: string[]; resourcePath?: string } = {},
): Promise<DeployedApi> {
  const client = portico.client;
  const api = await client.send(new CreateRestApiCommand({ name: 'lambda-api', ...(options.binaryMediaTypes && { binaryMediaTypes: options.binaryMediaTypes }) }));
  const apiId = api.id!;
  const resources = [api.rootResourceId!];
  let parentId = api.rootResourceId!;
  for (const part of (options.resourcePath ?? '/{proxy+}').split('/').filter(Boolean)) {
    const resource = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId, pathPart: part }));
    parentId = resource.id!;
  }
  resources.push(parentId);
  for (const resourceId of resources) {
    await client.send(new PutMethodCommand({ restApiId: apiId, resourceId, httpMethod: 'ANY', authorizationType: 'NONE' }));
    await client.send(new PutIntegrationCommand({ restApiId: apiId, resourceId, httpMethod: 'ANY', type: 'AWS_PROXY', integrationHttpMethod: 'POST', ...integration }));
  }
  const stage = options.stage ?? 'test';
  await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: stage, ...(options.variables && { variables: options.variables }) }));
  return { apiId, url: (path) => `${portico.url}/_aws/execute-api/${apiId}/${stage}${path}` };
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: Buffer;
}

export async function call(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<CallResult> {
  const response = await request(url, { method: (options.method ?? 'GET') as 'GET', headers: options.headers ?? {}, body: options.body ?? null });
  const body = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, text: body.toString('utf8'), body };
}
