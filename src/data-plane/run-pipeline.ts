// The pipeline runner: runs the stages in order over one InvocationContext, narrows it once after
// route-request, turns any thrown error into the response through the one gateway response renderer
// (internal bugs become DEFAULT_5XX with the stack in the log), then runs every finalizer.

import { ClientGoneError, GatewayError, internalServerError } from './gateway-errors.js';
import type { InvocationContext } from './invocation-context.js';
import type { Pipeline, PipelineStage, StageOutcome } from './pipeline.js';
import { renderGatewayResponse } from './render-gateway-response.js';

/** hot path: never rejects. */
export async function runPipeline(pipeline: Pipeline, ctx: InvocationContext): Promise<void> {
  try {
    const outcome = await runStages(pipeline.request, ctx);
    if (outcome === 'next') await runStages(pipeline.routed, ctx.routed());
    if (ctx.response === undefined) throw new Error('the pipeline finished without a response');
  } catch (error) {
    if (!(error instanceof ClientGoneError) && !ctx.clientGone) ctx.response = renderGatewayResponse(asGatewayError(error, ctx), ctx);
  }
  ctx.finish();
  for (const finalizer of pipeline.finalizers) {
    try {
      finalizer.run(ctx);
    } catch (error) {
      ctx.logger.error({ err: error, finalizer: finalizer.name }, 'finalizer failed');
    }
  }
}

async function runStages<C>(stages: ReadonlyArray<PipelineStage<C>>, ctx: C): Promise<StageOutcome> {
  for (let i = 0; i < stages.length; i++) {
    const result = stages[i]!.run(ctx);
    const outcome = typeof result === 'string' ? result : await result;
    if (outcome === 'respond') return outcome;
  }
  return 'next';
}

function asGatewayError(error: unknown, ctx: InvocationContext): GatewayError {
  if (error instanceof GatewayError) return error;
  ctx.logger.error({ err: error }, 'internal error while serving an API request');
  return internalServerError();
}
