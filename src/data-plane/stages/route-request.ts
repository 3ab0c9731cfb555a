// route-request: finds the method serving the request in the snapshot's route tree and records
// `$context.resourceId` / `$context.resourcePath`. No match (or the verb is not defined) is AWS's
// 403 Missing Authentication Token. Reference §1.2, §1.3.

import { MissingAuthenticationTokenError } from '../gateway-errors.js';
import type { InvocationContext } from '../invocation-context.js';
import type { PipelineStage } from '../pipeline.js';

export const routeRequest: PipelineStage<InvocationContext> = {
  name: 'route-request',
  run(ctx) {
    // hot path
    const match = ctx.servedStage.snapshot.routes.lookup(ctx.httpMethod, ctx.path);
    // AWS: unknown path and undefined verb both answer 403 (test: data-plane-errors.test.ts).
    if (match === undefined) throw new MissingAuthenticationTokenError();
    ctx.route = match;
    ctx.vars.resourceId = match.value.resourceId;
    ctx.vars.resourcePath = match.value.resourcePath;
    return 'next';
  },
};
