// The shape of a data-plane pipeline (DESIGN §2): named stages over one InvocationContext, split at
// route-request so later stages get the narrowed RoutedContext, plus finalizers that always run.
// The concrete lists live in pipelines/ (rest.ts); run-pipeline.ts executes them.

import type { InvocationContext, RoutedContext } from './invocation-context.js';

/** `'respond'`: the response is ready (a MOCK or a cache hit); later stages are skipped. */
export type StageOutcome = 'next' | 'respond';

/**
 * A pipeline stage. Contract: return `'next'` or `'respond'` (synchronously when nothing is awaited,
 * which keeps the hot path free of promise ticks), or throw a GatewayError. Never write the client
 * response, never build an error response.
 */
export interface PipelineStage<C> {
  readonly name: string;
  run(ctx: C): StageOutcome | Promise<StageOutcome>;
}

/** Runs after the stages whatever happened; must not throw (the runner logs it if one does). */
export interface Finalizer {
  readonly name: string;
  run(ctx: InvocationContext): void;
}

export interface Pipeline {
  /** Stages up to and including route-request. */
  readonly request: ReadonlyArray<PipelineStage<InvocationContext>>;
  /** Stages after route-request matched a method. */
  readonly routed: ReadonlyArray<PipelineStage<RoutedContext>>;
  readonly finalizers: readonly Finalizer[];
}
