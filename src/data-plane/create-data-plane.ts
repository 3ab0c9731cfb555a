// The data plane's composition: the invoke-URL matcher, the REST pipeline over the snapshot
// registry, and the keep-alive HTTP client pools integrations share (closed by close()).
// A request holds the ServedStage it looked up, so a redeploy never disturbs it.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent } from 'undici';
import type { IamPrincipal } from '../iam/principals.js';
import type { IntegrationServices } from '../integrations/compiled-integration.js';
import { noFunctions, type FunctionInvoker } from '../functions/function-invoker.js';
import type { Logger } from '../observability/logger.js';
import type { Clock } from '../shared/clock.js';
import { noSharedCache, type SharedCache, type TrafficState } from '../shared-state/traffic-state.js';
import type { SnapshotRegistry } from '../snapshot/snapshot-registry.js';
import type { TrafficRegistry } from '../traffic/traffic-registry.js';
import type { CachedAuthorization } from './authorizers/cached-authorization.js';
import { noUserPools, type UserPoolTokenVerifier } from './authorizers/user-pool-verifier.js';
import type { DataPlane, InvokeTarget } from './data-plane.js';
import { writeResponse } from './finalizers/send-response.js';
import { forbidden } from './gateway-errors.js';
import { InvocationContext, type DataPlaneServices } from './invocation-context.js';
import { matchInvokeUrl } from './match-invoke-url.js';
import { restPipeline } from './pipelines/rest.js';
import { renderGatewayResponse } from './render-gateway-response.js';
import { RequestIds } from './request-ids.js';
import { RequestTimeFormat } from './request-time.js';
import { runPipeline } from './run-pipeline.js';

export interface DataPlaneDeps {
  registry: SnapshotRegistry;
  clock: Clock;
  logger: Logger;
  /** API keys and usage plans, swapped by the control plane. */
  traffic: TrafficRegistry;
  /** Token buckets and quota counters (memory or Redis). */
  trafficState: TrafficState;
  /** Local Lambda functions for AWS_PROXY / AWS integrations; none when absent. */
  functions?: FunctionInvoker;
  /** Lambda authorizer results; nothing is cached when absent. */
  authorizerCache?: SharedCache<CachedAuthorization>;
  /** Cognito user pool token verification; every pool's keys are unavailable when absent. */
  userPools?: UserPoolTokenVerifier;
  /** The IAM principals AWS_IAM callers sign as; none when absent. */
  iamPrincipals?: readonly IamPrincipal[];
}

/** undici's own timers are off: the invocation's AbortSignal carries `timeoutInMillis`. */
const AGENT_OPTIONS = { headersTimeout: 0, bodyTimeout: 0, connect: { timeout: 10_000 } } as const;

export function createDataPlane(deps: DataPlaneDeps): DataPlane {
  const http = new Agent(AGENT_OPTIONS);
  let insecure: Agent | undefined;
  const integrations: IntegrationServices = {
    http,
    functions: deps.functions ?? noFunctions,
    get insecureHttp() {
      return (insecure ??= new Agent({ ...AGENT_OPTIONS, connect: { ...AGENT_OPTIONS.connect, rejectUnauthorized: false } }));
    },
  };
  const ids = new RequestIds();
  const services: DataPlaneServices = { integrations, logger: deps.logger, clock: deps.clock, ids, requestTimes: new RequestTimeFormat(), traffic: deps.traffic, trafficState: deps.trafficState, authorizerCache: deps.authorizerCache ?? noSharedCache, userPools: deps.userPools ?? noUserPools, iamPrincipals: new Map((deps.iamPrincipals ?? []).map((principal) => [principal.accessKeyId, principal])) };

  const fail = (res: ServerResponse, error: unknown): void => {
    deps.logger.error({ err: error }, 'data plane request failed outside the pipeline');
    if (!res.headersSent) res.destroy();
  };

  return {
    matchInvokeUrl,
    handle(req: IncomingMessage, res: ServerResponse, target: InvokeTarget): void {
      // hot path
      try {
        let servedStage = deps.registry.lookup(target.apiId, target.stageName);
        // AWS: with disableExecuteApiEndpoint deployed, the default endpoint answers 403 Forbidden (test: invoke-url-disabled.test.ts).
        if (servedStage === undefined || servedStage.snapshot.restApi.disableExecuteApiEndpoint) {
          rejectUnknownStage(req, res, ids);
          return;
        }
        // AWS: a canary release gets `percentTraffic` percent of the stage's requests, picked at random (test: canary.test.ts).
        const canary = servedStage.canary;
        if (canary !== undefined && Math.random() * 100 < canary.percentTraffic) servedStage = canary.served;
        const ctx = new InvocationContext(req, res, target, servedStage, services);
        const running = runPipeline(restPipeline, ctx);
        if (running !== undefined) running.catch((error: unknown) => fail(res, error));
      } catch (error) {
        fail(res, error);
      }
    },
    async close() {
      await Promise.all([http.close(), insecure?.close()]);
    },
  };
}

/**
 * AWS: an unknown stage (or API) answers 403 `{"message":"Forbidden"}` with no customisation
 * (reference §1.3, error type UNCONFIRMED; test: data-plane-errors.test.ts).
 */
function rejectUnknownStage(req: IncomingMessage, res: ServerResponse, ids: RequestIds): void {
  const response = renderGatewayResponse(forbidden(), undefined);
  response.headers.push('x-amzn-RequestId', ids.requestId(), 'x-amz-apigw-id', ids.extendedRequestId());
  writeResponse(req, res, response);
}
