// The control plane's front door: one management request in, one AWS-shaped response out.
// Checks the SigV4 scope, routes to the operation, runs it in one store transaction, applies its
// after-commit effects, and renders every failure through the one ManagementError renderer.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../observability/logger.js';
import type { Clock } from '../../shared/clock.js';
import { generateRequestId } from '../../shared/ids.js';
import { DeploymentCompileError } from '../../snapshot/deployment-compile-error.js';
import type { SnapshotRegistry } from '../../snapshot/snapshot-registry.js';
import type { Store, StoreWriter } from '../../store/store.js';
import { ManagementError, badRequest } from '../management-error.js';
import { parseCredentialRegion } from './credential-scope.js';
import type { OperationDefinition, OperationOutput, OperationServices } from './operation.js';
import { OperationRouter } from './operation-router.js';
import { readOnlyWriter } from './read-only-writer.js';

export interface ControlPlaneDeps {
  store: Store;
  clock: Clock;
  registry: SnapshotRegistry;
  traffic: OperationServices['traffic'];
  /** Lambda authorizer results, flushed by FlushStageAuthorizersCache. */
  authorizerCache?: OperationServices['authorizerCache'];
  /** Local Lambda functions, for TestInvokeAuthorizer. */
  functions?: OperationServices['functions'];
  /** Cognito user pool token verification, for TestInvokeAuthorizer. */
  userPools?: OperationServices['userPools'];
  accountId: string;
  logger: Logger;
  operations: readonly OperationDefinition[];
}

export type ManagementRequestHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void>;

export function createManagementHandler(deps: ControlPlaneDeps): ManagementRequestHandler {
  const router = new OperationRouter(deps.operations);

  return async (req, res, rawBody) => {
    const requestId = generateRequestId();
    const url = new URL(req.url ?? '/', 'http://localhost');
    let output: OperationOutput;
    try {
      output = await runOperation(req, url, rawBody);
    } catch (error) {
      output = renderError(error, requestId);
    }
    const body = output.payload ?? (output.body === undefined ? '' : JSON.stringify(output.body));
    res.writeHead(output.status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      'x-amzn-RequestId': requestId,
      ...output.headers,
    });
    res.end(body);
  };

  async function runOperation(req: IncomingMessage, url: URL, rawBody: Buffer): Promise<OperationOutput> {
    const region = parseCredentialRegion(req.headers, url.searchParams);
    const method = req.method ?? 'GET';
    const match = router.match(method, url.pathname, url.searchParams);
    if (match === undefined || match === 'method-not-allowed') {
      throw new ManagementError('UnknownOperationException', `No operation matches ${method} ${url.pathname}`);
    }
    const direct = match.operation.direct === true;
    const body = direct || match.operation.rawPayload === true ? {} : parseBody(rawBody, req.headers['content-type']);
    const effects: Array<() => void> = [];
    const run = (tx: StoreWriter): Promise<OperationOutput> =>
      match.operation.run(
        { region, accountId: deps.accountId, params: match.params, query: url.searchParams, body, rawBody, headers: req.headers },
        { tx, clock: deps.clock, registry: deps.registry, traffic: deps.traffic, ...(deps.authorizerCache && { authorizerCache: deps.authorizerCache }), ...(deps.functions && { functions: deps.functions }), ...(deps.userPools && { userPools: deps.userPools }), afterCommit: (effect) => effects.push(effect) },
      );
    const output = direct ? await run(readOnlyWriter(deps.store)) : await deps.store.transaction(run);
    for (const effect of effects) effect();
    return output;
  }

  function renderError(error: unknown, requestId: string): OperationOutput {
    if (error instanceof DeploymentCompileError) error = badRequest(error.message);
    if (error instanceof ManagementError) {
      return { status: error.status, body: { ...error.fields, message: error.message }, headers: { 'x-amzn-ErrorType': error.type } };
    }
    deps.logger.error({ err: error, requestId }, 'management operation failed');
    return { status: 500, body: { message: 'Internal server error' }, headers: { 'x-amzn-ErrorType': 'InternalFailure' } };
  }
}

/** Management bodies are JSON objects; anything else is a SerializationException. Import operations read `rawBody`. */
function parseBody(rawBody: Buffer, contentType: string | undefined): Record<string, unknown> {
  if (rawBody.length === 0) return {};
  if (contentType !== undefined && !contentType.includes('json')) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new ManagementError('SerializationException', 'Unexpected character in request body: it is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ManagementError('SerializationException', 'Start of list found where not expected');
  }
  return parsed as Record<string, unknown>;
}
