// GetExport through the real AWS SDK and the real AWS CLI (reference §11.3): one API built call by
// call with every exportable feature (openapi-api.ts), exported as Swagger 2.0 and OpenAPI 3.0.1,
// JSON and YAML, with and without `extensions=integrations|apigateway|authorizers|postman`; the
// response headers, what is exported (the stage's deployment) and AWS's refusals.

import {
  type APIGatewayClient,
  BadRequestException,
  CreateDeploymentCommand,
  CreateModelCommand,
  CreateRestApiCommand,
  GetDeploymentsCommand,
  GetExportCommand,
  type GetExportCommandInput,
  NotFoundException,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { AUTHORIZER_URI, BACKEND_LAMBDA_URI, buildExportedApi, type BuiltApi, PET_SCHEMA, POLICY, REQUEST_AUTHORIZER_URI, STAGE } from './openapi-api.js';
import { expectedSwagger } from './openapi-export-expected.js';

const run = promisify(execFile);
let portico: TestPortico;
let client: APIGatewayClient;
let built: BuiltApi;
/** The deployment's creation time as AWS writes it in `info.version`. */
let version: string;
let work: string;

beforeAll(async () => {
  portico = await startTestPortico();
  client = portico.client;
  built = await buildExportedApi(client);
  const deployments = await client.send(new GetDeploymentsCommand({ restApiId: built.apiId }));
  version = deployments.items![0]!.createdDate!.toISOString().replace(/\.\d{3}Z$/, 'Z');
  work = mkdtempSync(join(tmpdir(), 'portico-export-'));
});
afterAll(async () => {
  await portico.close();
  rmSync(work, { recursive: true, force: true });
});

async function exportApi(input: Partial<GetExportCommandInput> = {}): Promise<{ text: string; contentType?: string; contentDisposition?: string }> {
  const output = await client.send(new GetExportCommand({ restApiId: built.apiId, stageName: STAGE, exportType: 'oas30', ...input }));
  return { text: Buffer.from(output.body!).toString('utf8'), contentType: output.contentType, contentDisposition: output.contentDisposition };
}

async function exportJson(exportType: string, extensions?: string): Promise<Record<string, unknown>> {
  const { text } = await exportApi({ exportType, ...(extensions !== undefined && { parameters: { extensions } }) });
  return JSON.parse(text) as Record<string, unknown>;
}

/** Every operation of a document, by `"{path} {method}"`. */
function operations(document: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const found: Record<string, Record<string, unknown>> = {};
  for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [method, operation] of Object.entries(item)) found[`${path} ${method}`] = operation;
  }
  return found;
}

describe('GetExport (Swagger 2.0)', () => {
  it('without extensions writes plain Swagger: host/basePath/schemes, parameters, "{code} response", consumes/produces, security, definitions (AWS-validated LocalStack snapshot)', async () => {
    const document = await exportJson('swagger');
    expect(document).toEqual(expectedSwagger(built.apiId, version));
    expect(Object.keys(document)).toEqual(['swagger', 'info', 'host', 'basePath', 'schemes', 'paths', 'securityDefinitions', 'definitions']);
    expect(Object.keys(document.info as object)).toEqual(['description', 'version', 'title']);
  });

  it('answers an octet-stream attachment named swagger_{version}.json (AWS-validated LocalStack snapshot)', async () => {
    const { contentType, contentDisposition } = await exportApi({ exportType: 'swagger' });
    expect(contentType).toBe('application/octet-stream');
    expect(contentDisposition).toBe(`attachment; filename="swagger_${version}.json"`);
  });

  it('with extensions=integrations writes the same integrations in Swagger 2.0 (lower-case type)', async () => {
    const document = await exportJson('swagger', 'integrations');
    expect(operations(document)['/pets post']!['x-amazon-apigateway-integration']).toEqual({
      httpMethod: 'POST',
      uri: BACKEND_LAMBDA_URI,
      passthroughBehavior: 'when_no_match',
      contentHandling: 'CONVERT_TO_TEXT',
      type: 'aws_proxy',
    });
    expect(document['x-amazon-apigateway-binary-media-types']).toEqual(['image/png', 'application/octet-stream']);
  });
});

describe('GetExport (OpenAPI 3.0.1)', () => {
  it('without extensions: servers with the basePath variable, `content: {}` for responses without models, components, no x-amazon-apigateway-* but ANY', async () => {
    const document = await exportJson('oas30');
    expect(document.openapi).toBe('3.0.1');
    expect(document.info).toEqual({ title: 'exported', description: 'Every exportable feature', version });
    expect(Object.keys(document.info as object)).toEqual(['title', 'description', 'version']);
    // AWS: the variable's default is the bare stage name (AWS-validated LocalStack snapshot `test_export_oas30_openapi`).
    expect(document.servers).toEqual([{ url: `https://${built.apiId}.execute-api.us-east-1.amazonaws.com/{basePath}`, variables: { basePath: { default: STAGE } } }]);
    const ops = operations(document);
    expect(ops['/ get']).toEqual({ responses: { '200': { description: '200 response', headers: { 'Content-Type': { schema: { type: 'string' } } }, content: {} } } });
    expect(ops['/pets get']!.parameters).toEqual([
      { name: 'type', in: 'query', schema: { type: 'string' } },
      { name: 'x-trace', in: 'header', required: true, schema: { type: 'string' } },
    ]);
    expect(ops['/pets post']).toEqual({
      requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } }, required: true },
      responses: {},
      security: [{ api_key: [] }],
    });
    expect(Object.keys(document.paths as object)).toEqual(['/', '/admin', '/pets', '/pets/{petId}', '/{proxy+}']);
    expect(Object.keys((document.paths as Record<string, object>)['/{proxy+}']!)).toEqual(['x-amazon-apigateway-any-method']);
    const components = document.components as Record<string, Record<string, unknown>>;
    expect(components.schemas!.Pets).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Pet' } });
    expect(components.schemas!.Pet).toEqual({ title: 'Pet', ...PET_SCHEMA });
    expect(components.securitySchemes!['token-auth']).toEqual({ type: 'apiKey', name: 'Authorization', in: 'header' });
    expect(JSON.stringify(document)).not.toMatch(/x-amazon-apigateway-(integration|authorizer|request-validator|gateway-responses|policy|binary)/);
  });

  it('with extensions=integrations: each integration type as AWS writes it, validators and the API-level extensions', async () => {
    const document = await exportJson('oas30', 'integrations');
    const ops = operations(document);
    expect(ops['/ get']!['x-amazon-apigateway-integration']).toEqual({
      responses: { default: { statusCode: '200', responseParameters: { 'method.response.header.Content-Type': "'text/html'" }, responseTemplates: { 'text/html': '<h1>pets</h1>' } } },
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      passthroughBehavior: 'when_no_match',
      type: 'mock',
    });
    expect(ops['/pets get']!['x-amazon-apigateway-request-validator']).toBe('params-only');
    expect(ops['/pets get']!['x-amazon-apigateway-integration']).toEqual({
      httpMethod: 'GET',
      uri: 'https://backend.example.com/pets',
      responses: { default: { statusCode: '200', responseParameters: { 'method.response.header.x-count': 'integration.response.header.x-total' } } },
      requestParameters: { 'integration.request.querystring.kind': 'method.request.querystring.type' },
      passthroughBehavior: 'when_no_match',
      timeoutInMillis: 5000,
      type: 'http',
    });
    expect(Object.keys(ops['/pets get']!['x-amazon-apigateway-integration'] as object)).toEqual(['httpMethod', 'uri', 'responses', 'requestParameters', 'passthroughBehavior', 'timeoutInMillis', 'type']);
    expect(ops['/pets post']!['x-amazon-apigateway-request-validator']).toBe('all');
    expect(ops['/pets/{petId} get']!['x-amazon-apigateway-integration']).toMatchObject({
      responses: { '404': { statusCode: '404' }, default: { statusCode: '200' } },
      passthroughBehavior: 'never',
      type: 'mock',
    });
    expect(ops['/pets/{petId} delete']!['x-amazon-apigateway-integration']).toMatchObject({ responses: { '2\\d{2}': { statusCode: '204' } }, passthroughBehavior: 'when_no_templates', type: 'http' });
    // AWS: the cache namespace (the resource id by default) shows with cache key parameters (real exports).
    expect(ops['/{proxy+} x-amazon-apigateway-any-method']!['x-amazon-apigateway-integration']).toEqual({
      httpMethod: 'ANY',
      uri: 'https://backend.example.com/{proxy}',
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      passthroughBehavior: 'when_no_match',
      cacheNamespace: built.resources['/{proxy+}'],
      cacheKeyParameters: ['method.request.path.proxy'],
      type: 'http_proxy',
    });
    expect(document['x-amazon-apigateway-request-validators']).toEqual({
      all: { validateRequestParameters: true, validateRequestBody: true },
      'params-only': { validateRequestParameters: true, validateRequestBody: false },
    });
    expect((document['x-amazon-apigateway-gateway-responses'] as Record<string, unknown>).DEFAULT_4XX).toEqual({
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      responseTemplates: { 'application/json': '{"error": $context.error.messageString}' },
    });
    // AWS: gateway response status codes are numbers in exports.
    expect((document['x-amazon-apigateway-gateway-responses'] as Record<string, Record<string, unknown>>).MISSING_AUTHENTICATION_TOKEN!.statusCode).toBe(404);
    expect(document['x-amazon-apigateway-policy']).toEqual(POLICY);
    expect(document['x-amazon-apigateway-binary-media-types']).toEqual(['image/png', 'application/octet-stream']);
    expect(document['x-amazon-apigateway-api-key-source']).toBe('HEADER');
    expect((document.components as Record<string, Record<string, Record<string, unknown>>>).securitySchemes!['token-auth']).not.toHaveProperty('x-amazon-apigateway-authorizer');
  });

  it('extensions=apigateway exports the same as extensions=integrations', async () => {
    expect(await exportJson('oas30', 'apigateway')).toEqual(await exportJson('oas30', 'integrations'));
  });

  it('extensions=authorizers adds x-amazon-apigateway-authorizer to each authorizer scheme, and its auth type when it has one', async () => {
    const document = await exportJson('oas30', 'authorizers');
    const schemes = (document.components as Record<string, Record<string, unknown>>).securitySchemes;
    expect(schemes).toEqual({
      'token-auth': {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': { authorizerUri: AUTHORIZER_URI, authorizerResultTtlInSeconds: 60, identityValidationExpression: '^Bearer .+$', type: 'token' },
      },
      // AWS: several identity sources leave the scheme's name as `Unused` (real exports).
      'request-auth': {
        type: 'apiKey',
        name: 'Unused',
        in: 'header',
        'x-amazon-apigateway-authorizer': {
          authorizerUri: REQUEST_AUTHORIZER_URI,
          authorizerResultTtlInSeconds: 0,
          identitySource: 'method.request.header.x-user, method.request.querystring.tenant',
          type: 'request',
        },
      },
      sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
      api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
    });
    expect(operations(document)['/pets/{petId} delete']!.security).toEqual([{ 'request-auth': [] }]);
    expect(JSON.stringify(document)).not.toContain('x-amazon-apigateway-integration');
  });

  it('extensions=postman adds the SigV4 helper to AWS_IAM methods only', async () => {
    const ops = operations(await exportJson('oas30', 'postman'));
    expect(ops['/admin get']!['x-postman-meta']).toEqual({
      currentHelper: 'awsSigV4',
      helperAttributes: { accessKey: '{{aws_access_key_id}}', secretKey: '{{aws_secret_access_key}}', region: 'us-east-1', service: 'execute-api', saveHelper: true },
    });
    expect(ops['/pets get']).not.toHaveProperty('x-postman-meta');
  });

  it('answers YAML for Accept: application/yaml, the same document as the JSON one, named oas30_{version}.yaml', async () => {
    const yaml = await exportApi({ accepts: 'application/yaml', parameters: { extensions: 'integrations,authorizers' } });
    expect(yaml.contentType).toBe('application/octet-stream');
    expect(yaml.contentDisposition).toBe(`attachment; filename="oas30_${version}.yaml"`);
    expect(yaml.text.startsWith('---\nopenapi: "3.0.1"\ninfo:\n  title: "exported"\n')).toBe(true);
    expect(parse(yaml.text)).toEqual(await exportJson('oas30', 'integrations,authorizers'));
    const json = await exportApi({ accepts: 'application/json' });
    expect(json.contentDisposition).toBe(`attachment; filename="oas30_${version}.json"`);
  });
});

describe('GetExport: what is exported', () => {
  it("exports the stage's deployment, not later edits; the API's own version names the file", async () => {
    const api = await client.send(new CreateRestApiCommand({ name: 'deployed-only' }));
    const target = { restApiId: api.id!, resourceId: api.rootResourceId! };
    await client.send(new PutMethodCommand({ ...target, httpMethod: 'GET', authorizationType: 'NONE' }));
    await client.send(new PutIntegrationCommand({ ...target, httpMethod: 'GET', type: 'MOCK' }));
    await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
    await client.send(new PutMethodCommand({ ...target, httpMethod: 'POST', authorizationType: 'NONE' }));
    await client.send(new PutIntegrationCommand({ ...target, httpMethod: 'POST', type: 'MOCK' }));
    const exportOf = async () => {
      const output = await client.send(new GetExportCommand({ restApiId: api.id, stageName: 'prod', exportType: 'swagger' }));
      return { document: JSON.parse(Buffer.from(output.body!).toString('utf8')) as Record<string, Record<string, unknown>>, disposition: output.contentDisposition };
    };
    expect(Object.keys((await exportOf()).document.paths!['/'] as object)).toEqual(['get']);

    // AWS: an API with a `version` exports it as info.version and in the file name (AWS-validated LocalStack snapshot: `swagger_1.0.0.json`).
    await client.send(new UpdateRestApiCommand({ restApiId: api.id, patchOperations: [{ op: 'replace', path: '/version', value: '1.0.0' }] }));
    await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
    const redeployed = await exportOf();
    expect(Object.keys(redeployed.document.paths!['/'] as object)).toEqual(['get', 'post']);
    expect(redeployed.document.info).toEqual({ version: '1.0.0', title: 'deployed-only' });
    expect(redeployed.disposition).toBe('attachment; filename="swagger_1.0.0.json"');
  });
});

describe('GetExport errors', () => {
  it('answers 404 for an unknown API or stage and 400 for an unknown export type', async () => {
    await expect(client.send(new GetExportCommand({ restApiId: 'nope', stageName: STAGE, exportType: 'oas30' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 000000000000:nope',
    });
    const noStage = client.send(new GetExportCommand({ restApiId: built.apiId, stageName: 'nope', exportType: 'oas30' }));
    await expect(noStage).rejects.toBeInstanceOf(NotFoundException);
    await expect(noStage).rejects.toMatchObject({ message: 'Invalid stage identifier specified' });
    const badType = client.send(new GetExportCommand({ restApiId: built.apiId, stageName: STAGE, exportType: 'raml' }));
    await expect(badType).rejects.toBeInstanceOf(BadRequestException);
    await expect(badType).rejects.toMatchObject({ message: 'Invalid export type specified: raml' });
  });

  it('refuses an API with a model that is not application/json ("Only found non-JSON body models for ...", AWS docs)', async () => {
    const api = await client.send(new CreateRestApiCommand({ name: 'xml-models' }));
    await client.send(new CreateModelCommand({ restApiId: api.id, name: 'Xml', contentType: 'application/xml', schema: '{"type": "object"}' }));
    await client.send(new PutMethodCommand({ restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
    await client.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET', type: 'MOCK' }));
    await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'dev' }));
    const refused = client.send(new GetExportCommand({ restApiId: api.id, stageName: 'dev', exportType: 'oas30' }));
    await expect(refused).rejects.toBeInstanceOf(BadRequestException);
    await expect(refused).rejects.toMatchObject({ message: 'Only found non-JSON body models for Xml' });
  });
});

describe('aws apigateway get-export (the real AWS CLI)', () => {
  it('writes the export to the output file and prints its content type and disposition', async () => {
    const outfile = join(work, 'export.yaml');
    const { stdout } = await run(
      'aws',
      [
        'apigateway',
        'get-export',
        '--rest-api-id',
        built.apiId,
        '--stage-name',
        STAGE,
        '--export-type',
        'swagger',
        '--parameters',
        'extensions=integrations',
        '--accepts',
        'application/yaml',
        outfile,
        '--endpoint-url',
        portico.url,
        '--region',
        'us-east-1',
        '--output',
        'json',
      ],
      { env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_PAGER: '' } },
    );
    expect(JSON.parse(stdout)).toEqual({ contentType: 'application/octet-stream', contentDisposition: `attachment; filename="swagger_${version}.yaml"` });
    const document = parse(readFileSync(outfile, 'utf8')) as Record<string, unknown>;
    expect(document).toEqual(await exportJson('swagger', 'integrations'));
    expect(document.basePath).toBe('/dev');
  });
});
