// AWS_IAM helpers for e2e tests: requests signed (or presigned) by the AWS SDK's own SigV4 signer
// (@smithy/signature-v4), and a REST API whose methods use one authorization type (NONE, AWS_IAM or
// a Cognito pool): `GET /mock` (MOCK answering `$context.identity`) and optionally `ANY /{proxy+}`.

import { Sha256 } from '@aws-crypto/sha256-js';
import {
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { SignatureV4 } from '@smithy/signature-v4';
import { call, functionUri, type CallResult } from './lambda.js';
import type { TestPortico } from './portico.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export const LOCAL_CREDENTIALS: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface SignOptions {
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  credentials?: Credentials;
  /** The signing time (ms); default: now. */
  at?: number;
  region?: string;
}

const signerFor = (credentials: Credentials, region: string) => new SignatureV4({ credentials, region, service: 'execute-api', sha256: Sha256 });

function requestOf(url: string, method: string, headers: Record<string, string>, body: string | undefined) {
  const target = new URL(url);
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(target.searchParams.keys())) {
    const values = target.searchParams.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return { method, protocol: target.protocol, hostname: target.hostname, port: Number(target.port), path: target.pathname, query, headers: { host: target.host, ...headers }, body };
}

/** Sends `url` signed with SigV4 the way the AWS SDK signs execute-api calls. */
export async function signedCall(url: string, options: SignOptions = {}): Promise<CallResult> {
  const method = options.method ?? 'GET';
  const request = requestOf(url, method, options.headers ?? {}, options.body);
  const signed = await signerFor(options.credentials ?? LOCAL_CREDENTIALS, options.region ?? 'us-east-1').sign(request, { signingDate: new Date(options.at ?? Date.now()) });
  return call(url, { method, headers: signed.headers, ...(options.body !== undefined && { body: options.body }) });
}

/** A presigned GET URL for `url` (X-Amz-* query parameters). */
export async function presignedUrl(url: string, options: { credentials?: Credentials; at?: number; expiresIn: number }): Promise<string> {
  const request = requestOf(url, 'GET', {}, undefined);
  const presigned = await signerFor(options.credentials ?? LOCAL_CREDENTIALS, 'us-east-1').presign(request, { signingDate: new Date(options.at ?? Date.now()), expiresIn: options.expiresIn });
  const query = Object.entries(presigned.query ?? {})
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `${new URL(url).origin}${presigned.path}?${query}`;
}

export const IDENTITY_TEMPLATE =
  '{"accessKey":"$context.identity.accessKey","accountId":"$context.identity.accountId","caller":"$context.identity.caller","user":"$context.identity.user","userArn":"$context.identity.userArn"}';

export interface TestApi {
  apiId: string;
  /** `{url}/_aws/execute-api/{apiId}/{stage}{path}` */
  url(path: string): string;
  /** A new deployment of the API to its stage (resource policy changes need one). */
  redeploy(): Promise<void>;
}

export interface TestApiOptions {
  authorizationType?: 'NONE' | 'AWS_IAM' | 'COGNITO_USER_POOLS';
  /** COGNITO_USER_POOLS: the user pool the authorizer trusts. */
  userPoolId?: string;
  /** CreateRestApi `policy`. */
  policy?: string;
  /** Adds `ANY /{proxy+}` as an AWS_PROXY integration of this function. */
  proxyFunction?: string;
}

export async function deployTestApi(portico: TestPortico, options: TestApiOptions = {}): Promise<TestApi> {
  const client = portico.client;
  const authorizationType = options.authorizationType ?? 'AWS_IAM';
  const api = await client.send(new CreateRestApiCommand({ name: 'iam-api', ...(options.policy !== undefined && { policy: options.policy }) }));
  const restApiId = api.id!;
  const authorizer =
    authorizationType === 'COGNITO_USER_POOLS'
      ? await client.send(
          new CreateAuthorizerCommand({ restApiId, name: 'pool', type: 'COGNITO_USER_POOLS', providerARNs: [`arn:aws:cognito-idp:us-east-1:000000000000:userpool/${options.userPoolId}`], identitySource: 'method.request.header.Authorization' }),
        )
      : undefined;
  const mock = await client.send(new CreateResourceCommand({ restApiId, parentId: api.rootResourceId!, pathPart: 'mock' }));
  const resourceId = mock.id!;
  await client.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: 'GET', authorizationType, ...(authorizer && { authorizerId: authorizer.id! }) }));
  await client.send(new PutIntegrationCommand({ restApiId, resourceId, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
  await client.send(new PutMethodResponseCommand({ restApiId, resourceId, httpMethod: 'GET', statusCode: '200' }));
  await client.send(new PutIntegrationResponseCommand({ restApiId, resourceId, httpMethod: 'GET', statusCode: '200', responseTemplates: { 'application/json': IDENTITY_TEMPLATE } }));
  if (options.proxyFunction !== undefined) {
    const proxy = await client.send(new CreateResourceCommand({ restApiId, parentId: api.rootResourceId!, pathPart: '{proxy+}' }));
    await client.send(new PutMethodCommand({ restApiId, resourceId: proxy.id!, httpMethod: 'ANY', authorizationType }));
    await client.send(new PutIntegrationCommand({ restApiId, resourceId: proxy.id!, httpMethod: 'ANY', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: functionUri(options.proxyFunction) }));
  }
  const redeploy = async () => {
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'test' }));
  };
  await redeploy();
  return { apiId: restApiId, url: (path) => `${portico.url}/_aws/execute-api/${restApiId}/test${path}`, redeploy };
}
