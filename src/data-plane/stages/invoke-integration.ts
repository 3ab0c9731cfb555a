// invoke-integration: calls the method's compiled integration with the invocation's AbortSignal,
// armed with the integration's `timeoutInMillis` (INTEGRATION_TIMEOUT, 504). Reference §1.6.

import { IntegrationTimeoutError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import type { PipelineStage, StageOutcome } from '../pipeline.js';

const timedOut = (): Error => new IntegrationTimeoutError();

export const invokeIntegration: PipelineStage<RoutedContext> = {
  name: 'invoke-integration',
  async run(ctx): Promise<StageOutcome> {
    // hot path
    const integration = ctx.route.value.integration;
    ctx.integrationInvoked = true;
    ctx.armTimeout(integration.timeoutInMillis, timedOut);
    try {
      ctx.endpointResponse = await integration.invoke(ctx, ctx.services.integrations);
    } finally {
      ctx.disarmTimeout();
    }
    return 'next';
  },
};
