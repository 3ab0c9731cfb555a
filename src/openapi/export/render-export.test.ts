// Unit tests of the export renderer for what the e2e API does not build: Cognito authorizers with
// scopes, VPC links, TLS settings, the minimum compression size, definitions frozen before
// authorizers existed, and the option parsers. test/e2e/openapi-export.test.ts covers the rest.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DeploymentDefinition } from '../../model/deployment.js';
import type { Method } from '../../model/rest-api.js';
import { parseExportExtensions, renderExportDate, type ExportOptions } from './export-options.js';
import { renderExport } from './render-export.js';
import { parseExportMediaType, renderExportFile } from './render-export-file.js';
import { findExportRefusal } from './render-schemas.js';

const ALL = { apigateway: true, authorizers: true, postman: false };

function definitionWith(method: Method, extra: Partial<DeploymentDefinition> = {}): DeploymentDefinition {
  return {
    restApi: {
      id: 'a1b2c3d4e5',
      name: 'unit',
      createdDate: 0,
      apiKeySource: 'AUTHORIZER',
      endpointConfiguration: { types: ['REGIONAL'] },
      disableExecuteApiEndpoint: false,
      rootResourceId: 'root',
      minimumCompressionSize: 1024,
      policy: 'not json',
    },
    resources: [{ id: 'root', path: '/' }, { id: 'r1', parentId: 'root', pathPart: 'items', path: '/items', resourceMethods: { [method.httpMethod]: method } }],
    models: [],
    requestValidators: [],
    gatewayResponses: [],
    ...extra,
  };
}

function options(extensions = ALL): ExportOptions {
  return { exportType: 'oas30', extensions, stageName: 'prod', region: 'eu-west-1', deployedAt: 1563991755 };
}

describe('renderExport', () => {
  it('writes a Cognito authorizer with its provider ARNs and the method scopes', () => {
    const method: Method = { httpMethod: 'GET', authorizationType: 'COGNITO_USER_POOLS', authorizerId: 'au1', apiKeyRequired: false, authorizationScopes: ['pets/read'] };
    const authorizer = { id: 'au1', name: 'pool', type: 'COGNITO_USER_POOLS' as const, authType: 'cognito_user_pools', providerARNs: ['arn:aws:cognito-idp:eu-west-1:1:userpool/eu-west-1_x'], identitySource: 'method.request.header.Authorization', authorizerResultTtlInSeconds: 300 };
    const document = renderExport(definitionWith(method, { authorizers: [authorizer] }), options());
    expect((document.paths as Record<string, Record<string, Record<string, unknown>>>)['/items']!.get!.security).toEqual([{ pool: ['pets/read'] }]);
    expect((document.components as Record<string, unknown>).securitySchemes).toEqual({
      pool: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'cognito_user_pools',
        'x-amazon-apigateway-authorizer': { providerARNs: authorizer.providerARNs, type: 'cognito_user_pools' },
      },
    });
  });

  it('writes VPC link, TLS and timeout settings, the minimum compression size and the key source; leaves out a policy that is not JSON', () => {
    const method: Method = {
      httpMethod: 'POST',
      authorizationType: 'NONE',
      apiKeyRequired: false,
      methodIntegration: {
        type: 'HTTP_PROXY',
        httpMethod: 'POST',
        uri: 'https://internal.example.com/items',
        connectionType: 'VPC_LINK',
        connectionId: 'vl1234',
        passthroughBehavior: 'WHEN_NO_MATCH',
        timeoutInMillis: 29000,
        cacheNamespace: 'r1',
        cacheKeyParameters: [],
        tlsConfig: { insecureSkipVerification: true },
      },
    };
    const document = renderExport(definitionWith(method), options());
    expect((document.paths as Record<string, Record<string, Record<string, unknown>>>)['/items']!.post!['x-amazon-apigateway-integration']).toEqual({
      httpMethod: 'POST',
      uri: 'https://internal.example.com/items',
      passthroughBehavior: 'when_no_match',
      connectionType: 'VPC_LINK',
      connectionId: 'vl1234',
      tlsConfig: { insecureSkipVerification: true },
      type: 'http_proxy',
    });
    expect(document['x-amazon-apigateway-minimum-compression-size']).toBe(1024);
    expect(document['x-amazon-apigateway-api-key-source']).toBe('AUTHORIZER');
    expect(document).not.toHaveProperty('x-amazon-apigateway-policy');
  });

  it('exports a definition frozen before authorizers existed, with `components: {}` when nothing is shared', () => {
    const method: Method = { httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: false };
    const document = renderExport(definitionWith(method), options({ apigateway: false, authorizers: false, postman: false }));
    expect(document.components).toEqual({});
    expect(document.info).toEqual({ title: 'unit', version: '2019-07-24T18:09:15Z' });
  });
});

describe('export options and file', () => {
  it('reads comma-separated extensions; integrations and apigateway mean the same', () => {
    expect(parseExportExtensions('integrations, authorizers')).toEqual({ apigateway: true, authorizers: true, postman: false });
    expect(parseExportExtensions('apigateway')).toEqual({ apigateway: true, authorizers: false, postman: false });
    expect(parseExportExtensions(null)).toEqual({ apigateway: false, authorizers: false, postman: false });
  });

  it('writes dates to the second and picks YAML only when asked', () => {
    expect(renderExportDate(1563991755)).toBe('2019-07-24T18:09:15Z');
    expect(parseExportMediaType('application/yaml')).toBe('yaml');
    expect(parseExportMediaType('application/json')).toBe('json');
    expect(parseExportMediaType(undefined)).toBe('json');
    const file = renderExportFile({ swagger: '2.0', paths: { '/': { get: { parameters: [{ name: 'a' }] } } } }, 'swagger', '1.0', 'yaml');
    expect(file.contentDisposition).toBe('attachment; filename="swagger_1.0.yaml"');
    // Jackson-style YAML, as AWS writes it: sequences are not indented under their key.
    expect(file.body.toString()).toBe('---\nswagger: "2.0"\npaths:\n  /:\n    get:\n      parameters:\n      - name: "a"\n');
    expect(parse(file.body.toString())).toEqual({ swagger: '2.0', paths: { '/': { get: { parameters: [{ name: 'a' }] } } } });
  });

  it('refuses models that are not application/json', () => {
    expect(findExportRefusal([{ id: 'm1', name: 'Empty', contentType: 'application/json' }])).toBeUndefined();
    expect(findExportRefusal([{ id: 'm2', name: 'Xml', contentType: 'application/xml' }])).toBe('Only found non-JSON body models for Xml');
  });
});
