// throttle: every throttling level AWS has, the strictest winning — the account (per region), the
// stage's methodSettings, the usage plan (per key) and the plan's per-method limits — then the plan's
// quota, in one all-or-nothing admission. Reference §6, §7.3; AWS guide "Throttle requests".

import { SharedStateError, type Admission } from '../../shared-state/traffic-state.js';
import { Default5xxError, QuotaExceededError, ThrottledError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import type { PipelineStage, StageOutcome } from '../pipeline.js';

export const throttle: PipelineStage<RoutedContext> = {
  name: 'throttle',
  run(ctx) {
    // hot path: without a key only the account bucket (and a stage limit, if any); nothing allocated.
    const served = ctx.servedStage;
    const services = ctx.services;
    const method = ctx.route.value;
    const binding = ctx.usagePlan;
    let result: Admission | Promise<Admission>;
    try {
      result = services.trafficState.admit(
        ctx.vars.requestTimeEpoch,
        services.traffic.region(served.region).account,
        served.throttle.get(method),
        binding?.plan,
        binding?.methods?.get(method.resourcePath)?.get(method.httpMethod),
        binding?.usage,
      );
    } catch (error) {
      throw unavailable(error);
    }
    if (typeof result === 'string') return decide(result);
    return result.then(decide, (error: unknown) => {
      throw unavailable(error);
    });
  },
};

/** AWS: 429 `{"message":"Too Many Requests"}` / `{"message":"Limit Exceeded"}` (test: throttling.test.ts). */
function decide(admission: Admission): StageOutcome {
  if (admission === 'admitted') return 'next';
  if (admission === 'throttled') throw new ThrottledError();
  throw new QuotaExceededError();
}

/** Shared state unreachable with `--redis-failure-policy closed`: a Portico 503, not an AWS response. */
function unavailable(error: unknown): unknown {
  if (!(error instanceof SharedStateError)) return error;
  return new Default5xxError(503, 'ServiceUnavailableException', 'Service Unavailable');
}
