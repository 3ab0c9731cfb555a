// Unit tests of the OpenAPI → import plan converter over whole documents (the PetStore and extension fixtures).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOpenApiDocument } from '../parse-document.js';
import { convertOpenApiDocument } from './convert-document.js';
import type { ImportOptions } from './import-plan.js';

const OPTIONS: ImportOptions = { apiId: 'api1234567', region: 'us-east-1', accountId: '000000000000', basePath: 'ignore' };
const convert = (root: Record<string, unknown>, options: Partial<ImportOptions> = {}) =>
  convertOpenApiDocument({ version: root.swagger === '2.0' ? 2 : 3, root }, { ...OPTIONS, ...options });
const fixture = (name: string) => parseOpenApiDocument(readFileSync(join(import.meta.dirname, '../../../test/fixtures/openapi', name)));

describe('convertOpenApiDocument', () => {
  it("plans AWS's PetStore alike from its Swagger 2.0 and OpenAPI 3.0 forms", () => {
    const swagger = convertOpenApiDocument(fixture('petstore-swagger.json'), OPTIONS);
    const oas3 = convertOpenApiDocument(fixture('petstore.yaml'), OPTIONS);
    expect(swagger.resources.map((resource) => [resource.path, resource.methods.map((method) => method.httpMethod)])).toEqual([
      ['/', ['GET']],
      ['/pets', ['GET', 'POST', 'OPTIONS']],
      ['/pets/{petId}', ['GET', 'OPTIONS']],
    ]);
    expect(oas3.resources).toEqual(swagger.resources);
    expect(oas3.models.map((model) => model.name).sort()).toEqual(swagger.models.map((model) => model.name).sort());
    expect(swagger.warnings).toEqual([]);
    expect(swagger.errors).toEqual([]);
  });

  it('applies the root `security` to every operation unless the operation says otherwise (AWS-validated "global authorizer")', () => {
    const plan = convert({
      openapi: '3.0.2',
      info: { title: 't' },
      security: [{ auth: [] }],
      components: { securitySchemes: { auth: { type: 'apiKey', name: 'X', in: 'header', 'x-amazon-apigateway-authorizer': { type: 'request', authorizerUri: 'arn', identitySource: 'method.request.header.X' } } } },
      paths: { '/a': { get: {} }, '/b': { get: { security: [] } }, '/c': { get: { 'x-amazon-apigateway-auth': { type: 'aws_iam' } } } },
    });
    const method = (path: string) => plan.resources.find((resource) => resource.path === path)!.methods[0]!;
    expect(method('/a')).toMatchObject({ authorizationType: 'CUSTOM', authorizerName: 'auth' });
    expect(method('/b')).toMatchObject({ authorizationType: 'NONE' });
    expect(method('/b').authorizerName).toBeUndefined();
    expect(method('/c')).toMatchObject({ authorizationType: 'AWS_IAM' });
    expect(plan.authorizers).toEqual([{ name: 'auth', type: 'REQUEST', authorizerUri: 'arn', identitySource: 'method.request.header.X', authorizerResultTtlInSeconds: 300 }]);
  });

  it('creates every ancestor, maps any-method to ANY, merges path-level parameters, and prefixes the base path', () => {
    const plan = convert(
      {
        swagger: '2.0',
        info: { title: 't' },
        basePath: '/v1',
        paths: {
          '/a/{id}/b/': {
            parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
            'x-amazon-apigateway-any-method': { parameters: [{ name: 'q', in: 'query', type: 'string' }, { name: 'f', in: 'formData', type: 'string' }] },
            trace: {},
          },
        },
      },
      { basePath: 'prepend' },
    );
    expect(plan.resources.map((resource) => resource.path)).toEqual(['/', '/v1', '/v1/a', '/v1/a/{id}', '/v1/a/{id}/b']);
    expect(plan.resources[4]!.methods).toEqual([{ httpMethod: 'ANY', authorizationType: 'NONE', apiKeyRequired: false, requestParameters: { 'method.request.path.id': true, 'method.request.querystring.q': false } }]);
    expect(plan.warnings).toEqual([
      "Unsupported parameter location 'formData' for parameter 'f' of resource '/v1/a/{id}/b' and method 'ANY'. Ignoring.",
      "Unsupported HTTP method 'TRACE' on resource '/v1/a/{id}/b'. Ignoring.",
    ]);
  });

  it('reports invalid path parts as errors and unknown validators as warnings', () => {
    const plan = convert({ openapi: '3.0.0', info: { title: 't' }, 'x-amazon-apigateway-request-validator': 'nope', paths: { '/ok': { get: {} }, '/a b': { get: {} }, '/x{y}': { get: {} } } });
    expect(plan.errors).toHaveLength(2);
    expect(plan.errors[0]).toMatch(/^Unable to create resource at path '\/a b': Resource's path part only allow/);
    expect(plan.warnings).toEqual(["Request validator 'nope' of resource '/ok' and method 'GET' is not defined in x-amazon-apigateway-request-validators. Ignoring."]);
  });
});
