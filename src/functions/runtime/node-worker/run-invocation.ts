// One invocation in the worker: the `context` object and the callback/promise semantics of the
// Node.js Lambda runtime (Runtime.js, CallbackContext.js, InvokeContext.js): first completion wins,
// callbackWaitsForEmptyEventLoop, context.done/succeed/fail, a never-settled promise.

import { NODE_JS_EXIT_MESSAGE, NodeJsExit, toRapidResponse } from './lambda-errors.js';
import type { Handler } from './load-handler.js';
import type { LambdaConsole } from './log-patch.js';
import type { InvokeHeader } from './frames.js';
import { expandProxyEvent } from './proxy-event.js';

/** What the worker does with an outcome; `sendResult` also ends the invocation. */
export interface InvocationHost {
  console: LambdaConsole;
  sendResult(success: boolean, json: string): void;
  /** The slot for the single 'beforeExit' action (Lambda's BeforeExitListener). */
  setBeforeExit(action: (() => void) | undefined): void;
}

/** Values the context takes from the environment, read once per worker. */
export interface FunctionEnvironment {
  functionVersion: string | undefined;
  functionName: string | undefined;
  memoryLimitInMB: string | undefined;
  logGroupName: string | undefined;
  logStreamName: string | undefined;
}

function parseClientContext(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

// hot path
export function runInvocation(
  host: InvocationHost,
  handler: Handler,
  isAsync: boolean,
  env: FunctionEnvironment,
  header: InvokeHeader,
  payload: Buffer,
  /** The payload is an API Gateway proxy event in its packed form (proxy-event.ts). */
  packed: boolean,
  /** Epoch ms the function times out at. */
  deadline: number,
): void {
  let completed = false;

  const postError = (error: unknown): void => {
    host.console.logError('Invoke Error', error);
    host.sendResult(false, JSON.stringify(toRapidResponse(error)));
  };
  const complete = (result: unknown): void => {
    if (completed) {
      console.error('Invocation has already been reported as done. Cannot call complete more than once per invocation.');
      return;
    }
    completed = true;
    let json: string;
    try {
      json = JSON.stringify(result === undefined ? null : result);
    } catch {
      throw new Error('Unable to stringify response body');
    }
    host.sendResult(true, json);
  };
  const rawCallback = (error?: unknown, result?: unknown): void => {
    host.setBeforeExit(undefined);
    if (error !== undefined && error !== null) postError(error);
    else if (!context.callbackWaitsForEmptyEventLoop) complete(result);
    else host.setBeforeExit(() => setImmediate(() => complete(result)));
  };
  const done = (error?: unknown, result?: unknown): void => {
    host.setBeforeExit(undefined);
    if (error !== undefined && error !== null) postError(error);
    else complete(result);
  };

  let finished = false;
  const once =
    <A extends unknown[]>(action: (...args: A) => void) =>
    (...args: A): void => {
      if (finished) return;
      action(...args);
      finished = true;
    };
  const callback = once(rawCallback);
  const succeed = once((result?: unknown) => done(null, result));
  const fail = once((error?: unknown) => (error === undefined || error === null ? done('handled') : done(error, null)));
  // A data property (not an accessor pair): defining accessors per invocation is slow.
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    succeed,
    fail,
    done: once(done),
    functionVersion: env.functionVersion,
    functionName: env.functionName,
    memoryLimitInMB: env.memoryLimitInMB,
    logGroupName: env.logGroupName,
    logStreamName: env.logStreamName,
    clientContext: parseClientContext(header.c),
    identity: undefined,
    invokedFunctionArn: header.a,
    awsRequestId: header.r,
    getRemainingTimeInMillis: (): number => deadline - Date.now(),
  };

  // AWS: nothing left to run and no result: a sync handler answers null, an async one NodeJsExit.
  host.setBeforeExit(() => {
    completed = true;
    finished = true;
    if (isAsync) postError(new NodeJsExit(NODE_JS_EXIT_MESSAGE));
    else host.sendResult(true, 'null');
  });

  try {
    const parsed = JSON.parse(payload.toString('utf8')) as unknown;
    const event = packed ? expandProxyEvent(parsed as unknown[]) : parsed;
    const result = handler(event, context, callback);
    if (isPromiseLike(result)) {
      Promise.resolve(result).then(succeed, fail).catch(fail);
    }
  } catch (error) {
    callback(error);
  }
}
