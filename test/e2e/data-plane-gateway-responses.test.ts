// Customised gateway responses at request time (reference §1.4): the type's own customisation,
// DEFAULT_4XX/DEFAULT_5XX inheritance, responseParameters sources and template substitution.

import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayResponse } from '../../src/model/rest-api.js';
import { definitionOf, httpProxy, startDataPlaneHarness, type DataPlaneHarness } from '../support/data-plane-harness.js';

let harness: DataPlaneHarness;
beforeAll(async () => {
  harness = await startDataPlaneHarness();
});
afterAll(() => harness.close());

const custom = (responseType: string, fields: Partial<GatewayResponse>): GatewayResponse => ({
  responseType,
  responseParameters: {},
  responseTemplates: {},
  defaultResponse: false,
  ...fields,
});

async function call(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { headers });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

describe('customised gateway responses', () => {
  it("uses the type's own status, headers and template", async () => {
    harness.deploy(
      definitionOf('gwr0000001', { '/x': { GET: httpProxy('http://127.0.0.1:1/x') } }, [
        custom('MISSING_AUTHENTICATION_TOKEN', {
          statusCode: '404',
          responseParameters: {
            'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
            'gatewayresponse.header.x-echo': 'method.request.header.x-in',
            'gatewayresponse.header.x-q': 'method.request.querystring.q',
            'gatewayresponse.header.x-stage': 'stageVariables.color',
            'gatewayresponse.header.x-ctx': 'context.stage',
            'gatewayresponse.header.x-none': 'method.request.header.absent',
          },
          responseTemplates: {
            'application/json': '{"error":$context.error.messageString,"type":"$context.error.responseType","id":"$context.requestId","stage":"${context.stage}","color":"$stageVariables.color.","util":"$util.escape(1)"}',
          },
        }),
      ]),
      'prod',
      { color: 'blue' },
    );
    const response = await call(harness.invokeUrl('gwr0000001', 'prod', '/nothing?q=v'), { 'x-in': 'echoed' });
    expect(response.status).toBe(404);
    expect(response.headers).toMatchObject({ 'access-control-allow-origin': '*', 'x-echo': 'echoed', 'x-q': 'v', 'x-stage': 'blue', 'x-ctx': 'prod' });
    expect(response.headers['x-none']).toBeUndefined();
    expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(response.headers['content-type']).toBe('application/json');
    const id = response.headers['x-amzn-requestid'];
    expect(response.text).toBe(
      `{"error":"Missing Authentication Token","type":"MISSING_AUTHENTICATION_TOKEN","id":"${String(id)}","stage":"prod","color":"blue.","util":"$util.escape(1)"}`,
    );
  });

  it('falls back to DEFAULT_4XX for a 4xx type without its own customisation; its status applies', async () => {
    harness.deploy(
      definitionOf('gwr0000002', { '/x': { GET: httpProxy('http://127.0.0.1:1/x') } }, [
        custom('DEFAULT_4XX', { statusCode: '418', responseParameters: { 'gatewayresponse.header.x-default': "'4xx'" }, responseTemplates: { 'text/plain': 'four: $context.error.message' } }),
      ]),
      'prod',
    );
    const response = await call(harness.invokeUrl('gwr0000002', 'prod', '/nothing'));
    expect(response.status).toBe(418);
    expect(response.headers['x-default']).toBe('4xx');
    expect(response.headers['content-type']).toBe('text/plain');
    expect(response.text).toBe('four: Missing Authentication Token');
  });

  it("DEFAULT_4XX without a status keeps each error's own status", async () => {
    harness.deploy(
      definitionOf('gwr0000003', { '/x': { GET: httpProxy('http://127.0.0.1:1/x') } }, [custom('DEFAULT_4XX', { responseParameters: { 'gatewayresponse.header.x-d': "'d'" } })]),
      'prod',
    );
    const response = await call(harness.invokeUrl('gwr0000003', 'prod', '/nothing'));
    expect(response.status).toBe(403);
    expect(response.headers['x-d']).toBe('d');
    expect(response.text).toBe('{"message":"Missing Authentication Token"}');
  });

  it('DEFAULT_5XX applies to 5xx types (here a connection refused → API_CONFIGURATION_ERROR), not to 4xx', async () => {
    harness.deploy(
      definitionOf('gwr0000004', { '/x': { GET: httpProxy('http://127.0.0.1:1/x') } }, [
        custom('DEFAULT_5XX', { statusCode: '503', responseTemplates: { 'application/json': '{"oops":$context.error.messageString}' } }),
      ]),
      'prod',
    );
    const five = await call(harness.invokeUrl('gwr0000004', 'prod', '/x'));
    expect(five.status).toBe(503);
    expect(five.text).toBe('{"oops":"Internal server error"}');
    const four = await call(harness.invokeUrl('gwr0000004', 'prod', '/nothing'));
    expect(four.status).toBe(403);
    expect(four.text).toBe('{"message":"Missing Authentication Token"}');
  });

  it("a type's own customisation wins over DEFAULT_4XX", async () => {
    harness.deploy(
      definitionOf('gwr0000005', { '/x': { GET: httpProxy('http://127.0.0.1:1/x') } }, [
        custom('DEFAULT_4XX', { statusCode: '400' }),
        custom('MISSING_AUTHENTICATION_TOKEN', { statusCode: '404', responseTemplates: { 'application/json': '{}' } }),
      ]),
      'prod',
    );
    const response = await call(harness.invokeUrl('gwr0000005', 'prod', '/nothing'));
    expect([response.status, response.text]).toEqual([404, '{}']);
  });

  it('unknown stages are never customised (there is no API to take it from)', async () => {
    const response = await call(harness.invokeUrl('gwr0000005', 'nostage', '/nothing'));
    expect([response.status, response.text]).toEqual([403, '{"message":"Forbidden"}']);
  });
});
