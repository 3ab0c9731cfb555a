// invoke-integration: calls the method's compiled integration with the invocation's AbortSignal,
// armed with the integration's `timeoutInMillis` (INTEGRATION_TIMEOUT, 504). Integrations that
// answer without I/O (MOCK) are called synchronously, with no timer. Reference §1.6, §1.9.

import type { CompiledIntegration } from '../../integrations/compiled-integration.js';
import { IntegrationTimeoutError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import type { PipelineStage, StageOutcome } from '../pipeline.js';

const timedOut = (): Error => new IntegrationTimeoutError();

export const invokeIntegration: PipelineStage<RoutedContext> = {
  name: 'invoke-integration',
  run(ctx) {
    // hot path
    const integration = ctx.route.value.integration;
    if (integration.invokeLocally !== undefined) {
      // AWS: no backend is called, so no X-Amzn-Trace-Id on the response (integrationInvoked stays false).
      ctx.endpointResponse = integration.invokeLocally(ctx);
      return 'next';
    }
    return invokeRemote(ctx, integration);
  },
};

async function invokeRemote(ctx: RoutedContext, integration: CompiledIntegration): Promise<StageOutcome> {
  ctx.integrationInvoked = true;
  ctx.armTimeout(integration.timeoutInMillis, timedOut);
  try {
    ctx.endpointResponse = await integration.invoke(ctx, ctx.services.integrations);
  } finally {
    ctx.disarmTimeout();
  }
  return 'next';
}
