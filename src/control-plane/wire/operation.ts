// The shape of one management operation (CreateRestApi, PutMethod, ...): how the wire layer calls
// it and what it may use. Operations live in ../operations, one file per resource family.

import type { IncomingHttpHeaders } from 'node:http';
import type { FunctionInvoker } from '../../functions/function-invoker.js';
import type { Clock } from '../../shared/clock.js';
import type { StoreWriter } from '../../store/store.js';
import type { SharedCache, TrafficState } from '../../shared-state/traffic-state.js';
import type { SnapshotRegistry } from '../../snapshot/snapshot-registry.js';
import type { TrafficRegistry } from '../../traffic/traffic-registry.js';
import type { UserPoolVerifier } from '../../user-pools/create-user-pool-verifier.js';

export interface OperationInput {
  /** From the SigV4 credential scope; state is kept per region. */
  region: string;
  accountId: string;
  /** Path parameters, already percent-decoded, named as in the route template. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body: an object, or `{}` when the body is empty. */
  body: Record<string, unknown>;
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
}

export interface OperationServices {
  /** The transaction the whole operation runs in: if the operation throws, nothing is written. */
  tx: StoreWriter;
  clock: Clock;
  registry: SnapshotRegistry;
  /** API keys and usage plans as the data plane sees them, and their counters (usage plans, GetUsage). */
  traffic: { registry: TrafficRegistry; state: TrafficState };
  /** Lambda authorizer results (FlushStageAuthorizersCache); absent when nothing caches them. */
  authorizerCache?: SharedCache<unknown>;
  /** Local Lambda functions (TestInvokeAuthorizer runs an authorizer's); absent when no runtime is wired. */
  functions?: FunctionInvoker;
  /** Cognito user pool token verification (TestInvokeAuthorizer); absent when none is wired. */
  userPools?: UserPoolVerifier;
  /** Runs `effect` only after the transaction committed (e.g. swapping a served snapshot). */
  afterCommit(effect: () => void): void;
}

export interface OperationOutput {
  status: number;
  /** JSON-serialised; omitted for empty responses. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is instead of `body` (Lambda Invoke's payload). */
  payload?: Buffer;
}

export interface OperationDefinition {
  /** AWS's operation name, e.g. `CreateRestApi`. */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** AWS's path template, e.g. `/restapis/{restapi_id}/resources/{resource_id}`. */
  path: string;
  /** Query parameter that must be present to pick this operation (e.g. `mode` for imports). */
  requiresQuery?: string;
  /**
   * Runs outside any store transaction, so a long run (Lambda Invoke waits for a function) never
   * holds the store's write lock: `services.tx` then only reads committed data (writes reject) and
   * `input.body` is `{}` (the operation reads `rawBody`).
   */
  direct?: true;
  /** The body is a document, not JSON members: it is never parsed (`input.body` is `{}`; read `rawBody`). */
  rawPayload?: true;
  run(input: OperationInput, services: OperationServices): Promise<OperationOutput>;
}
