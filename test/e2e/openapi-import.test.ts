// ImportRestApi and PutRestApi through the real AWS SDK: AWS's PetStore example (Swagger 2.0 JSON and
// OpenAPI 3.0 YAML) and a corpus using every extension, checked through the Get* operations, deployed
// and called (MOCK and HTTP_PROXY); basepath modes, merge vs overwrite, failonwarnings, and bad
// documents (AWS's message, and nothing created or changed). Reference §11; fixtures in test/fixtures/openapi.

import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetAuthorizersCommand,
  GetGatewayResponseCommand,
  GetIntegrationCommand,
  GetMethodCommand,
  GetModelsCommand,
  GetRequestValidatorsCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  GetStagesCommand,
  ImportRestApiCommand,
  type ImportRestApiCommandInput,
  PutIntegrationCommand,
  PutMethodCommand,
  PutRestApiCommand,
  type Resource,
} from '@aws-sdk/client-api-gateway';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoredPolicyDocument } from '../../src/iam/resource-policy-text.js';
import { echoHandler, startBackend, type TestBackend } from '../support/backend.js';
import { call } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'openapi');
let portico: TestPortico;
let backend: TestBackend;

beforeAll(async () => {
  portico = await startTestPortico();
  backend = await startBackend(echoHandler);
});
afterAll(async () => {
  await portico.close();
  await backend.close();
});

const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const withBackend = (name: string): Uint8Array => bytes(fixture(name).replaceAll('https://backend.example.com', backend.url));
const importApi = (body: Uint8Array, extra: Omit<ImportRestApiCommandInput, 'body'> = {}) => portico.client.send(new ImportRestApiCommand({ body, ...extra }));

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number }> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { name: string; message: string; $metadata: { httpStatusCode: number } } | undefined;
  expect(error, 'the call should fail').toBeDefined();
  return { name: error!.name, message: error!.message, status: error!.$metadata.httpStatusCode };
}

async function resourcesOf(restApiId: string): Promise<Resource[]> {
  const page = await portico.client.send(new GetResourcesCommand({ restApiId, limit: 500 }));
  return page.items ?? [];
}

async function resourceId(restApiId: string, path: string): Promise<string> {
  const found = (await resourcesOf(restApiId)).find((resource) => resource.path === path);
  expect(found, `resource ${path}`).toBeDefined();
  return found!.id!;
}

async function methodAt(restApiId: string, path: string, httpMethod: string) {
  return portico.client.send(new GetMethodCommand({ restApiId, resourceId: await resourceId(restApiId, path), httpMethod }));
}

async function apiCount(): Promise<number> {
  return (await portico.client.send(new GetRestApisCommand({ limit: 500 }))).items?.length ?? 0;
}

async function deploy(restApiId: string, stageName = 'dev'): Promise<(path: string) => string> {
  await portico.client.send(new CreateDeploymentCommand({ restApiId, stageName }));
  return (path) => `${portico.url}/_aws/execute-api/${restApiId}/${stageName}${path}`;
}

describe("ImportRestApi: AWS's PetStore (Swagger 2.0, JSON)", () => {
  let apiId: string;
  beforeAll(async () => {
    const api = await importApi(bytes(fixture('petstore-swagger.json')));
    expect(api.$metadata.httpStatusCode).toBe(201);
    apiId = api.id!;
  });

  it('answers 201 with the RestApi: info → name/description/version, AWS defaults, no warnings (AWS-validated import snapshot)', async () => {
    const api = await importApi(bytes(fixture('petstore-swagger.json')));
    expect(api).toMatchObject({
      name: 'PetStore',
      description: 'Your first API with Amazon API Gateway. This is a sample API that integrates via HTTP with our demo Pet Store endpoints',
      version: '1.0',
      apiKeySource: 'HEADER',
      disableExecuteApiEndpoint: false,
      endpointConfiguration: { types: ['EDGE'], ipAddressType: 'ipv4' },
    });
    expect(api.id).toMatch(/^[a-z0-9]{10}$/);
    expect(api.warnings).toBeUndefined();
    expect(api.binaryMediaTypes).toBeUndefined();
  });

  it('builds the resource tree with method stubs, as GetResources shows it after an AWS import', async () => {
    const items = await resourcesOf(apiId);
    const shape = items.map(({ path, pathPart, resourceMethods }) => ({ path, pathPart, methods: Object.keys(resourceMethods ?? {}).sort() }));
    expect(shape).toEqual([
      { path: '/', pathPart: undefined, methods: ['GET'] },
      { path: '/pets', pathPart: 'pets', methods: ['GET', 'OPTIONS', 'POST'] },
      { path: '/pets/{petId}', pathPart: '{petId}', methods: ['GET', 'OPTIONS'] },
    ]);
  });

  it('imports the MOCK root method, its method response header and text/html template (AWS snapshot "method-root-get")', async () => {
    const method = await methodAt(apiId, '/', 'GET');
    expect(method).toMatchObject({ httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: false, methodResponses: { '200': { statusCode: '200', responseParameters: { 'method.response.header.Content-Type': false } } } });
    const integration = method.methodIntegration!;
    expect(integration).toMatchObject({ type: 'MOCK', passthroughBehavior: 'WHEN_NO_MATCH', timeoutInMillis: 29000, cacheKeyParameters: [], requestTemplates: { 'application/json': '{"statusCode": 200}' } });
    expect(integration.uri).toBeUndefined();
    expect(integration.connectionType).toBeUndefined();
    expect(integration.cacheNamespace).toBe(await resourceId(apiId, '/'));
    const response = integration.integrationResponses!['200']!;
    expect(response.selectionPattern).toBeUndefined();
    expect(response.responseParameters).toEqual({ 'method.response.header.Content-Type': "'text/html'" });
    expect(response.responseTemplates!['text/html']).toContain('<h1>Welcome to your Pet Store API</h1>');
  });

  it('imports query parameters, response models and the HTTP integration of GET /pets (AWS snapshot "method-pets-get")', async () => {
    const method = await methodAt(apiId, '/pets', 'GET');
    expect(method.requestParameters).toEqual({ 'method.request.querystring.type': false, 'method.request.querystring.page': false });
    expect(method.methodResponses).toEqual({
      '200': { statusCode: '200', responseModels: { 'application/json': 'Pets' }, responseParameters: { 'method.response.header.Access-Control-Allow-Origin': false } },
    });
    expect(method.methodIntegration).toMatchObject({
      type: 'HTTP',
      httpMethod: 'GET',
      uri: 'http://petstore-demo-endpoint.execute-api.com/petstore/pets',
      connectionType: 'INTERNET',
      requestParameters: { 'integration.request.querystring.page': 'method.request.querystring.page', 'integration.request.querystring.type': 'method.request.querystring.type' },
      integrationResponses: { '200': { statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" } } },
    });
  });

  it('takes operationName from operationId and request models from the body parameter (AWS snapshot "method-pets-post")', async () => {
    const method = await methodAt(apiId, '/pets', 'POST');
    expect(method).toMatchObject({ operationName: 'CreatePet', requestModels: { 'application/json': 'NewPet' } });
    const petId = await methodAt(apiId, '/pets/{petId}', 'GET');
    expect(petId).toMatchObject({ operationName: 'GetPet', requestParameters: { 'method.request.path.petId': true } });
  });

  it("creates only the document's models (no default Empty/Error pair) with $refs as canonical model URLs", async () => {
    const models = (await portico.client.send(new GetModelsCommand({ restApiId: apiId }))).items ?? [];
    expect(models.map((model) => model.name).sort()).toEqual(['Empty', 'NewPet', 'NewPetResponse', 'Pet', 'PetType', 'Pets']);
    const pets = models.find((model) => model.name === 'Pets')!;
    expect(JSON.parse(pets.schema!)).toEqual({ type: 'array', items: { $ref: `https://apigateway.amazonaws.com/restapis/${apiId}/models/Pet` } });
    expect(models.every((model) => model.contentType === 'application/json')).toBe(true);
  });

  it('deploys and serves the MOCK root page', async () => {
    const url = await deploy(apiId);
    const response = await call(url('/'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html');
    expect(response.text).toContain('Welcome to your Pet Store API');
  });
});

describe("ImportRestApi: AWS's PetStore (OpenAPI 3.0, YAML)", () => {
  it('imports the same API as the Swagger 2.0 version', async () => {
    const fromYaml = await importApi(bytes(fixture('petstore.yaml')));
    const fromJson = await importApi(bytes(fixture('petstore-swagger.json')));
    expect(fromYaml).toMatchObject({ name: 'PetStore', version: '1.0' });
    const strip = async (id: string) =>
      Promise.all(
        (await resourcesOf(id)).flatMap((resource) =>
          Object.keys(resource.resourceMethods ?? {}).map(async (verb) => {
            const { $metadata: _meta, methodIntegration, ...method } = await methodAt(id, resource.path!, verb);
            const { cacheNamespace: _ns, ...integration } = methodIntegration ?? {};
            return { path: resource.path, ...method, integration };
          }),
        ),
      );
    expect(await strip(fromYaml.id!)).toEqual(await strip(fromJson.id!));
  });
});

describe('ImportRestApi: every extension (extensions.yaml)', () => {
  let apiId: string;
  let url: (path: string) => string;
  beforeAll(async () => {
    const api = await importApi(withBackend('extensions.yaml'));
    apiId = api.id!;
    url = await deploy(apiId);
  });

  it('reads the API-level extensions: binary media types, compression size, key source, endpoint configuration, policy with its ARN expanded', async () => {
    const api = (await portico.client.send(new GetRestApisCommand({ limit: 500 }))).items!.find((item) => item.id === apiId)!;
    expect(api).toMatchObject({
      name: 'Extensions',
      version: '2024-06-01',
      binaryMediaTypes: ['image/png', 'application/octet-stream'],
      minimumCompressionSize: 1024,
      apiKeySource: 'HEADER',
      endpointConfiguration: { types: ['REGIONAL'], ipAddressType: 'ipv4' },
    });
    // AWS: stored and returned minified with escaped quotes and slashes, `execute-api:/` expanded (as UpdateRestApi).
    expect(api.policy).toMatch(/^\{\\"Version\\":\\"2012-10-17\\"/);
    expect(readStoredPolicyDocument(api.policy!)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:us-east-1:000000000000:${apiId}/*` }],
    });
  });

  it('creates the request validators and attaches the default and per-operation ones', async () => {
    const validators = (await portico.client.send(new GetRequestValidatorsCommand({ restApiId: apiId }))).items ?? [];
    expect(validators.map(({ name, validateRequestBody, validateRequestParameters }) => ({ name, validateRequestBody, validateRequestParameters }))).toEqual([
      { name: 'all', validateRequestBody: true, validateRequestParameters: true },
      { name: 'params-only', validateRequestBody: false, validateRequestParameters: true },
    ]);
    const idOf = (name: string) => validators.find((validator) => validator.name === name)!.id;
    expect((await methodAt(apiId, '/mock', 'GET')).requestValidatorId).toBe(idOf('params-only'));
    expect((await methodAt(apiId, '/items', 'POST')).requestValidatorId).toBe(idOf('all'));
  });

  it('creates TOKEN, REQUEST and COGNITO_USER_POOLS authorizers from the security schemes, with authType', async () => {
    const authorizers = (await portico.client.send(new GetAuthorizersCommand({ restApiId: apiId }))).items ?? [];
    expect(authorizers.map(({ id: _id, ...rest }) => rest)).toEqual([
      {
        name: 'token-auth',
        type: 'TOKEN',
        authType: 'custom',
        authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:token-auth/invocations',
        authorizerCredentials: 'arn:aws:iam::000000000000:role/invoker',
        identitySource: 'method.request.header.Authorization',
        identityValidationExpression: '^Bearer .+',
        authorizerResultTtlInSeconds: 60,
      },
      {
        name: 'request-auth',
        type: 'REQUEST',
        authType: 'custom',
        authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:request-auth/invocations',
        identitySource: 'method.request.header.X-User, method.request.querystring.tenant',
        authorizerResultTtlInSeconds: 0,
      },
      {
        name: 'cognito',
        type: 'COGNITO_USER_POOLS',
        authType: 'cognito_user_pools',
        providerARNs: ['arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_ABC123'],
        identitySource: 'method.request.header.Authorization',
        authorizerResultTtlInSeconds: 300,
      },
    ]);
  });

  it('maps security to the method: authorizers, Cognito scopes, API keys, awsSigv4 and x-amazon-apigateway-auth', async () => {
    const authorizers = (await portico.client.send(new GetAuthorizersCommand({ restApiId: apiId }))).items ?? [];
    const idOf = (name: string) => authorizers.find((authorizer) => authorizer.name === name)!.id;
    expect(await methodAt(apiId, '/lambda', 'POST')).toMatchObject({ authorizationType: 'CUSTOM', authorizerId: idOf('token-auth'), apiKeyRequired: false });
    expect(await methodAt(apiId, '/request-auth', 'GET')).toMatchObject({ authorizationType: 'CUSTOM', authorizerId: idOf('request-auth') });
    expect(await methodAt(apiId, '/cognito', 'GET')).toMatchObject({ authorizationType: 'COGNITO_USER_POOLS', authorizerId: idOf('cognito'), authorizationScopes: ['email', 'openid'] });
    expect(await methodAt(apiId, '/items', 'POST')).toMatchObject({ authorizationType: 'NONE', apiKeyRequired: true, requestModels: { 'application/json': 'Item' } });
    expect((await methodAt(apiId, '/aws', 'GET')).authorizationType).toBe('AWS_IAM');
    expect((await methodAt(apiId, '/sigv4', 'GET')).authorizationType).toBe('AWS_IAM');
  });

  it('imports x-amazon-apigateway-any-method on {proxy+} with every integration member', async () => {
    const resources = await resourcesOf(apiId);
    expect(resources.find((resource) => resource.path === '/proxy/{proxy+}')).toMatchObject({ pathPart: '{proxy+}', resourceMethods: { ANY: {} } });
    const integration = await portico.client.send(new GetIntegrationCommand({ restApiId: apiId, resourceId: await resourceId(apiId, '/proxy/{proxy+}'), httpMethod: 'ANY' }));
    expect(integration).toMatchObject({
      type: 'HTTP_PROXY',
      httpMethod: 'ANY',
      uri: `${backend.url}/{proxy}`,
      connectionType: 'INTERNET',
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      cacheNamespace: 'proxy-ns',
      cacheKeyParameters: ['method.request.path.proxy'],
      timeoutInMillis: 5000,
      tlsConfig: { insecureSkipVerification: true },
    });
  });

  it('keys integration responses by selection pattern (`default` has none) and upper-cases passthrough and content handling', async () => {
    const http = await methodAt(apiId, '/http', 'GET');
    expect(http.methodIntegration).toMatchObject({
      type: 'HTTP',
      httpMethod: 'POST',
      contentHandling: 'CONVERT_TO_TEXT',
      passthroughBehavior: 'WHEN_NO_TEMPLATES',
      requestTemplates: { 'application/json': '{"from": "portico"}' },
      integrationResponses: { '200': { statusCode: '200' }, '502': { statusCode: '502', selectionPattern: '5\\d{2}', contentHandling: 'CONVERT_TO_TEXT' } },
    });
    const lambda = await methodAt(apiId, '/lambda', 'POST');
    expect(lambda.methodIntegration).toMatchObject({ type: 'AWS_PROXY', httpMethod: 'POST' });
    expect(lambda.methodIntegration!.connectionType).toBeUndefined();
    const aws = await methodAt(apiId, '/aws', 'GET');
    expect(aws.methodIntegration).toMatchObject({ type: 'AWS', uri: 'arn:aws:apigateway:us-east-1:s3:path/bucket/key', credentials: 'arn:aws:iam::000000000000:role/s3-reader' });
  });

  it('imports gateway responses, and models (descriptions, refs, OpenAPI-only keywords dropped, inline schemas named)', async () => {
    const missing = await portico.client.send(new GetGatewayResponseCommand({ restApiId: apiId, responseType: 'MISSING_AUTHENTICATION_TOKEN' }));
    expect(missing).toMatchObject({ statusCode: '404', defaultResponse: false, responseParameters: { 'gatewayresponse.header.x-portico': "'missing'" }, responseTemplates: { 'application/json': '{"message": "no such route"}' } });
    const models = (await portico.client.send(new GetModelsCommand({ restApiId: apiId }))).items ?? [];
    const item = models.find((model) => model.name === 'Item')!;
    expect(item.description).toBe('An item with tags');
    const schema = JSON.parse(item.schema!) as Record<string, unknown>;
    expect(schema.example).toBeUndefined();
    expect(schema.properties).toEqual({ name: { type: 'string' }, tags: { type: 'array', items: { $ref: `https://apigateway.amazonaws.com/restapis/${apiId}/models/Tag` } } });
    const created = (await methodAt(apiId, '/items', 'POST')).methodResponses!['201']!;
    expect(created.responseModels!['application/json']).toMatch(/^MODEL[0-9a-f]{6}$/);
  });

  it('serves the imported MOCK route: request template, selection patterns, response header, validator', async () => {
    const ok = await call(url('/mock?q=hi'));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ message: 'mocked hi' });
    expect(ok.headers['x-mock']).toBe('yes');
    const refused = await call(url('/mock?q=fail'));
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toEqual({ message: 'refused' });
    const missing = await call(url('/mock'));
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.text)).toEqual({ message: 'Missing required request parameters: [q]' });
  });

  it('serves the imported HTTP_PROXY route against the backend, and the imported gateway response', async () => {
    const proxied = await call(url('/proxy/hello/world?x=1'));
    expect(proxied.status).toBe(200);
    expect(JSON.parse(proxied.text)).toMatchObject({ method: 'GET', url: '/hello/world?x=1' });
    const unknown = await call(url('/nowhere'));
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toEqual({ message: 'no such route' });
    expect(unknown.headers['x-portico']).toBe('missing');
  });
});

describe('ImportRestApi: Swagger 2.0 extensions (extensions-swagger.json)', () => {
  it('reads the same extensions from a Swagger 2.0 JSON document', async () => {
    const api = await importApi(withBackend('extensions-swagger.json'));
    expect(api).toMatchObject({ name: 'Extensions (Swagger)', apiKeySource: 'AUTHORIZER', binaryMediaTypes: ['image/gif'], minimumCompressionSize: 0, endpointConfiguration: { types: ['REGIONAL'] } });
    const id = api.id!;
    expect((await resourcesOf(id)).map((resource) => resource.path)).toEqual(['/', '/orders', '/orders/{orderId}']);
    const authorizers = (await portico.client.send(new GetAuthorizersCommand({ restApiId: id }))).items ?? [];
    expect(authorizers.map((authorizer) => [authorizer.name, authorizer.type])).toEqual([['lambda-token', 'TOKEN']]);
    const order = await methodAt(id, '/orders/{orderId}', 'GET');
    expect(order).toMatchObject({
      authorizationType: 'CUSTOM',
      authorizerId: authorizers[0]!.id,
      apiKeyRequired: true,
      requestParameters: { 'method.request.path.orderId': true, 'method.request.header.X-Tenant': true },
      methodIntegration: { type: 'HTTP', uri: `${backend.url}/orders/{orderId}`, requestParameters: { 'integration.request.path.orderId': 'method.request.path.orderId' } },
    });
    const post = await methodAt(id, '/orders', 'POST');
    expect(post).toMatchObject({ requestModels: { 'application/json': 'Order', 'application/xml': 'Order' } });
    const validators = (await portico.client.send(new GetRequestValidatorsCommand({ restApiId: id }))).items ?? [];
    expect(post.requestValidatorId).toBe(validators.find((validator) => validator.name === 'body')!.id);
  });
});

describe('ImportRestApi: basepath', () => {
  const pathsFor = async (basepath: string, file = 'extensions.yaml') => {
    const api = await importApi(withBackend(file), { parameters: { basepath } });
    return (await resourcesOf(api.id!)).map((resource) => resource.path);
  };

  it('ignores the base path by default and with `ignore` (AWS default)', async () => {
    expect(await pathsFor('ignore')).toContain('/mock');
    const api = await importApi(withBackend('extensions.yaml'));
    expect((await resourcesOf(api.id!)).map((resource) => resource.path)).toContain('/mock');
  });

  it('prepends the base path (the server variable `basePath`) with `prepend`', async () => {
    const paths = await pathsFor('prepend');
    expect(paths).toContain('/v1');
    expect(paths).toContain('/v1/mock');
    expect(paths).not.toContain('/mock');
  });

  it('drops the first base path segment with `split` (AWS: /base-url/part → /part)', async () => {
    const swagger = JSON.parse(fixture('extensions-swagger.json')) as Record<string, unknown>;
    swagger.basePath = '/base-url/part';
    const api = await importApi(bytes(JSON.stringify(swagger)), { parameters: { basepath: 'split' } });
    expect((await resourcesOf(api.id!)).map((resource) => resource.path)).toEqual(['/', '/part', '/part/orders', '/part/orders/{orderId}']);
    expect(await pathsFor('split')).toContain('/mock');
  });

  it('refuses an unknown basepath mode and creates nothing', async () => {
    const before = await apiCount();
    expect(await failure(importApi(withBackend('extensions.yaml'), { parameters: { basepath: 'sideways' } }))).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(await apiCount()).toBe(before);
  });
});

describe('ImportRestApi: parameters and API-level failures', () => {
  const minimal = (extra: Record<string, unknown> = {}) => bytes(JSON.stringify({ openapi: '3.0.1', info: { title: 'minimal', version: '1' }, paths: {}, ...extra }));

  it('takes the endpoint type from `endpointConfigurationTypes` over the document (reference §8.1)', async () => {
    const api = await importApi(minimal({ 'x-amazon-apigateway-endpoint-configuration': { types: ['EDGE'] } }), { parameters: { endpointConfigurationTypes: 'REGIONAL' } });
    expect(api.endpointConfiguration).toEqual({ types: ['REGIONAL'], ipAddressType: 'ipv4' });
  });

  it("refuses several endpoint types and an invalid resource policy with the same messages as CreateRestApi, creating nothing", async () => {
    const before = await apiCount();
    expect(await failure(importApi(minimal({ 'x-amazon-apigateway-endpoint-configuration': { types: ['EDGE', 'REGIONAL'] } })))).toMatchObject({
      name: 'BadRequestException',
      message: 'Cannot create an api with multiple Endpoint Types.',
    });
    expect(await failure(importApi(minimal({ 'x-amazon-apigateway-policy': { Version: '2012-10-17', Statement: [{ Effect: 'Maybe' }] } })))).toMatchObject({
      name: 'BadRequestException',
      message: 'Errors found during import:\n\tInvalid policy document. Please check the policy syntax and ensure that Principals are valid.',
    });
    expect(await apiCount()).toBe(before);
  });
});

describe('PutRestApi', () => {
  /** An API with `/keep` (GET, MOCK) and `/pets` (GET, MOCK), deployed to stage `live`. */
  async function existingApi(): Promise<{ id: string; rootResourceId: string }> {
    const api = await portico.client.send(new CreateRestApiCommand({ name: 'existing' }));
    const id = api.id!;
    for (const pathPart of ['keep', 'pets']) {
      const created = await portico.client.send(new CreateResourceCommand({ restApiId: id, parentId: api.rootResourceId, pathPart }));
      await portico.client.send(new PutMethodCommand({ restApiId: id, resourceId: created.id, httpMethod: 'GET', authorizationType: 'NONE' }));
      await portico.client.send(new PutIntegrationCommand({ restApiId: id, resourceId: created.id, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    }
    await portico.client.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'live' }));
    return { id, rootResourceId: api.rootResourceId! };
  }

  it('merges by default: same-named methods are replaced, everything else stays; answers 200 with `tags` (AWS-validated snapshot)', async () => {
    const { id, rootResourceId } = await existingApi();
    const petsId = await resourceId(id, '/pets');
    const result = await portico.client.send(new PutRestApiCommand({ restApiId: id, body: bytes(fixture('petstore.yaml')) }));
    expect(result.$metadata.httpStatusCode).toBe(200);
    expect(result).toMatchObject({ id, name: 'PetStore', rootResourceId, tags: {} });
    const paths = (await resourcesOf(id)).map((resource) => resource.path);
    expect(paths).toEqual(['/', '/keep', '/pets', '/pets/{petId}']);
    expect(await resourceId(id, '/pets')).toBe(petsId);
    expect((await methodAt(id, '/pets', 'GET')).methodIntegration!.type).toBe('HTTP');
    expect((await methodAt(id, '/keep', 'GET')).methodIntegration!.type).toBe('MOCK');
    const models = ((await portico.client.send(new GetModelsCommand({ restApiId: id }))).items ?? []).map((model) => model.name);
    expect(models).toContain('Error');
    expect(models).toContain('Pets');
  });

  it('overwrites with mode=overwrite: what the file does not name is deleted, same paths keep their ids, stages stay', async () => {
    const { id, rootResourceId } = await existingApi();
    const petsId = await resourceId(id, '/pets');
    await portico.client.send(new PutRestApiCommand({ restApiId: id, mode: 'overwrite', body: bytes(fixture('petstore.yaml')) }));
    expect((await resourcesOf(id)).map((resource) => resource.path)).toEqual(['/', '/pets', '/pets/{petId}']);
    expect(await resourceId(id, '/')).toBe(rootResourceId);
    expect(await resourceId(id, '/pets')).toBe(petsId);
    const models = ((await portico.client.send(new GetModelsCommand({ restApiId: id }))).items ?? []).map((model) => model.name).sort();
    expect(models).toEqual(['Empty', 'NewPet', 'NewPetResponse', 'Pet', 'PetType', 'Pets']);
    const stages = await portico.client.send(new GetStagesCommand({ restApiId: id }));
    expect(stages.item?.map((stage) => stage.stageName)).toEqual(['live']);
  });

  it('answers 404 for an unknown API and 400 for an unknown mode', async () => {
    expect(await failure(portico.client.send(new PutRestApiCommand({ restApiId: 'nosuchapi0', body: bytes(fixture('petstore.yaml')) })))).toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 000000000000:nosuchapi0',
      status: 404,
    });
    const { id } = await existingApi();
    expect(await failure(portico.client.send(new PutRestApiCommand({ restApiId: id, mode: 'replace' as 'merge', body: bytes(fixture('petstore.yaml')) })))).toMatchObject({
      name: 'BadRequestException',
      status: 400,
    });
  });

  it('changes nothing when failonwarnings=true meets a warning', async () => {
    const { id } = await existingApi();
    const before = await resourcesOf(id);
    const document = { swagger: '2.0', info: { title: 'x' }, paths: { '/w': { get: { 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': 42 } } } } } };
    const error = await failure(portico.client.send(new PutRestApiCommand({ restApiId: id, mode: 'overwrite', failOnWarnings: true, body: bytes(JSON.stringify(document)) })));
    expect(error).toMatchObject({ name: 'BadRequestException', status: 400, message: "Warnings found during import:\n\tInvalid format for 'requestTemplates'. Expected type string for property 'application/json' of resource '/w' and method 'GET' but got '42'" });
    expect(await resourcesOf(id)).toEqual(before);
  });

  it('changes nothing when the document fails', async () => {
    const { id } = await existingApi();
    const before = await resourcesOf(id);
    const bad = fixture('petstore.yaml').replace('http://petstore-demo-endpoint.execute-api.com/petstore/pets/{petId}', 'not a url');
    const error = await failure(portico.client.send(new PutRestApiCommand({ restApiId: id, mode: 'overwrite', body: bytes(bad) })));
    expect(error).toMatchObject({ name: 'BadRequestException', status: 400, message: "Errors found during import:\n\tUnable to put integration on 'GET' for resource at path '/pets/{petId}': Invalid HTTP endpoint specified for URI" });
    expect(await resourcesOf(id)).toEqual(before);
  });
});

describe('failed imports: AWS messages, and nothing created', () => {
  const cases: Array<[string, string, string]> = [
    ['malformed JSON', '{"swagger": "2.0", "info": ', 'Invalid OpenAPI input.'],
    ['malformed YAML', 'openapi: 3.0.1\ninfo: [unclosed', 'Invalid OpenAPI input.'],
    ['a YAML scalar', 'just some words', 'Invalid OpenAPI input.'],
    ['an empty body', ' ', 'Invalid OpenAPI input.'],
    ['an object that is no OpenAPI document', '{"hello": "world"}', 'Unable to build importer with provided input.'],
    ['an unsupported OpenAPI version', '{"openapi": "4.0.0", "info": {"title": "x"}, "paths": {}}', 'Unable to build importer with provided input.'],
  ];
  for (const [label, body, message] of cases) {
    it(`answers 400 "${message}" for ${label} (reference §11.2)`, async () => {
      const before = await apiCount();
      expect(await failure(importApi(bytes(body)))).toEqual({ name: 'BadRequestException', message, status: 400 });
      expect(await apiCount()).toBe(before);
    });
  }

  it('lists every error as "Errors found during import" and creates nothing', async () => {
    const before = await apiCount();
    const document = {
      swagger: '2.0',
      info: { title: 'broken', version: '1' },
      paths: {
        '/a': { get: { responses: {}, 'x-amazon-apigateway-integration': { type: 'http', httpMethod: 'GET', uri: 'nowhere' } } },
        '/b': { post: { responses: {}, 'x-amazon-apigateway-integration': { type: 'aws', httpMethod: 'POST', uri: 'arn:aws:apigateway:us-east-1:s3:bucket' } } },
        '/c d': { get: { responses: {} } },
      },
    };
    const error = await failure(importApi(bytes(JSON.stringify(document))));
    expect(error).toEqual({
      name: 'BadRequestException',
      status: 400,
      message: [
        'Errors found during import:',
        "Unable to create resource at path '/c d': Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
        "Unable to put integration on 'GET' for resource at path '/a': Invalid HTTP endpoint specified for URI",
        "Unable to put integration on 'POST' for resource at path '/b': AWS ARN for integration must contain path or action",
      ].join('\n\t'),
    });
    expect(await apiCount()).toBe(before);
  });

  const warned = JSON.stringify({
    openapi: '3.0.1',
    info: { title: 'warned', version: '1' },
    paths: {
      '/test': {
        get: {
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': { type: 'mock', requestParameters: { 'integration.request.header.nothing': true, 'integration.request.header.kept': "'yes'" } },
        },
      },
    },
  });
  const warning = "Invalid format for 'requestParameters'. Expected type string for property 'integration.request.header.nothing' of resource '/test' and method 'GET' but got 'true'";

  it('returns warnings in the RestApi and drops what they name (AWS-validated snapshot wording)', async () => {
    const api = await importApi(bytes(warned));
    expect(api.warnings).toEqual([warning]);
    const method = await methodAt(api.id!, '/test', 'GET');
    expect(method.methodIntegration!.requestParameters).toEqual({ 'integration.request.header.kept': "'yes'" });
  });

  it('fails on warnings with failonwarnings=true and creates nothing', async () => {
    const before = await apiCount();
    const error = await failure(importApi(bytes(warned), { failOnWarnings: true }));
    expect(error).toEqual({ name: 'BadRequestException', status: 400, message: `Warnings found during import:\n\t${warning}` });
    expect(await apiCount()).toBe(before);
  });
});

describe('the wire, as an HTTP client sends it', () => {
  const SIGNED = 'AWS4-HMAC-SHA256 Credential=AKIDTEST/20261121/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=00';
  const post = (path: string, body: string, contentType: string) =>
    fetch(portico.url + path, { method: 'POST', headers: { authorization: SIGNED, 'content-type': contentType }, body });

  it('reads the body as the document whatever its Content-Type (a YAML body sent as application/json is imported)', async () => {
    const response = await post('/restapis?mode=import&failonwarnings=true', fixture('petstore.yaml'), 'application/json');
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ name: 'PetStore', apiKeySource: 'HEADER' });
  });

  it('answers failures in the AWS error envelope: {"message"} and x-amzn-ErrorType', async () => {
    const response = await post('/restapis?mode=import', '{"swagger": ', 'application/octet-stream');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(await response.text()).toBe('{"message":"Invalid OpenAPI input."}');
  });
});

describe('the AWS CLI', () => {
  const run = promisify(execFile);
  async function aws(...args: string[]): Promise<Record<string, unknown>> {
    const { stdout } = await run('aws', ['apigateway', ...args, '--endpoint-url', portico.url, '--region', 'us-east-1', '--output', 'json'], {
      cwd: FIXTURES,
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_PAGER: '' },
    });
    return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
  }

  it('`aws apigateway import-rest-api --body fileb://petstore.yaml` imports the PetStore, which deploys and serves', async () => {
    const api = await aws('import-rest-api', '--body', 'fileb://petstore.yaml', '--fail-on-warnings');
    expect(api).toMatchObject({ name: 'PetStore', version: '1.0', apiKeySource: 'HEADER', endpointConfiguration: { types: ['EDGE'] } });
    const id = api.id as string;
    await aws('create-deployment', '--rest-api-id', id, '--stage-name', 'prod');
    const page = await call(`${portico.url}/_aws/execute-api/${id}/prod/`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Welcome to your Pet Store API');
  }, 60_000);

  it('`aws apigateway put-rest-api --mode overwrite --parameters basepath=prepend` replaces the definition', async () => {
    const api = await aws('import-rest-api', '--body', 'fileb://petstore-swagger.json');
    const id = api.id as string;
    const put = await aws('put-rest-api', '--rest-api-id', id, '--mode', 'overwrite', '--parameters', 'basepath=prepend', '--body', 'fileb://extensions.yaml');
    expect(put).toMatchObject({ id, name: 'Extensions', tags: {} });
    const resources = await aws('get-resources', '--rest-api-id', id);
    const paths = (resources.items as Array<{ path: string }>).map((resource) => resource.path);
    expect(paths).toContain('/v1/mock');
    expect(paths).not.toContain('/pets');
  }, 60_000);
});
