// The contract between a function's warm pool and one worker (one Lambda execution environment,
// one process): what an invocation carries in, what comes out. Implemented for Node.js (frame pipes,
// pipelined) and for runtimes speaking the Lambda Runtime API (python3.x, provided).

import type { EventPayload } from '../function-definition.js';

export interface WorkerInvocation {
  requestId: string;
  invokedFunctionArn: string;
  payload: EventPayload;
  clientContext: string | undefined;
  traceId: string | undefined;
}

/** A failure of the environment rather than of the function's code (`Runtime.ExitError`...). */
export interface RuntimeFailure {
  errorType: string;
  /** After `RequestId: {id} Error: `, e.g. `Runtime exited with error: exit status 1`. */
  detail: string;
}

export interface WorkerOutcome {
  /**
   * success: `payload` is the result; function-error: the handler failed and `payload` is its error
   * JSON; init-error: loading the function failed (`payload` is the error JSON); runtime-error:
   * the process died or could not start; timeout: the function ran past its timeout; unstarted:
   * the worker died or was stopped before this invocation's turn came, so it never ran (the pool
   * runs it elsewhere).
   */
  kind: 'success' | 'function-error' | 'init-error' | 'runtime-error' | 'timeout' | 'unstarted';
  payload: Buffer;
  /** The `errorType` of function-error / init-error payloads, when known. */
  errorType: string | undefined;
  runtimeFailure: RuntimeFailure | undefined;
  /** What the function wrote during the invocation (console lines, raw output). */
  log: string;
  /** What it wrote while initialising, for the first invocation of a worker. */
  initLog: string;
  durationMs: number;
  /** The handler's own run time as the worker measured it (without the pipes); else `durationMs`. */
  executionMs: number;
  /** Set on the first invocation of a worker (a cold start). */
  initDurationMs: number | undefined;
  maxMemoryUsedMb: number;
}

/**
 * One execution environment: it runs one invocation at a time, in the order `invoke` was called
 * (later ones wait in its queue); `invoke` never rejects. After a timeout, a runtime-error or an
 * init-error the worker is dead and must not be reused.
 */
export interface FunctionWorker {
  readonly alive: boolean;
  /**
   * Queued invocations are handed to the process ahead of their turn, so it starts each next one
   * without a round trip through the gateway (Node.js workers); else each is sent at its turn.
   */
  readonly pipelined: boolean;
  /** An invocation is running (or waiting for init). */
  readonly busy: boolean;
  /** Invocations waiting behind the running one. */
  readonly queued: number;
  /** Init is over (the function loaded, or failed to); false during a cold start. */
  readonly ready: boolean;
  /** Last time an invocation finished (performance.now()), for the idle reaper. */
  lastUsed: number;
  /** Milliseconds the current invocation has been running; 0 when idle or cold-starting. */
  readonly runningFor: number;
  invoke(invocation: WorkerInvocation, timeoutMs: number): Promise<WorkerOutcome>;
  /** Stops the process (SIGKILL); an invocation in flight ends as a runtime-error. */
  kill(): void;
  /** Settles once the process has exited. */
  readonly exited: Promise<void>;
}
