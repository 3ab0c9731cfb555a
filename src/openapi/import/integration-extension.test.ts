// Unit tests of `x-amazon-apigateway-integration` conversion into integrations and integration responses.

import { describe, expect, it } from 'vitest';
import type { ConvertContext } from './convert-context.js';
import { convertIntegration } from './integration-extension.js';

/** A ConvertContext over an empty document. */
function createTestContext(root: Record<string, unknown>): ConvertContext {
  return { root, version: 3, options: { apiId: 'api1234567', region: 'eu-west-1', accountId: '123456789012', basePath: 'ignore' }, warnings: [], errors: [], models: new Map(), schemaNames: new Set() };
}

describe('convertIntegration', () => {
  it('upper-cases type and passthrough, applies AWS defaults, and keys responses by status code', () => {
    const ctx = createTestContext({});
    const integration = convertIntegration(
      ctx,
      { type: 'http', httpMethod: 'get', uri: 'https://example.com', passthroughBehavior: 'when_no_templates', responses: { default: { statusCode: 200 }, '5\\d{2}': { statusCode: '502', contentHandling: 'convert_to_text' } } },
      '/p',
      'GET',
    );
    expect(integration).toEqual({
      type: 'HTTP',
      httpMethod: 'GET',
      uri: 'https://example.com',
      connectionType: 'INTERNET',
      passthroughBehavior: 'WHEN_NO_TEMPLATES',
      timeoutInMillis: 29000,
      cacheKeyParameters: [],
      integrationResponses: { '200': { statusCode: '200' }, '502': { statusCode: '502', selectionPattern: '5\\d{2}', contentHandling: 'CONVERT_TO_TEXT' } },
    });
    expect(ctx.errors).toEqual([]);
  });

  it('keeps no URI on a MOCK and no connection type on AWS_PROXY (as PutIntegration)', () => {
    const ctx = createTestContext({});
    expect(convertIntegration(ctx, { type: 'MOCK', uri: 'ignored' }, '/', 'GET')).toEqual({ type: 'MOCK', passthroughBehavior: 'WHEN_NO_MATCH', timeoutInMillis: 29000, cacheKeyParameters: [] });
    expect(convertIntegration(ctx, { type: 'aws_proxy', httpMethod: 'POST', uri: 'arn:x' }, '/', 'GET')?.connectionType).toBeUndefined();
  });

  it('warns about non-string mapping values in AWS words and drops them (AWS-validated snapshot)', () => {
    const ctx = createTestContext({});
    const integration = convertIntegration(ctx, { type: 'mock', requestParameters: { 'integration.request.header.nothing': true, 'integration.request.header.kept': "'True'" } }, '/part/test', 'GET');
    expect(integration?.requestParameters).toEqual({ 'integration.request.header.kept': "'True'" });
    expect(ctx.warnings).toEqual([
      "Invalid format for 'requestParameters'. Expected type string for property 'integration.request.header.nothing' of resource '/part/test' and method 'GET' but got 'true'",
    ]);
  });

  it('reports an unknown type or status code as an import error', () => {
    const ctx = createTestContext({});
    expect(convertIntegration(ctx, { type: 'lambda' }, '/x', 'POST')).toBeUndefined();
    convertIntegration(ctx, { type: 'mock', responses: { default: { statusCode: '99' } } }, '/x', 'GET');
    expect(ctx.errors).toEqual([
      "Unable to put integration on 'POST' for resource at path '/x': Invalid integration type specified: lambda",
      "Unable to put integration on 'GET' for resource at path '/x': Invalid status code specified: 99",
    ]);
  });
});
