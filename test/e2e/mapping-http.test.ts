// HTTP (non-proxy) integrations end to end against a real backend (reference §1.5, §1.9, §2): what
// the backend receives (integration verb, URI template, mapped parameters, AWS's headers, the
// template's body, request overrides), passthrough behaviours (415), integration response
// selection by status code, response parameters, header remapping; gateway responses' $context.error.

import { PutGatewayResponseCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../support/backend.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { TestApi } from './mapping-api.js';

let portico: TestPortico;
let backend: TestBackend;
let api: TestApi;
let errors: TestApi;

const INTERNAL_ERROR = '{"message": "Internal server error"}';

beforeAll(async () => {
  backend = await startBackend((request, res) => {
    const status = Number(new URL(request.url, 'http://x').searchParams.get('status') ?? '200');
    res.writeHead(status, ['Content-Type', 'application/json', 'X-Backend', 'b1', 'X-Multi', 'a', 'X-Multi', 'b', 'Server', 'test-backend']);
    res.end(JSON.stringify({ method: request.method, url: request.url, error: 'bad thing', body: request.body.toString('utf8') }));
  });
  portico = await startTestPortico();
  api = await TestApi.create(portico.client, portico.url, 'http-mapping');
  await api.method('/items/{id}', 'POST', {
    requestParameters: { 'method.request.path.id': true, 'method.request.querystring.q': false, 'method.request.querystring.status': false, 'method.request.header.x-in': false },
    integration: {
      type: 'HTTP',
      integrationHttpMethod: 'PUT',
      uri: `${backend.url}/things/{tid}?fixed=1`,
      passthroughBehavior: 'WHEN_NO_TEMPLATES',
      requestParameters: {
        'integration.request.path.tid': 'method.request.path.id',
        'integration.request.querystring.q': 'method.request.querystring.q',
        'integration.request.querystring.status': 'method.request.querystring.status',
        'integration.request.header.X-Mapped': 'method.request.header.x-in',
        'integration.request.header.X-Static': "'s'",
      },
      requestTemplates: {
        'application/json': `#set($context.requestOverride.header.X-Override = "over"){"wrapped": $input.json('$'), "id": "$input.params('id')"}`,
      },
    },
    methodResponses: {
      '200': {
        'method.response.header.X-Backend': false,
        'method.response.header.X-Multi': false,
        'method.response.header.X-Error': false,
        'method.response.header.X-Static': false,
        'method.response.header.Server': false,
      },
      '400': {},
    },
    integrationResponses: [
      {
        statusCode: '200',
        responseParameters: {
          'method.response.header.X-Backend': 'integration.response.header.X-Backend',
          'method.response.header.X-Multi': 'integration.response.multivalueheader.X-Multi',
          'method.response.header.X-Error': 'integration.response.body.error',
          'method.response.header.X-Static': "'yes'",
          'method.response.header.Server': 'integration.response.header.Server',
        },
        responseTemplates: { 'application/json': `{"backend": $input.json('$.method'), "url": $input.json('$.url')}` },
      },
      { statusCode: '400', selectionPattern: '4\\d{2}', responseTemplates: { 'application/json': `{"error": "$input.path('$.error')"}` } },
    ],
  });
  await api.method('/only-default', 'GET', {
    integration: { type: 'HTTP', integrationHttpMethod: 'GET', uri: `${backend.url}/things/x?status=400` },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200' }],
  });
  await api.method('/passthrough', 'POST', {
    integration: { type: 'HTTP', integrationHttpMethod: 'POST', uri: `${backend.url}/raw` },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200' }],
  });
  await api.method('/illegal', 'POST', {
    integration: {
      type: 'HTTP',
      integrationHttpMethod: 'POST',
      uri: `${backend.url}/raw`,
      requestTemplates: { 'application/json': '#set($context.requestOverride.header.Content-Length = "5"){}' },
    },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200' }],
  });
  await api.method('/override/{id}', 'POST', {
    requestParameters: { 'method.request.path.id': true, 'method.request.querystring.q': false },
    integration: {
      type: 'HTTP',
      integrationHttpMethod: 'POST',
      uri: `${backend.url}/things/{tid}`,
      requestParameters: { 'integration.request.path.tid': 'method.request.path.id', 'integration.request.querystring.q': 'method.request.querystring.q' },
      requestTemplates: {
        'application/json': '#set($context.requestOverride.path.tid = "99")#set($context.requestOverride.querystring.q = "over")#set($context.requestOverride.header.Accept = "text/csv")$input.json(\'$.a\')',
      },
    },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200' }],
  });
  await api.method('/match', 'POST', {
    integration: { type: 'HTTP', integrationHttpMethod: 'POST', uri: `${backend.url}/raw`, requestTemplates: { 'application/json': '{"templated": true}' } },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200' }],
  });
  await api.deploy();

  errors = await TestApi.create(portico.client, portico.url, 'gateway-responses');
  await errors.method('/never', 'POST', {
    integration: { type: 'HTTP', integrationHttpMethod: 'POST', uri: `${backend.url}/raw`, passthroughBehavior: 'NEVER' },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200' }],
  });
  await errors.method('/no-default', 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200', selectionPattern: '201' }],
  });
  await portico.client.send(
    new PutGatewayResponseCommand({
      restApiId: errors.id,
      responseType: 'UNSUPPORTED_MEDIA_TYPE',
      responseTemplates: { 'application/json': '{"msg": $context.error.messageString, "type": "$context.error.responseType", "raw": "$context.error.message", "validation": "$context.error.validationErrorString"}' },
    }),
  );
  await portico.client.send(
    new PutGatewayResponseCommand({
      restApiId: errors.id,
      responseType: 'DEFAULT_5XX',
      statusCode: '503',
      responseParameters: { 'gatewayresponse.header.X-Error-Type': 'context.error.responseType' },
      responseTemplates: { 'application/json': '{"oops": $context.error.messageString}' },
    }),
  );
  await errors.deploy();
});
afterAll(async () => {
  await portico.close();
  await backend.close();
});

const lastRequest = () => backend.requests.at(-1)!;

describe('the integration request an HTTP backend receives', () => {
  it('uses the integration verb, the URI template, mapped parameters and the template output', async () => {
    const response = await api.call('/items/7?q=v&ignored=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-in': 'hi', 'x-client': 'not forwarded' },
      body: '{"a": 1}',
    });
    expect(response.status).toBe(200);
    const seen = lastRequest();
    expect(seen.method).toBe('PUT');
    expect(seen.url).toBe('/things/7?fixed=1&q=v');
    expect(seen.body.toString()).toBe('{"wrapped": {"a":1}, "id": "7"}');
    expect(seen.headers).toMatchObject({
      accept: 'application/json',
      'user-agent': `AmazonAPIGateway_${api.id}`,
      'x-amzn-apigateway-api-id': api.id,
      'x-mapped': 'hi',
      'x-static': 's',
      'x-override': 'over',
      'content-type': 'application/json',
    });
    expect(seen.headers['x-amzn-trace-id']).toMatch(/^Root=1-/);
    expect(seen.headers['x-client']).toBeUndefined();
    expect(seen.headers['x-in']).toBeUndefined();
  });

  it('selects the template by Content-Type without its parameters', async () => {
    const response = await api.call('/items/8', { method: 'POST', headers: { 'content-type': 'Application/JSON; charset=UTF-8' }, body: '{}' });
    expect(response.status).toBe(200);
    expect(lastRequest().body.toString()).toBe('{"wrapped": {}, "id": "8"}');
  });

  it('WHEN_NO_MATCH without templates passes the body and Content-Type through; the client query is not forwarded', async () => {
    const response = await api.call('/passthrough?x=1', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'raw text' });
    expect(response.status).toBe(200);
    expect(lastRequest()).toMatchObject({ url: '/raw', body: Buffer.from('raw text') });
    expect(lastRequest().headers['content-type']).toBe('text/plain');
  });

  it('an empty JSON body reads as {} in templates', async () => {
    await api.call('/items/9', { method: 'POST' });
    expect(lastRequest().body.toString()).toBe('{"wrapped": {}, "id": "9"}');
  });

  it('a body that is not JSON, read as JSON by the template, answers 400', async () => {
    const before = backend.requests.length;
    const response = await api.call('/items/9', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/^\{"message": "Could not parse request body into json/);
    expect(backend.requests.length).toBe(before);
  });

  it('$context.requestOverride replaces mapped path, query and header values', async () => {
    await api.call('/override/5?q=client', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a": {"b": 1}}' });
    expect(lastRequest()).toMatchObject({ method: 'POST', url: '/things/99?q=over', body: Buffer.from('{"b":1}') });
    expect(lastRequest().headers.accept).toBe('text/csv');
  });

  it('WHEN_NO_MATCH passes an unmatched Content-Type through even when templates exist', async () => {
    await api.call('/match', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'as is' });
    expect(lastRequest().body.toString()).toBe('as is');
    await api.call('/match', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(lastRequest().body.toString()).toBe('{"templated": true}');
  });

  it('a request override of Content-Length fails the call with 500', async () => {
    const before = backend.requests.length;
    const response = await api.call('/illegal', { method: 'POST', body: '{}' });
    expect([response.status, response.text]).toEqual([500, INTERNAL_ERROR]);
    expect(backend.requests.length).toBe(before);
  });
});

describe('passthrough behaviors', () => {
  it('WHEN_NO_TEMPLATES with templates refuses an unmatched Content-Type with 415', async () => {
    const response = await api.call('/items/1', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect([response.status, response.text]).toEqual([415, '{"message":"Unsupported Media Type"}']);
    expect(response.headers['content-type']).toBe('application/json');
  });

  it('NEVER refuses any Content-Type when no template matches; a customised UNSUPPORTED_MEDIA_TYPE renders $context.error', async () => {
    const response = await errors.call('/never', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(415);
    expect(response.text).toBe('{"msg": "Unsupported Media Type", "type": "UNSUPPORTED_MEDIA_TYPE", "raw": "Unsupported Media Type", "validation": ""}');
  });
});

describe('integration responses', () => {
  it('maps headers from the endpoint response, its body and static values; renders the template', async () => {
    const response = await api.call('/items/7?q=v', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.text).toBe('{"backend": "PUT", "url": "/things/7?fixed=1&q=v"}');
    expect(response.headers).toMatchObject({ 'x-backend': 'b1', 'x-multi': 'a,b', 'x-error': 'bad thing', 'x-static': 'yes', 'content-type': 'application/json' });
    // AWS: Server mapped from the backend reaches the client as x-amzn-Remapped-Server (reference §1.5).
    expect(response.headers['x-amzn-remapped-server']).toBe('test-backend');
    expect(response.headers['x-amzn-trace-id']).toMatch(/^Root=1-/);
  });

  it('a backend 400 and 404 select the 4\\d{2} response', async () => {
    for (const status of ['400', '404']) {
      const response = await api.call(`/items/7?status=${status}`, { method: 'POST', body: '{}' });
      expect([response.status, response.text]).toEqual([400, '{"error": "bad thing"}']);
      expect(response.headers['x-backend']).toBeUndefined();
    }
  });

  it('a backend 500 matching no pattern falls to the default response', async () => {
    const response = await api.call('/items/7?status=500', { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
  });

  it('with only a default 200 response, a backend 400 reaches the client as 200 with its body', async () => {
    const response = await api.call('/only-default');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ method: 'GET', url: '/things/x?status=400' });
  });

  it('no match and no default flows into a customised DEFAULT_5XX', async () => {
    const response = await errors.call('/no-default');
    expect([response.status, response.text]).toEqual([503, '{"oops": "Internal server error"}']);
    expect(response.headers['x-error-type']).toBe('API_CONFIGURATION_ERROR');
  });
});
