// The pipeline runner: runs the stages in order over one InvocationContext, narrows it once after
// route-request, turns any thrown error into the response through the one gateway response renderer
// (internal bugs become DEFAULT_5XX with the stack in the log), then runs every finalizer.

import { ClientGoneError, GatewayError, internalServerError } from './gateway-errors.js';
import type { InvocationContext } from './invocation-context.js';
import type { Pipeline, PipelineStage, StageOutcome } from './pipeline.js';
import { renderGatewayResponse } from './render-gateway-response.js';

const SETTLED: Promise<void> = Promise.resolve();

/**
 * hot path: never rejects. Runs the stages synchronously until one returns a promise (a MOCK request
 * allocates no promise and takes one microtask, for the finalizers); from there on it continues
 * asynchronously and the returned promise settles when the finalizers have run.
 */
export function runPipeline(pipeline: Pipeline, ctx: InvocationContext): Promise<void> | undefined {
  let pending: Promise<StageOutcome> | undefined;
  try {
    const outcome = runStages(pipeline.request, ctx, 0);
    if (typeof outcome !== 'string') pending = outcome.then((requestOutcome) => (requestOutcome === 'next' ? runStages(pipeline.routed, ctx.routed(), 0) : requestOutcome));
    else if (outcome === 'next') {
      const routed = runStages(pipeline.routed, ctx.routed(), 0);
      if (typeof routed !== 'string') pending = routed;
    }
    if (pending === undefined) checkResponse(ctx);
  } catch (error) {
    fail(ctx, error);
  }
  if (pending === undefined) {
    // The response is still written in a microtask, as when every stage was awaited: by then the
    // HTTP parser has finished the request, so `req.complete` holds for a request without a body
    // and send-response keeps the connection alive. A promise reaction, not queueMicrotask (which
    // creates an AsyncResource and a bound function per call); finalize never throws.
    void SETTLED.then(() => finalize(pipeline, ctx));
    return undefined;
  }
  // Still in the turn that started the request: no `close` event can have been dispatched yet.
  ctx.watchClient();
  return pending.then(
    () => {
      try {
        checkResponse(ctx);
      } catch (error) {
        fail(ctx, error);
      }
      finalize(pipeline, ctx);
    },
    (error: unknown) => {
      fail(ctx, error);
      finalize(pipeline, ctx);
    },
  );
}

/** Runs `stages` from `start`; synchronous while every stage is, a promise from the first one that is not. */
function runStages<C>(stages: ReadonlyArray<PipelineStage<C>>, ctx: C, start: number): StageOutcome | Promise<StageOutcome> {
  for (let i = start; i < stages.length; i++) {
    const result = stages[i]!.run(ctx);
    if (typeof result !== 'string') return result.then((outcome) => (outcome === 'respond' ? outcome : runStages(stages, ctx, i + 1)));
    if (result === 'respond') return result;
  }
  return 'next';
}

function checkResponse(ctx: InvocationContext): void {
  if (ctx.response === undefined) throw new Error('the pipeline finished without a response');
}

function fail(ctx: InvocationContext, error: unknown): void {
  if (!(error instanceof ClientGoneError) && !ctx.clientGone) ctx.response = renderGatewayResponse(asGatewayError(error, ctx), ctx);
}

/** Never throws (it may run in a microtask, where a throw would be an uncaught exception). */
function finalize(pipeline: Pipeline, ctx: InvocationContext): void {
  try {
    ctx.finish();
  } catch (error) {
    ctx.logger.error({ err: error }, 'releasing the invocation failed');
  }
  for (const finalizer of pipeline.finalizers) {
    try {
      finalizer.run(ctx);
    } catch (error) {
      ctx.logger.error({ err: error, finalizer: finalizer.name }, 'finalizer failed');
    }
  }
}

function asGatewayError(error: unknown, ctx: InvocationContext): GatewayError {
  if (error instanceof GatewayError) return error;
  ctx.logger.error({ err: error }, 'internal error while serving an API request');
  return internalServerError();
}
