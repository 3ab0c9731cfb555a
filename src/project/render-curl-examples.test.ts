// The curl lines `portico serve DIR` prints: one per method, path parameters from their examples,
// the JSON body example, and the API key where the method's security requires one.

import { describe, expect, it } from 'vitest';
import { renderCurlExamples } from './render-curl-examples.js';

const BASE = 'http://127.0.0.1:4566/_aws/execute-api/abc/dev/';

describe('renderCurlExamples', () => {
  it('renders each method of an OpenAPI 3 document', () => {
    const definition = `
openapi: 3.0.1
paths:
  /hello:
    get: {}
  /greet:
    post:
      security: [{api_key: []}]
      requestBody: {content: {application/json: {example: {name: Ada}}}}
  /items/{id}:
    parameters: [{name: id, in: path, example: 42}]
    delete: {}
  /backend/{proxy+}:
    x-amazon-apigateway-any-method: {}
components:
  securitySchemes:
    api_key: {type: apiKey, name: x-api-key, in: header}
`;
    expect(renderCurlExamples(definition, BASE, 'k'.repeat(20))).toEqual([
      'curl http://127.0.0.1:4566/_aws/execute-api/abc/dev/hello',
      `curl -X POST -H 'x-api-key: ${'k'.repeat(20)}' -H 'content-type: application/json' -d '{"name":"Ada"}' http://127.0.0.1:4566/_aws/execute-api/abc/dev/greet`,
      'curl -X DELETE http://127.0.0.1:4566/_aws/execute-api/abc/dev/items/42',
      'curl http://127.0.0.1:4566/_aws/execute-api/abc/dev/backend/proxy',
    ]);
  });

  it('reads Swagger 2 security definitions, and renders nothing for an unreadable document', () => {
    const swagger = 'swagger: "2.0"\nsecurityDefinitions: {key: {type: apiKey, name: x-api-key, in: header}}\npaths: {/a: {get: {security: [{key: []}]}}}\n';
    expect(renderCurlExamples(swagger, BASE, 'secret-value-0123456789')).toEqual([`curl -H 'x-api-key: secret-value-0123456789' ${BASE}a`]);
    expect(renderCurlExamples('{', BASE, undefined)).toEqual([]);
  });
});
