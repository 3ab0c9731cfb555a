// The AWS_PROXY integration with Lambda: the method request becomes the payload 1.0 event, the
// function runs on the local runtime, its proxy response is the method response; a function error
// or a malformed response is 502. Compiled at deploy time (URI parsed, stage variables pre-split).
// Reference §1.7, §1.8; AWS developer guide "Set up Lambda proxy integrations in API Gateway".

import type { Integration } from '../model/rest-api.js';
import type { CompiledIntegration, EndpointResponse, IntegrationInvocation, IntegrationServices } from './compiled-integration.js';
import { LambdaIntegration } from './lambda-integration.js';
import { invokeLambda } from './lambda-invoke.js';
import { packProxyEvent } from './lambda-proxy-event-packed.js';
import { malformedProxyResponse, readProxyResponse } from './lambda-proxy-response.js';
import { compileLambdaTarget } from './lambda-target.js';

/** Deploy time. */
export function compileLambdaProxyIntegration(integration: Integration): CompiledIntegration {
  return new LambdaProxyIntegration(integration, compileLambdaTarget(integration.uri));
}

class LambdaProxyIntegration extends LambdaIntegration implements CompiledIntegration {
  readonly type = 'AWS_PROXY';
  readonly proxy = true;

  // hot path
  async invoke(invocation: IntegrationInvocation, services: IntegrationServices): Promise<EndpointResponse> {
    this.rejectIfMisconfigured(invocation);
    const result = await invokeLambda(invocation, services, this.target, packProxyEvent(invocation));
    if (result.functionError !== undefined) {
      // AWS: a function error through a proxy integration is 502 (reference §1.8; test: lambda-proxy.test.ts).
      invocation.logger.warn({ payload: result.payload.toString('utf8', 0, 1024) }, 'Lambda execution failed with status 200 due to customer function error');
      throw malformedProxyResponse();
    }
    return readProxyResponse(result.payload, invocation);
  }
}
