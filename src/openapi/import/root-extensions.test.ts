// Unit tests of the root-level x-amazon-apigateway-* extensions: API settings, gateway responses, validators.

import { describe, expect, it } from 'vitest';
import type { ConvertContext } from './convert-context.js';
import type { JsonObject } from './json-values.js';
import { convertApi, convertGatewayResponses, convertValidators } from './root-extensions.js';

/** A ConvertContext over a literal document. */
function createTestContext(root: JsonObject, version: 2 | 3 = 3): ConvertContext {
  return { root, version, options: { apiId: 'api1234567', region: 'eu-west-1', accountId: '123456789012', basePath: 'ignore' }, warnings: [], errors: [], models: new Map(), schemaNames: new Set() };
}

describe('root extensions', () => {
  it('reads info and the API-level extensions; the endpoint configuration may sit on the first server (OpenAPI 3)', () => {
    const ctx = createTestContext({
      info: { title: 'T', description: 'D', version: 3 },
      servers: [{ url: 'https://x', 'x-amazon-apigateway-endpoint-configuration': { types: ['private'], vpcEndpointIds: ['vpce-1'], disableExecuteApiEndpoint: true } }],
      'x-amazon-apigateway-binary-media-types': ['*/*'],
      'x-amazon-apigateway-minimum-compression-size': '0',
      'x-amazon-apigateway-api-key-source': 'authorizer',
    });
    expect(convertApi(ctx)).toEqual({
      name: 'T',
      description: 'D',
      version: '3',
      binaryMediaTypes: ['*/*'],
      minimumCompressionSize: 0,
      apiKeySource: 'AUTHORIZER',
      endpointConfiguration: { types: ['PRIVATE'], vpcEndpointIds: ['vpce-1'] },
      disableExecuteApiEndpoint: true,
    });
    expect(ctx.errors).toEqual([]);
  });

  it('stores the policy as UpdateRestApi does: `execute-api:/` expanded to the API ARN, escaped', () => {
    const ctx = createTestContext({ info: { title: 'T' }, 'x-amazon-apigateway-policy': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: ['execute-api:/*'] }] } });
    expect(convertApi(ctx).policy).toBe(
      '{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"execute-api:Invoke\\",\\"Resource\\":[\\"arn:aws:execute-api:eu-west-1:123456789012:api1234567\\/*\\"]}]}',
    );
  });

  it('refuses an unknown API key source', () => {
    const ctx = createTestContext({ 'x-amazon-apigateway-api-key-source': 'QUERY' });
    expect(convertApi(ctx).apiKeySource).toBeUndefined();
    expect(ctx.errors).toEqual(['Invalid API key source specified: QUERY. Must be one of: [HEADER, AUTHORIZER]']);
  });

  it('reads validators (flags default to false) and gateway responses (AWS default template, unknown types ignored)', () => {
    const ctx = createTestContext({
      'x-amazon-apigateway-request-validators': { basic: { validateRequestBody: true }, none: {} },
      'x-amazon-apigateway-gateway-responses': { THROTTLED: { statusCode: 503 }, NOT_A_TYPE: {} },
    });
    expect(convertValidators(ctx)).toEqual([
      { name: 'basic', validateRequestBody: true, validateRequestParameters: false },
      { name: 'none', validateRequestBody: false, validateRequestParameters: false },
    ]);
    expect(convertGatewayResponses(ctx)).toEqual([
      { responseType: 'THROTTLED', statusCode: '503', responseParameters: {}, responseTemplates: { 'application/json': '{"message":$context.error.messageString}' }, defaultResponse: false },
    ]);
    expect(ctx.warnings).toEqual(['Invalid gateway response type specified: NOT_A_TYPE. Ignoring.']);
  });
});
