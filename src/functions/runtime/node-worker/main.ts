// Entry point of a Node.js worker process (one warm Lambda execution environment): patches the
// console, loads the handler named by _HANDLER from LAMBDA_TASK_ROOT (Lambda's init phase), then
// runs one invocation at a time; invocations the runtime sends ahead wait in order and each starts
// on the event loop turn after the previous result, as after Lambda's /next. Imports only Node
// built-ins and siblings.

import { performance } from 'node:perf_hooks';
import { FRAME_CANCELLED, FRAME_INIT_ERROR, FRAME_READY, type InvokeHeader } from './frames.js';
import { UnhandledPromiseRejection, toRapidResponse } from './lambda-errors.js';
import { loadHandler, type Handler } from './load-handler.js';
import { patchConsole } from './log-patch.js';
import { runInvocation, type FunctionEnvironment, type InvocationHost } from './run-invocation.js';
import { createTraceEnvironment, type TraceEnvironment } from './trace-environment.js';
import { WorkerChannel } from './worker-channel.js';

const REQUEST_ID_SYMBOL = Symbol.for('aws.lambda.runtime.requestId');

/** The execution environment's state: one per process. */
interface WorkerState {
  handler: Handler | undefined;
  isAsync: boolean;
  phase: 'init' | 'idle' | 'invoke';
  beforeExit: (() => void) | undefined;
  /** performance.now() when the current invocation reached the worker. */
  invokedAt: number;
}

function startWorker(env: NodeJS.ProcessEnv, trace: TraceEnvironment): void {
  const state: WorkerState = { handler: undefined, isAsync: false, phase: 'init', beforeExit: undefined, invokedAt: 0 };
  const functionEnvironment: FunctionEnvironment = {
    functionVersion: env['AWS_LAMBDA_FUNCTION_VERSION'],
    functionName: env['AWS_LAMBDA_FUNCTION_NAME'],
    memoryLimitInMB: env['AWS_LAMBDA_FUNCTION_MEMORY_SIZE'],
    logGroupName: env['AWS_LAMBDA_LOG_GROUP_NAME'],
    logStreamName: env['AWS_LAMBDA_LOG_STREAM_NAME'],
  };
  const micros = (): number => (performance.now() - state.invokedAt) * 1000;
  /** Invocations sent ahead while another runs, oldest first. */
  const waiting: Array<{ header: InvokeHeader; payload: Buffer; packed: boolean }> = [];
  let nextScheduled = false;

  // hot path
  const start = (header: InvokeHeader, payload: Buffer, packed: boolean): void => {
    const handler = state.handler;
    if (handler === undefined) return;
    state.invokedAt = performance.now();
    state.phase = 'invoke';
    lambdaConsole.requestId = header.r;
    (globalThis as Record<symbol, unknown>)[REQUEST_ID_SYMBOL] = header.r;
    trace.setTraceId(header.t);
    channel.holdEventLoop(false);
    runInvocation(host, handler, state.isAsync, functionEnvironment, header, payload, packed, Date.now() + header.l);
  };

  // hot path
  const startNext = (): void => {
    nextScheduled = false;
    const next = waiting.shift();
    if (next !== undefined) start(next.header, next.payload, next.packed);
  };

  // hot path
  const onInvoke = (header: InvokeHeader, payload: Buffer, packed: boolean): void => {
    if (state.phase === 'invoke' || nextScheduled) waiting.push({ header, payload, packed });
    else start(header, payload, packed);
  };

  /** The runtime takes back an invocation sent ahead (the one before it runs long): if not started. */
  const onCancel = (requestId: string): void => {
    const index = waiting.findIndex((invocation) => invocation.header.r === requestId);
    if (index < 0) return;
    waiting.splice(index, 1);
    channel.send(FRAME_CANCELLED, Buffer.from(requestId, 'utf8'));
  };

  const channel = new WorkerChannel(onInvoke, onCancel);
  const lambdaConsole = patchConsole(channel, env['AWS_LAMBDA_LOG_LEVEL']);
  const host: InvocationHost = {
    console: lambdaConsole,
    // hot path
    sendResult(success, json) {
      state.beforeExit = undefined;
      state.phase = 'idle';
      channel.sendResult(success, json, micros());
      channel.holdEventLoop(true);
      if (waiting.length > 0 && !nextScheduled) {
        nextScheduled = true;
        setImmediate(startNext);
      }
    },
    setBeforeExit(action) {
      state.beforeExit = action;
    },
  };

  process.on('beforeExit', () => {
    const action = state.beforeExit;
    state.beforeExit = undefined;
    action?.();
  });

  const reportFatal = (error: unknown): void => {
    const json = JSON.stringify(toRapidResponse(error));
    if (state.phase === 'invoke') channel.sendResult(false, json, micros());
    else if (state.phase === 'init') channel.send(FRAME_INIT_ERROR, Buffer.from(json, 'utf8'));
  };
  // AWS: an uncaught exception or unhandled rejection fails the invocation and ends the environment.
  process.on('uncaughtException', (error) => {
    lambdaConsole.logError('Uncaught Exception', error);
    reportFatal(error);
    process.exit(129);
  });
  process.on('unhandledRejection', (reason) => {
    const error = new UnhandledPromiseRejection(reason === undefined || reason === null ? undefined : String(reason));
    lambdaConsole.logError('Unhandled Promise Rejection', error);
    reportFatal(error);
    process.exit(128);
  });

  loadHandler(env['LAMBDA_TASK_ROOT'] ?? process.cwd(), env['_HANDLER'] ?? '').then(
    (loaded) => {
      state.handler = loaded;
      state.isAsync = loaded.constructor?.name === 'AsyncFunction';
      state.phase = 'idle';
      channel.send(FRAME_READY, Buffer.from(JSON.stringify({ initMs: performance.now() }), 'utf8'));
    },
    (error: unknown) => {
      lambdaConsole.logError('Uncaught Exception', error);
      channel.send(FRAME_INIT_ERROR, Buffer.from(JSON.stringify(toRapidResponse(error)), 'utf8'));
      state.phase = 'idle';
    },
  );
}

const trace = createTraceEnvironment(process.env);
process.env = trace.env;
startWorker(process.env, trace);
