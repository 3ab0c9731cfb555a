// The Swagger 2.0 export AWS writes, without extensions, for the API of openapi-api.ts: the
// shapes of the AWS-validated LocalStack snapshot `test_export_swagger_openapi` (`"{code} response"`,
// `required: false` query parameters, body parameters named after their model, consumes/produces
// from models and templates, `$ref`s to `#/definitions/`) applied to our API.

const string = { type: 'string' };

export function expectedSwagger(apiId: string, version: string): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { description: 'Every exportable feature', version, title: 'exported' },
    host: `${apiId}.execute-api.us-east-1.amazonaws.com`,
    basePath: '/dev',
    schemes: ['https'],
    paths: {
      '/': {
        get: {
          consumes: ['application/json'],
          produces: ['text/html'],
          responses: { '200': { description: '200 response', headers: { 'Content-Type': string } } },
        },
      },
      '/admin': {
        get: { consumes: ['application/json'], responses: { '200': { description: '200 response' } }, security: [{ sigv4: [] }] },
      },
      '/pets': {
        get: {
          operationId: 'ListPets',
          produces: ['application/json'],
          parameters: [
            { name: 'type', in: 'query', required: false, type: 'string' },
            { name: 'x-trace', in: 'header', required: true, type: 'string' },
          ],
          responses: { '200': { description: '200 response', schema: { $ref: '#/definitions/Pets' }, headers: { 'x-count': string } } },
        },
        post: {
          consumes: ['application/json'],
          parameters: [{ in: 'body', name: 'Pet', required: true, schema: { $ref: '#/definitions/Pet' } }],
          responses: {},
          security: [{ api_key: [] }],
        },
      },
      '/pets/{petId}': {
        get: {
          consumes: ['application/json'],
          produces: ['application/json'],
          parameters: [{ name: 'petId', in: 'path', required: true, type: 'string' }],
          responses: { '200': { description: '200 response', schema: { $ref: '#/definitions/Pet' } }, '404': { description: '404 response' } },
          security: [{ 'token-auth': [] }],
        },
        delete: {
          parameters: [{ name: 'petId', in: 'path', required: true, type: 'string' }],
          responses: { '204': { description: '204 response' } },
          security: [{ 'request-auth': [] }],
        },
      },
      '/{proxy+}': {
        'x-amazon-apigateway-any-method': { parameters: [{ name: 'proxy', in: 'path', required: true, type: 'string' }], responses: {} },
      },
    },
    securityDefinitions: {
      'token-auth': { type: 'apiKey', name: 'Authorization', in: 'header' },
      'request-auth': { type: 'apiKey', name: 'Unused', in: 'header' },
      sigv4: { type: 'apiKey', name: 'Authorization', in: 'header' },
      api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
    },
    definitions: {
      Empty: { title: 'Empty Schema', type: 'object' },
      Error: { title: 'Error Schema', type: 'object', properties: { message: string } },
      Pet: { title: 'Pet', type: 'object', required: ['name'], properties: { id: { type: 'integer' }, name: string } },
      Pets: { type: 'array', items: { $ref: '#/definitions/Pet' } },
    },
  };
}
