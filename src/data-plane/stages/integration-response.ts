// integration-response: turns the endpoint response into the integration response. For proxy
// integrations (HTTP_PROXY, AWS_PROXY) AWS passes it through unchanged; selection by
// `selectionPattern` and response templates belong to the non-proxy integrations. Reference §2.3.

import { ApiConfigurationError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import type { PipelineStage } from '../pipeline.js';

export const integrationResponse: PipelineStage<RoutedContext> = {
  name: 'integration-response',
  run(ctx) {
    // hot path
    const endpoint = ctx.endpointResponse;
    if (endpoint === undefined) throw new Error('integration-response ran without an endpoint response');
    if (!ctx.route.value.integration.proxy) {
      // No non-proxy integration is served yet, so none has integration responses to select from:
      // AWS answers that case with API_CONFIGURATION_ERROR (reference §2.3).
      throw new ApiConfigurationError();
    }
    ctx.integrationResponse = endpoint;
    return 'next';
  },
};
