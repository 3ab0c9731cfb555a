// method-response: the integration response becomes what the client gets. Proxy integrations
// return it as is (AWS applies method response declarations only to non-proxy integrations).
// Reference §2.4; AWS developer guide "Set up a method response".

import type { RoutedContext } from '../invocation-context.js';
import type { PipelineStage } from '../pipeline.js';

export const methodResponse: PipelineStage<RoutedContext> = {
  name: 'method-response',
  run(ctx) {
    // hot path
    const integration = ctx.integrationResponse;
    if (integration === undefined) throw new Error('method-response ran without an integration response');
    ctx.response = { statusCode: integration.statusCode, headers: integration.headers, body: integration.body };
    return 'next';
  },
};
