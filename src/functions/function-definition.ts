// The contract between the functions' management side (Lambda API, store) and the local runtime:
// what a function is once resolved, and what invoking it returns, in Lambda's own terms.
// AWS Lambda API reference: Invoke, FunctionConfiguration.

import type { PackedProxyEvent } from './packed-proxy-event.js';

/** A function version ready to run. Immutable: a code or configuration change makes a new one. */
export interface FunctionDefinition {
  region: string;
  functionName: string;
  /** `arn:aws:lambda:{region}:{account}:function:{name}` */
  functionArn: string;
  /** `$LATEST` or a published version number. */
  version: string;
  /** e.g. `nodejs20.x`, `python3.12`, `provided.al2023` */
  runtime: string;
  /** e.g. `index.handler` */
  handler: string;
  /** Absolute path of the unpacked code (or the mounted directory for a live edit loop). */
  codeDirectory: string;
  /** Whether `codeDirectory` is a user's directory to watch for changes. */
  mounted: boolean;
  /** Seconds. */
  timeout: number;
  /** MB; also the worker's memory limit. */
  memorySize: number;
  environment: Readonly<Record<string, string>>;
  /** Reserved concurrency, if set (PutFunctionConcurrency). */
  reservedConcurrency: number | undefined;
  /** Changes whenever code or configuration changes; the runtime keys its warm workers by it. */
  revisionId: string;
}

export interface InvocationResult {
  /**
   * The function's result as JSON text, or the error object as its runtime reports it (Node.js
   * `{errorType, errorMessage, trace}`, Python `{errorMessage, errorType, requestId, stackTrace}`,
   * Lambda's own `{errorType, errorMessage}` for timeouts and runtime failures).
   */
  payload: Buffer;
  /** `Unhandled` when the function failed (X-Amz-Function-Error). */
  functionError: 'Unhandled' | undefined;
  /** The invocation's log, START … REPORT lines, as Lambda's LogResult tail shows it. */
  log: string;
  executedVersion: string;
  /** The error's `errorType` when `functionError` is set (e.g. `Error`, `Sandbox.Timedout`). */
  errorType?: string;
  /** The REPORT line's Duration, in milliseconds. */
  durationMs?: number;
}

/** Per-invocation details besides the payload. Only `requestId` is required. */
export interface FunctionInvokeOptions {
  /** Lambda's request id (`context.awsRequestId`). */
  requestId: string;
  /**
   * The caller gave up (client gone, integration timeout): `invoke` rejects with the signal's reason
   * at once, while the function runs on to its end or timeout, as on Lambda.
   */
  signal?: AbortSignal;
  /** The ARN the caller used, with its qualifier (`context.invokedFunctionArn`); default `functionArn`. */
  invokedFunctionArn?: string;
  /** `context.clientContext` as JSON text (Invoke's `X-Amz-Client-Context`, base64-decoded). */
  clientContext?: string;
  /** `_X_AMZN_TRACE_ID` for this invocation. */
  traceId?: string;
}

/** Lambda's TooManyRequestsException: concurrency limit reached. */
export class FunctionThrottledError extends Error {
  constructor(
    readonly functionName: string,
    /** TooManyRequestsException's `Reason`. */
    readonly reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' | 'ConcurrentInvocationLimitExceeded' = 'ReservedFunctionConcurrentInvocationLimitExceeded',
  ) {
    super('Rate Exceeded.');
    this.name = 'FunctionThrottledError';
  }
}

/** Lambda's InvalidRuntimeException (502): the local runtime cannot run this function's `Runtime`. */
export class InvalidRuntimeError extends Error {
  constructor(readonly runtime: string) {
    super('The runtime or runtime version for this function is not supported');
    this.name = 'InvalidRuntimeError';
  }
}

/**
 * An invocation's event: JSON text, as the bytes a caller sent or as a string the gateway rendered,
 * or an AWS_PROXY event packed for Node.js workers.
 */
export type EventPayload = Buffer | string | PackedProxyEvent;

/** Runs functions. Implemented by runtime/ (warm isolated workers). */
export interface FunctionRuntime {
  /** Invokes one function version; a handler failure is a result with `functionError`, not a throw. */
  invoke(definition: FunctionDefinition, payload: EventPayload, options: FunctionInvokeOptions): Promise<InvocationResult>;
  /** Drops the warm workers of a function that was deleted (in-flight invocations finish). */
  retire(functionArn: string): void;
  close(): Promise<void>;
}
