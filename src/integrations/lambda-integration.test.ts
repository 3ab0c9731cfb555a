// The deploy-time guard both Lambda integrations share: a misconfigured AWS or AWS_PROXY
// integration deploys, and every call answers 500 (API_CONFIGURATION_ERROR) with the reason logged.

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ApiConfigurationError } from '../data-plane/gateway-errors.js';
import type { Integration } from '../model/rest-api.js';
import { createLogger } from '../observability/logger.js';
import { compileAwsIntegration } from './aws-lambda.js';
import type { CompiledIntegration, IntegrationInvocation, IntegrationServices } from './compiled-integration.js';
import { compileLambdaProxyIntegration } from './lambda-proxy.js';

const FUNCTION_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:hello/invocations';

function integrationOf(overrides: Partial<Integration>): Integration {
  return { type: 'AWS_PROXY', httpMethod: 'POST', uri: FUNCTION_URI, passthroughBehavior: 'WHEN_NO_MATCH', timeoutInMillis: 29000, cacheNamespace: 'r', cacheKeyParameters: [], ...overrides };
}

/** Invokes with only a logger: the guard must answer before anything else is read. */
async function callAndLog(integration: CompiledIntegration): Promise<{ error: unknown; logged: string }> {
  let logged = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logged += chunk.toString('utf8');
      callback();
    },
  });
  const invocation = { logger: createLogger({ destination: sink }) } as unknown as IntegrationInvocation;
  const error = await integration.invoke(invocation, {} as IntegrationServices).catch((e: unknown) => e);
  return { error, logged };
}

describe.each([
  ['AWS_PROXY', compileLambdaProxyIntegration],
  ['AWS', compileAwsIntegration],
] as const)('%s integration misconfigured at deploy time', (type, compile) => {
  it.each([
    ['a verb other than POST (AWS: Lambda is invoked with POST)', { httpMethod: 'GET' }, 'must use the POST integration method'],
    ['a URI that names no Lambda function', { uri: 'arn:aws:apigateway:us-east-1:sqs:path/000000000000/queue' }, 'invokes only Lambda functions'],
    [
      'a mapped header Lambda cannot take (AWS: Content-Length, Transfer-Encoding, Authorization... fail every call)',
      { requestParameters: { 'integration.request.header.Transfer-Encoding': "'chunked'" } },
      'cannot be sent to Lambda',
    ],
  ])('answers 500 for %s, naming the reason in the log', async (_case, overrides, reason) => {
    const { error, logged } = await callAndLog(compile(integrationOf({ type, ...overrides })));
    expect(error).toBeInstanceOf(ApiConfigurationError);
    expect((error as ApiConfigurationError).message).toBe('Internal server error');
    expect(logged).toContain('Execution failed due to configuration error');
    expect(logged).toContain(reason);
  });

  it('keeps the integration timeout, defaulting to 29 s', () => {
    expect(compile(integrationOf({ type, timeoutInMillis: 1500 })).timeoutInMillis).toBe(1500);
    expect(compile(integrationOf({ type, timeoutInMillis: 0 })).timeoutInMillis).toBe(29000);
  });
});
