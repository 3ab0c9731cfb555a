// The AWS_PROXY integration with Lambda: the method request becomes the payload 1.0 event, the
// function runs on the local runtime, its proxy response is the method response; a function error
// or a malformed response is 502. Compiled at deploy time (URI parsed, stage variables pre-split).
// Reference §1.7, §1.8; AWS developer guide "Set up Lambda proxy integrations in API Gateway".

import { ApiConfigurationError } from '../data-plane/gateway-errors.js';
import { DEFAULT_INTEGRATION_TIMEOUT } from '../data-plane/limits.js';
import type { Integration } from '../model/rest-api.js';
import type { CompiledIntegration, EndpointResponse, IntegrationInvocation, IntegrationServices } from './compiled-integration.js';
import { invokeLambda } from './lambda-invoke.js';
import { buildProxyEvent } from './lambda-proxy-event.js';
import { malformedProxyResponse, readProxyResponse } from './lambda-proxy-response.js';
import { compileLambdaTarget, type CompiledLambdaTarget } from './lambda-target.js';

/** AWS: mapping these onto an AWS or AWS_PROXY integration request fails every call with 500 (reference §1.5). */
export const ILLEGAL_LAMBDA_MAPPED_HEADERS: ReadonlySet<string> = new Set(['content-length', 'transfer-encoding', 'authorization', 'connection', 'expect', 'proxy-authenticate', 'te']);

/** Deploy time. */
export function compileLambdaProxyIntegration(integration: Integration): CompiledIntegration {
  return new LambdaProxyIntegration(integration, compileLambdaTarget(integration.uri));
}

class LambdaProxyIntegration implements CompiledIntegration {
  readonly type = 'AWS_PROXY';
  readonly proxy = true;
  readonly timeoutInMillis: number;
  /** Why every call fails with 500, or `undefined` when the integration is usable. */
  private readonly misconfiguration: string | undefined;

  constructor(
    integration: Integration,
    private readonly target: CompiledLambdaTarget,
  ) {
    this.timeoutInMillis = integration.timeoutInMillis > 0 ? integration.timeoutInMillis : DEFAULT_INTEGRATION_TIMEOUT;
    this.misconfiguration = misconfigurationOf(integration, target);
  }

  // hot path
  async invoke(invocation: IntegrationInvocation, services: IntegrationServices): Promise<EndpointResponse> {
    if (this.misconfiguration !== undefined) {
      invocation.logger.error({}, `Execution failed due to configuration error: ${this.misconfiguration}`);
      throw new ApiConfigurationError();
    }
    const result = await invokeLambda(invocation, services, this.target, Buffer.from(buildProxyEvent(invocation)));
    if (result.functionError !== undefined) {
      // AWS: a function error through a proxy integration is 502 (reference §1.8; test: lambda-proxy.test.ts).
      invocation.logger.warn({ payload: result.payload.toString('utf8', 0, 1024) }, 'Lambda execution failed with status 200 due to customer function error');
      throw malformedProxyResponse();
    }
    return readProxyResponse(result.payload, invocation);
  }
}

/**
 * AWS: a Lambda proxy integration must use POST (reference §1.7), name a Lambda function, and not
 * map the headers above; otherwise it deploys but answers 500 (test: lambda-proxy.test.ts).
 */
export function misconfigurationOf(integration: Integration, target: CompiledLambdaTarget, requirePost = true): string | undefined {
  if (requirePost && integration.httpMethod !== 'POST') return `Lambda invocations must use the POST integration method (got ${integration.httpMethod ?? 'none'})`;
  if (!target.lambda) return `Portico invokes only Lambda functions through ${integration.type} integrations (uri ${integration.uri ?? 'none'})`;
  for (const key of Object.keys(integration.requestParameters ?? {})) {
    if (key.startsWith('integration.request.header.') && ILLEGAL_LAMBDA_MAPPED_HEADERS.has(key.slice('integration.request.header.'.length).toLowerCase())) {
      return `the mapped header ${key} cannot be sent to Lambda`;
    }
  }
  return undefined;
}
