// The one object every REST pipeline stage reads and writes (DESIGN §2). Fields are all set in the
// constructor, named in AWS's words, each with the stage that writes it; `$context` lives in `vars`.
// After route-request the runner narrows it once to RoutedContext. AWS developer guide "REST API
// request and response flow" (method request → integration request → ... → method response).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { IamPrincipal } from '../iam/principals.js';
import type { EndpointResponse, IntegrationRequestData, IntegrationServices } from '../integrations/compiled-integration.js';
import type { Logger } from '../observability/logger.js';
import type { Clock } from '../shared/clock.js';
import type { SharedCache, TrafficState } from '../shared-state/traffic-state.js';
import type { MappingInput } from '../snapshot/mapping-expression.js';
import type { RouteMatch } from '../snapshot/route-tree.js';
import type { CompiledMethod, ServedStage } from '../snapshot/served-stage.js';
import type { ApiKeyEntry, PlanBinding, TrafficRegistry } from '../traffic/traffic-registry.js';
import type { MappingTemplateInput } from '../vtl/mapping-template.js';
import type { CachedAuthorization } from './authorizers/cached-authorization.js';
import type { UserPoolTokenVerifier } from './authorizers/user-pool-verifier.js';
import { ContextVariables } from './context-variables.js';
import type { InvokeTarget } from './data-plane.js';
import { ClientGoneError } from './gateway-errors.js';
import { parseQuery, type QueryParameters } from './query-string.js';
import { InvocationSignal } from './invocation-signal.js';
import type { RequestIds } from './request-ids.js';
import type { RequestTimeFormat } from './request-time.js';

/** Long-lived services the stages use; created once by createDataPlane. */
export interface DataPlaneServices {
  readonly integrations: IntegrationServices;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly ids: RequestIds;
  /** `$context.requestTime`, formatted once per second. */
  readonly requestTimes: RequestTimeFormat;
  /** API keys and usage plans by region (api-key, throttle). */
  readonly traffic: TrafficRegistry;
  /** Token buckets and quota counters (throttle). */
  readonly trafficState: TrafficState;
  /** Lambda authorizer results (authorize). */
  readonly authorizerCache: SharedCache<CachedAuthorization>;
  /** Verifies Cognito user pool tokens (authorize). */
  readonly userPools: UserPoolTokenVerifier;
  /** The IAM principals SigV4 callers sign as, by access key id (authorize, AWS_IAM). */
  readonly iamPrincipals: ReadonlyMap<string, IamPrincipal>;
}

/** The response the send-response finalizer writes. Headers are a flat list: name, value, ... */
export interface HttpResponse {
  statusCode: number;
  headers: string[];
  body: Buffer | string;
}

const EMPTY_BODY = Buffer.alloc(0);
const NO_MAPPED_DATA: IntegrationRequestData = Object.freeze({ path: undefined, querystring: undefined, header: undefined, body: undefined, templated: false });

export class InvocationContext implements MappingInput {
  /** The stage snapshot this request holds for its whole life, even across a redeploy (front door). */
  readonly servedStage: ServedStage;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly services: DataPlaneServices;
  /** `$context` (front door; resource fields by route-request, `error` by the renderer). */
  readonly vars: ContextVariables;
  /** `$context.requestId`, `x-amzn-RequestId` (front door). */
  readonly requestId: string;
  readonly apiId: string;
  /** The method request verb (front door). */
  readonly httpMethod: string;
  /** The method request path after the stage, percent-encoded, as sent (front door). */
  readonly path: string;
  /** The raw query string without `?` (front door). */
  readonly rawQuery: string;
  readonly rawHeaders: readonly string[];
  readonly stageVariables: Readonly<Record<string, string>>;
  /** `X-Amzn-Trace-Id`: the client's when it carries a Root, else drawn on first read (front door). */
  private trace: string | undefined;
  readonly sourceIp: string;
  readonly localPort: number;
  readonly scheme: string;
  /** Aborts when the client goes away or the integration times out (front door; invoke-integration arms the timeout). */
  readonly signal: InvocationSignal;
  /** The declared request body length, `undefined` when absent (front door). */
  readonly contentLength: string | undefined;
  /** Whether the request has a chunked body (front door). */
  readonly chunked: boolean;
  /** The method request body (parse-request). */
  body: Buffer;
  /** The matched method and its path parameters (route-request). */
  route: RouteMatch<CompiledMethod> | undefined;
  /** The key a Lambda authorizer returned as `usageIdentifierKey` (authorize; api-key reads it when `apiKeySource` is AUTHORIZER). */
  usageIdentifierKey: string | undefined;
  /** The method request's API key, on methods with `apiKeyRequired` (api-key). */
  apiKey: ApiKeyEntry | undefined;
  /** The usage plan binding `apiKey` for this API stage (api-key; throttle enforces it). */
  usagePlan: PlanBinding | undefined;
  /** `integration.requestParameters` evaluated (integration-request). */
  integrationRequest: IntegrationRequestData;
  /** What mapping templates read: built by the first template rendered (integration-request or integration-response). */
  templateInput: MappingTemplateInput | undefined;
  /** Whether a backend was called, which adds `X-Amzn-Trace-Id` to the response (invoke-integration). */
  integrationInvoked: boolean;
  /** The backend's answer (invoke-integration). */
  endpointResponse: EndpointResponse | undefined;
  /** The endpoint response after integration response mapping (integration-response); a response template's output stays text. */
  integrationResponse: HttpResponse | undefined;
  /** What the client gets (integration-response, method-response, or the gateway response renderer). */
  response: HttpResponse | undefined;
  private timer: NodeJS.Timeout | undefined;
  private query: QueryParameters | undefined;
  private json: { value: unknown } | undefined;
  private requestLogger: Logger | undefined;
  /** The `close` listener on `res`, while watchClient() has one registered. */
  private closeListener: (() => void) | undefined;

  /** `X-Amzn-Trace-Id` (front door). hot path: most MOCK requests never read it, so it is drawn lazily. */
  get traceId(): string {
    return (this.trace ??= this.services.ids.traceId(this.vars.requestTimeEpoch));
  }

  constructor(req: IncomingMessage, res: ServerResponse, target: InvokeTarget, servedStage: ServedStage, services: DataPlaneServices) {
    this.servedStage = servedStage;
    this.req = req;
    this.res = res;
    this.services = services;
    this.requestId = services.ids.requestId();
    this.apiId = servedStage.apiId;
    this.httpMethod = req.method ?? 'GET';
    this.path = target.path;
    this.rawQuery = target.rawQuery;
    this.rawHeaders = req.rawHeaders;
    this.stageVariables = servedStage.variables;
    const socket = req.socket;
    const remote = socket.remoteAddress ?? '';
    this.sourceIp = remote.startsWith('::ffff:') ? remote.slice(7) : remote;
    this.localPort = socket.localPort ?? 0;
    this.scheme = (socket as Partial<TLSSocket>).encrypted === true ? 'https' : 'http';
    let host = '';
    let userAgent: string | null = null;
    let incomingTrace: string | undefined;
    let contentLength: string | undefined;
    let chunked = false;
    const raw = req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!;
      // Only names of these lengths are compared: host 4, user-agent 10, content-length 14,
      // x-amzn-trace-id 15, transfer-encoding 17.
      const length = name.length;
      if (length !== 4 && length !== 10 && length !== 14 && length !== 15 && length !== 17) continue;
      // hot path: `Host` as clients spell it skips the lower-cased copy
      const lower = name === 'Host' ? 'host' : name.toLowerCase();
      if (lower === 'host') host = raw[i + 1]!;
      else if (lower === 'user-agent') userAgent = raw[i + 1]!;
      else if (lower === 'content-length') contentLength = raw[i + 1]!;
      else if (lower === 'x-amzn-trace-id') incomingTrace = raw[i + 1]!;
      else if (lower === 'transfer-encoding') chunked = true;
    }
    this.contentLength = contentLength;
    this.chunked = chunked;
    const now = services.clock.now();
    // AWS: a client X-Amzn-Trace-Id carrying a Root is kept (LocalStack-observed; UNCONFIRMED).
    this.trace = incomingTrace !== undefined && incomingTrace.includes('Root=') ? incomingTrace : undefined;
    this.vars = new ContextVariables({
      accountId: servedStage.accountId,
      apiId: servedStage.apiId,
      deploymentId: servedStage.snapshot.deploymentId,
      domainName: host,
      extendedRequestId: services.ids.extendedRequestId(),
      httpMethod: this.httpMethod,
      sourceIp: this.sourceIp,
      userAgent,
      path: `/${servedStage.stageName}${target.path}`,
      protocol: `HTTP/${req.httpVersion}`,
      requestId: this.requestId,
      requestTimeEpoch: now,
      requestTimes: services.requestTimes,
      stage: servedStage.stageName,
      isCanaryRequest: servedStage.isCanary,
    });
    this.signal = new InvocationSignal();
    this.body = EMPTY_BODY;
    this.route = undefined;
    this.usageIdentifierKey = undefined;
    this.apiKey = undefined;
    this.usagePlan = undefined;
    this.integrationRequest = NO_MAPPED_DATA;
    this.templateInput = undefined;
    this.integrationInvoked = false;
    this.endpointResponse = undefined;
    this.integrationResponse = undefined;
    this.response = undefined;
    this.timer = undefined;
    this.query = undefined;
    this.json = undefined;
    this.requestLogger = undefined;
    this.closeListener = undefined;
  }

  /** A logger carrying the request id (created on first use). */
  get logger(): Logger {
    return (this.requestLogger ??= this.services.logger.child({ requestId: this.requestId }));
  }

  /** Whether the client went away before the response was written. */
  get clientGone(): boolean {
    return this.signal.aborted && this.signal.reason instanceof ClientGoneError;
  }

  /** The narrowing the runner does once after route-request. */
  routed(): RoutedContext {
    if (this.route === undefined) throw new Error('routed() before route-request matched a method');
    return this as RoutedContext;
  }

  /** invoke-integration: aborts the invocation with `reason` after `ms` unless disarmed first. */
  armTimeout(ms: number, reason: () => Error): void {
    this.timer = setTimeout(() => this.signal.abort(reason()), ms);
  }

  disarmTimeout(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Called by the runner as soon as the pipeline goes asynchronous: from then on a client that goes
   * away aborts `signal` with ClientGoneError. hot path: a pipeline that runs synchronously (MOCK)
   * never calls it, since no `close` event can be dispatched before its response is written.
   */
  watchClient(): void {
    if (this.closeListener !== undefined) return;
    const listener = (): void => {
      if (!this.res.writableFinished) this.signal.abort(new ClientGoneError());
    };
    this.closeListener = listener;
    // `on`, not `once` (no wrapper); finish() removes it, and the listener is idempotent
    this.res.on('close', listener);
  }

  /** Called by the runner when the invocation is over: releases the timer and the listener. */
  finish(): void {
    this.disarmTimeout();
    const listener = this.closeListener;
    if (listener !== undefined) {
      this.res.off('close', listener);
      this.closeListener = undefined;
    }
  }

  // MappingInput: what mapping expressions and templates read.

  pathParameter(name: string): string | undefined {
    return this.route?.pathParameters?.[name];
  }

  queryValue(name: string): string | undefined {
    const values = this.queryValues(name);
    return values === undefined ? undefined : values[values.length - 1];
  }

  queryValues(name: string): readonly string[] | undefined {
    return (this.query ??= parseQuery(this.rawQuery)).get(name);
  }

  headerValue(lowerName: string): string | undefined {
    const values = this.headerValues(lowerName);
    return values === undefined ? undefined : values[values.length - 1];
  }

  headerValues(lowerName: string): readonly string[] | undefined {
    let values: string[] | undefined;
    const raw = this.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!;
      if (name.length === lowerName.length && name.toLowerCase() === lowerName) (values ??= []).push(raw[i + 1]!);
    }
    return values;
  }

  bodyText(): string {
    return this.body.toString('utf8');
  }

  bodyJson(): unknown {
    if (this.json === undefined) {
      let value: unknown;
      try {
        value = JSON.parse(this.bodyText()) as unknown;
      } catch {
        value = undefined;
      }
      this.json = { value };
    }
    return this.json.value;
  }

  stageVariable(name: string): string | undefined {
    return Object.hasOwn(this.stageVariables, name) ? this.stageVariables[name] : undefined;
  }

  contextValue(path: readonly string[]): string | undefined {
    return this.vars.lookup(path);
  }
}

/** The context after route-request matched a method: what integrations see (IntegrationInvocation). */
export type RoutedContext = InvocationContext & { readonly route: RouteMatch<CompiledMethod> };
