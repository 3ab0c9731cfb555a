// The contract every integration type implements (DESIGN §2): `compile` at deploy time turns the
// stored Integration into an immutable CompiledIntegration; `invoke` runs once per request on the
// invoke-integration stage. AWS developer guide "Set up API integrations in API Gateway".

import type { Dispatcher } from 'undici';
import type { Logger } from '../observability/logger.js';
import type { Integration, IntegrationType } from '../model/rest-api.js';
import type { ContextVariables } from '../data-plane/context-variables.js';
import type { FunctionInvoker } from '../functions/function-invoker.js';
import type { ServedStage } from '../snapshot/served-stage.js';

/** What the integration-request stage computed from `integration.requestParameters`. */
export interface IntegrationRequestData {
  /** `integration.request.path.X` values (decoded; the integration encodes them into its URI). */
  path: Readonly<Record<string, string>> | undefined;
  /** `integration.request.querystring.X` values in mapping order (a list source adds several). */
  querystring: ReadonlyArray<readonly [string, string]> | undefined;
  /** `integration.request.header.X` values; names as written in the mapping. */
  header: ReadonlyArray<readonly [string, string]> | undefined;
  /**
   * Non-proxy integrations: the integration request body — the request template's output, else
   * the method request body passed through (after contentHandling). `undefined` for proxy
   * integrations, which send `IntegrationInvocation.body`.
   */
  body: Buffer | undefined;
  /** Whether a request template produced `body` (MOCK reads its statusCode from it). */
  templated: boolean;
  /** The request template's output when `body` is that text in UTF-8 (no contentHandling conversion): what MOCK reads. */
  templateOutput?: string;
}

/**
 * What an integration may read of the invocation. The data plane's RoutedContext implements it.
 * Contract: read only; never write the client response; honour `signal` (it aborts when the client
 * is gone or the integration timed out) and, when it has aborted, rethrow `signal.reason`.
 */
export interface IntegrationInvocation {
  readonly apiId: string;
  /** The method request verb. */
  readonly httpMethod: string;
  /** The method request raw headers (`IncomingMessage.rawHeaders`: name, value, name, value...). */
  readonly rawHeaders: readonly string[];
  /** The raw query string without `?`, still encoded ('' when absent). */
  readonly rawQuery: string;
  readonly body: Buffer;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** `X-Amzn-Trace-Id` sent to the backend. */
  readonly traceId: string;
  readonly sourceIp: string;
  /** The listener port the client connected to (`X-Forwarded-Port`). */
  readonly localPort: number;
  /** `http` or `https` (`X-Forwarded-Proto`). */
  readonly scheme: string;
  readonly integrationRequest: IntegrationRequestData;
  readonly signal: IntegrationSignal;
  readonly logger: Logger;
  /** The method request path after the stage, percent-encoded as sent (Lambda proxy `path`). */
  readonly path: string;
  /** `$context.requestId`. */
  readonly requestId: string;
  /** `$context` (the Lambda proxy event's `requestContext`). */
  readonly vars: ContextVariables;
  /** The matched method's path parameters (percent-decoded), `undefined` when it has none. */
  readonly route: { readonly pathParameters: Readonly<Record<string, string>> | undefined };
  /** The stage served (stage variables, the snapshot's binaryMediaTypes). */
  readonly servedStage: ServedStage;
}

/**
 * The invocation's abort signal: aborts when the client is gone or the integration timed out, with
 * `reason` the error to rethrow. EventTarget-shaped, so undici's `signal` option takes it as is;
 * `toAbortSignal()` gives a standard AbortSignal for APIs that require one.
 */
export interface IntegrationSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
  toAbortSignal(): AbortSignal;
}

/** The backend's answer as the integration read it (at most the payload limit). */
export interface EndpointResponse {
  statusCode: number;
  /** Flat list: name, value, name, value... */
  headers: string[];
  /** A string is text sent as UTF-8: an AWS_PROXY function's `body`, kept as the function returned it. */
  body: Buffer | string;
  /**
   * What `selectionPattern` is matched against when it is not the status code: the Lambda custom
   * (AWS) integration sets Lambda's `errorMessage` ('' for a successful invocation).
   */
  selectionSubject?: string;
}

/** Long-lived resources integrations share, owned by the data plane and closed with it. */
export interface IntegrationServices {
  /** Keep-alive HTTP client (one connection pool per origin). */
  readonly http: Dispatcher;
  /** The same, without TLS certificate verification (`tlsConfig.insecureSkipVerification`). */
  readonly insecureHttp: Dispatcher;
  /** Resolves and runs local Lambda functions (AWS_PROXY and AWS Lambda integrations). */
  readonly functions: FunctionInvoker;
}

export interface CompiledIntegration {
  readonly type: IntegrationType;
  /** `true` when the endpoint response is the method response as is (HTTP_PROXY, AWS_PROXY). */
  readonly proxy: boolean;
  /** Milliseconds the invoke-integration stage waits before INTEGRATION_TIMEOUT. */
  readonly timeoutInMillis: number;
  /** hot path: throws GatewayErrors (INTEGRATION_FAILURE, API_CONFIGURATION_ERROR...) for its own failures. */
  invoke(invocation: IntegrationInvocation, services: IntegrationServices): Promise<EndpointResponse>;
  /**
   * hot path: integrations that answer without I/O (MOCK) also offer a synchronous form, which
   * invoke-integration calls instead, without arming a timeout or awaiting a promise.
   */
  invokeLocally?(invocation: IntegrationInvocation): EndpointResponse;
}

/** Deploy time: throws DeploymentCompileError with AWS's message when the integration cannot be served. */
export type IntegrationCompiler = (integration: Integration) => CompiledIntegration;
