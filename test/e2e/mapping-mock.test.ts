// MOCK integrations end to end (reference §1.9, §2.3, §2.4): built with the real AWS SDK, called
// over HTTP. The request template picks the status code, which selects the integration response;
// its template reads $input.params, $context and $stageVariables; response parameters, overrides,
// Accept-based template choice, method response declarations, and the 500s AWS answers.

import { CreateDeploymentCommand, DeleteMethodResponseCommand, UpdateMethodResponseCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { TestApi } from './mapping-api.js';

let portico: TestPortico;
let api: TestApi;

const INTERNAL_ERROR = '{"message": "Internal server error"}';
const STATUS_FROM_QUERY = `#if($input.params('fail') == 'yes'){"statusCode": 500}#else{"statusCode": 200}#end`;

beforeAll(async () => {
  portico = await startTestPortico();
  api = await TestApi.create(portico.client, portico.url, 'mock-mapping');
  await api.method('/greet/{name}', 'GET', {
    requestParameters: { 'method.request.path.name': true, 'method.request.querystring.fail': false },
    integration: { type: 'MOCK', requestTemplates: { 'application/json': STATUS_FROM_QUERY } },
    methodResponses: {
      '200': { 'method.response.header.X-Static': false, 'method.response.header.X-Stage': false, 'method.response.header.X-Request': false },
      '500': {},
    },
    integrationResponses: [
      {
        statusCode: '200',
        responseParameters: {
          'method.response.header.X-Static': "'static value'",
          'method.response.header.X-Stage': 'stageVariables.color',
          'method.response.header.X-Request': 'context.requestId',
        },
        responseTemplates: {
          'application/json': `{"hello": "$input.params('name')", "requestId": "$context.requestId", "color": "$stageVariables.color", "resource": "$context.resourcePath", "stage": "$context.stage"}`,
          'text/html': `<p>Hello $input.params('name')</p>`,
        },
      },
      { statusCode: '500', selectionPattern: '5\\d{2}', responseTemplates: { 'application/json': '{"failed": true}' } },
    ],
  });
  await api.method('/no-template', 'GET', {
    integration: { type: 'MOCK' },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"default": true}' } }],
  });
  await api.method('/not-json', 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': 'statusCode is 200' } },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200' }],
  });
  await api.method('/no-default', 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 201}' } },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200', selectionPattern: '200' }],
  });
  await api.method('/override', 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    methodResponses: { '200': {} },
    integrationResponses: [
      {
        statusCode: '200',
        responseTemplates: { 'application/json': `#set($context.responseOverride.status = 418)#set($context.responseOverride.header.X-Override = "yes"){"teapot": true}` },
      },
    ],
  });
  await api.method('/accept', 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/xml': '<xml/>', 'text/plain': 'plain' } }],
  });
  await api.method('/broken', 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{\n  "a": 1,\n  #if($x == 1\n}' } }],
  });
  await api.method('/runtime-error', 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '#set($s = "abc")\n{"cut": "$s.substring(10)"}' } }],
  });
  await api.deploy('prod', { color: 'blue' });
});
afterAll(() => portico.close());

describe('a MOCK method with request and response templates', () => {
  it('renders $input.params, $context and $stageVariables; maps declared headers', async () => {
    const response = await api.call('/greet/Ada');
    expect(response.status).toBe(200);
    const requestId = String(response.headers['x-amzn-requestid']);
    expect(response.text).toBe(`{"hello": "Ada", "requestId": "${requestId}", "color": "blue", "resource": "/greet/{name}", "stage": "prod"}`);
    expect(response.headers).toMatchObject({ 'x-static': 'static value', 'x-stage': 'blue', 'x-request': requestId, 'content-type': 'application/json' });
    // AWS: no backend was called, so no X-Amzn-Trace-Id.
    expect(response.headers['x-amzn-trace-id']).toBeUndefined();
  });

  it('the request template picks the status; a 5\\d{2} pattern selects the 500 response', async () => {
    const response = await api.call('/greet/Ada?fail=yes');
    expect([response.status, response.text]).toEqual([500, '{"failed": true}']);
    expect(response.headers['x-static']).toBeUndefined();
  });

  it('Accept picks the response template (first media type only)', async () => {
    const html = await api.call('/greet/Ada', { headers: { accept: 'text/html, application/json' } });
    expect(html.text).toBe('<p>Hello Ada</p>');
    // AWS: the template's content type does not set Content-Type; only a mapped header does.
    expect(html.headers['content-type']).toBe('application/json');
    const other = await api.call('/greet/Ada', { headers: { accept: 'image/png' } });
    expect(other.text).toContain('"hello": "Ada"');
  });

  it('without application/json, an unmatched Accept uses the first template declared', async () => {
    expect((await api.call('/accept')).text).toBe('<xml/>');
    expect((await api.call('/accept', { headers: { accept: 'text/plain' } })).text).toBe('plain');
  });

  it('$context.responseOverride sets the status and headers', async () => {
    const response = await api.call('/override');
    expect([response.status, response.text, response.headers['x-override']]).toEqual([418, '{"teapot": true}', 'yes']);
  });
});

describe('MOCK edge cases', () => {
  it('without a request template, the default integration response answers with status 200', async () => {
    const response = await api.call('/no-template');
    expect([response.status, response.text]).toEqual([200, '{"default": true}']);
  });

  it('a request template output without a usable statusCode answers 500', async () => {
    const response = await api.call('/not-json');
    expect([response.status, response.text]).toEqual([500, INTERNAL_ERROR]);
    expect(response.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
  });

  it('no matching pattern and no default response is 500 API_CONFIGURATION_ERROR', async () => {
    const response = await api.call('/no-default');
    expect([response.status, response.text]).toEqual([500, INTERNAL_ERROR]);
    expect(portico.logs.some((line) => String(line.msg).includes('No match for output mapping and no default output mapping configured. Endpoint Response Status Code: 201'))).toBe(true);
  });

  it('a response template that cannot compile deploys, then answers 500 and logs template, line and column', async () => {
    const response = await api.call('/broken');
    expect([response.status, response.text]).toEqual([500, INTERNAL_ERROR]);
    const requestId = response.headers['x-amzn-requestid'];
    const line = portico.logs.find((entry) => entry.requestId === requestId && entry.template !== undefined);
    expect(line).toMatchObject({ template: "integration response 200 template 'application/json'", resourcePath: '/broken', httpMethod: 'GET' });
    expect(line?.line).toBeGreaterThanOrEqual(3);
    expect(line?.column).toBeGreaterThan(0);
    expect(String(line?.msg)).toMatch(/^Execution failed due to configuration error: Unable to transform response: integration response 200 template 'application\/json' at line \d+, column \d+/);
  });

  it('a response template failing at run time answers 500 and logs template, line and column', async () => {
    const response = await api.call('/runtime-error');
    expect([response.status, response.text]).toEqual([500, INTERNAL_ERROR]);
    const line = portico.logs.find((entry) => entry.requestId === response.headers['x-amzn-requestid'] && entry.template !== undefined);
    expect(line).toMatchObject({ template: "integration response 200 template 'application/json'", line: 2 });
    expect(String(line?.msg)).toContain('Unable to transform response');
  });
});

describe('method responses', () => {
  it('a header whose declaration was removed from the method response no longer reaches the client', async () => {
    const resourceId = await api.resource('/greet/{name}');
    await portico.client.send(
      new UpdateMethodResponseCommand({
        restApiId: api.id,
        resourceId,
        httpMethod: 'GET',
        statusCode: '200',
        patchOperations: [{ op: 'remove', path: '/responseParameters/method.response.header.X-Static' }],
      }),
    );
    await portico.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'filtered', variables: { color: 'red' } }));
    const response = await api.call('/greet/Ada', { stage: 'filtered' });
    expect(response.status).toBe(200);
    expect(response.headers['x-static']).toBeUndefined();
    expect(response.headers['x-stage']).toBe('red');
  });

  it('an integration response whose method response was deleted answers 500', async () => {
    const resourceId = await api.resource('/greet/{name}');
    await portico.client.send(new DeleteMethodResponseCommand({ restApiId: api.id, resourceId, httpMethod: 'GET', statusCode: '500' }));
    await portico.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'undeclared', variables: { color: 'red' } }));
    expect((await api.call('/greet/Ada?fail=yes', { stage: 'undeclared' })).text).toBe(INTERNAL_ERROR);
    expect((await api.call('/greet/Ada', { stage: 'undeclared' })).status).toBe(200);
  });
});
