// compileDeployment: AWS's deploy-time refusals (exact messages) and what the snapshot holds.

import { describe, expect, it } from 'vitest';
import { definitionOf, httpProxy } from '../../test/support/data-plane-harness.js';
import { compileDeployment, NO_INTEGRATION, NO_METHODS } from './compile-deployment.js';
import { DeploymentCompileError } from './deployment-compile-error.js';

const compileError = (fn: () => unknown): DeploymentCompileError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DeploymentCompileError) return error;
    throw error;
  }
  throw new Error('expected a DeploymentCompileError');
};

describe('compileDeployment refusals', () => {
  it("refuses an API without methods: `The REST API doesn't contain any methods` (AWS)", () => {
    expect(compileError(() => compileDeployment(definitionOf('api', { '/pets': {} }), 'd1')).message).toBe(NO_METHODS);
    expect(NO_METHODS).toBe("The REST API doesn't contain any methods");
  });

  it('refuses a method without integration: `No integration defined for method` (AWS)', () => {
    const definition = definitionOf('api', { '/a': { GET: httpProxy('http://example.com') }, '/b': { POST: undefined } });
    expect(compileError(() => compileDeployment(definition, 'd1')).message).toBe(NO_INTEGRATION);
    expect(NO_INTEGRATION).toBe('No integration defined for method');
  });

  it.each(['ftp://example.com/x', 'example.com/x', 'http://', 'http:///path', '${stageVariables.url}', 'not a url'])('refuses the HTTP URI %s: `Invalid HTTP endpoint specified for URI`', (uri) => {
    const definition = definitionOf('api', { '/a': { GET: httpProxy(uri) } });
    expect(compileError(() => compileDeployment(definition, 'd1')).message).toBe('Invalid HTTP endpoint specified for URI');
  });

  it('refuses a missing URI on an HTTP integration', () => {
    const definition = definitionOf('api', { '/a': { GET: { type: 'HTTP', uri: undefined } } });
    expect(compileError(() => compileDeployment(definition, 'd1')).message).toBe('Invalid HTTP endpoint specified for URI');
  });

  it.each([
    'http://${stageVariables.host}/pets/{petId}',
    'https://${stageVariables.host}:${stageVariables.port}/{proxy}?a=${stageVariables.q}',
    'http://example.com',
    'HTTP://EXAMPLE.COM/x#fragment',
  ])('accepts %s (placeholders masked before validation)', (uri) => {
    expect(() => compileDeployment(definitionOf('api', { '/{proxy+}': { ANY: httpProxy(uri) } }), 'd1')).not.toThrow();
  });

  it('still deploys integration types that are not served yet (MOCK, AWS_PROXY...)', () => {
    const definition = definitionOf('api', { '/m': { GET: { type: 'MOCK' } }, '/l': { POST: { type: 'AWS_PROXY', uri: 'arn:aws:apigateway:us-east-1:lambda:path/x' } } });
    const snapshot = compileDeployment(definition, 'd1');
    expect(snapshot.routes.lookup('GET', '/m')?.value.integration.type).toBe('MOCK');
  });
});

describe('compileDeployment output', () => {
  const definition = definitionOf(
    'api',
    {
      '/pets/{petId}': {
        GET: httpProxy('http://example.com/pets/{id}', {
          requestParameters: {
            'integration.request.path.id': 'method.request.path.petId',
            'integration.request.querystring.q': "'static'",
            'integration.request.header.X-Api': 'stageVariables.key',
            'integration.request.nowhere.x': "'ignored'",
          },
        }),
      },
    },
    [{ responseType: 'MISSING_AUTHENTICATION_TOKEN', statusCode: '404', responseParameters: { 'gatewayresponse.header.x-a': "'b'" }, responseTemplates: { 'application/json': '{"m":$context.error.messageString}' }, defaultResponse: false }],
  );
  const snapshot = compileDeployment(definition, 'dep1');

  it('routes to the compiled method with its resource id and path', () => {
    const match = snapshot.routes.lookup('GET', '/pets/3');
    expect(match?.value).toMatchObject({ resourcePath: '/pets/{petId}', httpMethod: 'GET' });
    expect(match?.value.integration).toMatchObject({ type: 'HTTP_PROXY', proxy: true, timeoutInMillis: 29000 });
  });

  it('pre-compiles requestParameters into per-location arrays', () => {
    const parameters = snapshot.routes.lookup('GET', '/pets/3')!.value.requestParameters;
    expect(parameters.empty).toBe(false);
    expect(parameters.path.map((p) => p.name)).toEqual(['id']);
    expect(parameters.querystring.map((p) => p.name)).toEqual(['q']);
    expect(parameters.header.map((p) => [p.name, p.lowerName])).toEqual([['X-Api', 'x-api']]);
  });

  it('keeps customised gateway responses, compiled', () => {
    const custom = snapshot.gatewayResponses.get('MISSING_AUTHENTICATION_TOKEN');
    expect(custom?.statusCode).toBe(404);
    expect(custom?.headers.map((h) => h.name)).toEqual(['x-a']);
    expect(custom?.template?.contentType).toBe('application/json');
    expect(snapshot.gatewayResponses.size).toBe(1);
    expect(snapshot.deploymentId).toBe('dep1');
  });
});
