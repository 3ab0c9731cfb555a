// The life cycle shared by every worker process: init (until the runtime reports ready), one
// invocation at a time with its timeout, output captured into the invocation it belongs to, and
// death (exit, signal, out of memory, timeout kill) turned into Lambda's Runtime.* failures.

import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { FunctionWorker, RuntimeFailure, WorkerInvocation, WorkerOutcome } from './function-worker.js';

export interface WorkerHooks {
  /** The process is gone; the pool forgets the worker. */
  onDead(worker: FunctionWorker): void;
  /** Output written while no invocation runs (background work after a response). */
  onIdleOutput(text: string): void;
  /** How long loading the function may take (Lambda: 10 s, retried within the function timeout). */
  initLimitMs: number;
}

interface ActiveInvocation {
  invocation: WorkerInvocation;
  timeoutMs: number;
  resolve: (outcome: WorkerOutcome) => void;
  log: string;
  /** performance.now() at dispatch; 0 while waiting for init. */
  startedAt: number;
  timer: NodeJS.Timeout | undefined;
}

const EMPTY = Buffer.alloc(0);
const SIGNAL_TEXT: Readonly<Record<string, string>> = {
  SIGKILL: 'killed',
  SIGABRT: 'aborted',
  SIGSEGV: 'segmentation fault',
  SIGTERM: 'terminated',
  SIGINT: 'interrupt',
  SIGBUS: 'bus error',
  SIGILL: 'illegal instruction',
  SIGFPE: 'floating point exception',
};

/** Peak resident memory of a process in KB (VmHWM), 0 when unknown. */
export function readPeakRssKb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? 0 : Number(match[1]);
  } catch {
    return 0;
  }
}

export abstract class WorkerProcess implements FunctionWorker {
  lastUsed = performance.now();
  readonly exited: Promise<void>;
  protected child: ChildProcess | undefined;
  private markExited: () => void = () => undefined;
  private state: 'starting' | 'ready' | 'busy' | 'dead' = 'starting';
  private active: ActiveInvocation | undefined;
  private initLog = '';
  private initDurationMs: number | undefined;
  private readonly spawnedAt = performance.now();
  private readonly initTimer: NodeJS.Timeout;
  private heapExhausted = false;
  /** Peak RSS last seen (KB), for outcomes reported after the process is gone. */
  private peakRssKb = 0;
  private killRequested = false;
  private failure: RuntimeFailure | undefined;

  constructor(protected readonly hooks: WorkerHooks) {
    this.exited = new Promise((resolve) => (this.markExited = resolve));
    this.initTimer = setTimeout(() => this.onInitTimeout(), hooks.initLimitMs);
  }

  get ready(): boolean {
    return this.state !== 'starting';
  }

  get runningFor(): number {
    const active = this.active;
    return active === undefined || active.startedAt === 0 ? 0 : performance.now() - active.startedAt;
  }

  get alive(): boolean {
    return this.state !== 'dead' && !this.killRequested;
  }

  /** Delivers one invocation to the process; `deadline` is epoch ms. */
  protected abstract send(invocation: WorkerInvocation, deadline: number): void;

  // hot path
  invoke(invocation: WorkerInvocation, timeoutMs: number): Promise<WorkerOutcome> {
    return new Promise((resolve) => {
      if (!this.alive) {
        resolve(this.outcome('runtime-error', { invocation, timeoutMs, resolve, log: '', startedAt: performance.now(), timer: undefined }, EMPTY));
        return;
      }
      this.active = { invocation, timeoutMs, resolve, log: '', startedAt: 0, timer: undefined };
      if (this.state === 'ready') this.dispatch();
    });
  }

  kill(): void {
    this.killRequested = true;
    if (this.child !== undefined) this.signal(this.child);
    else this.die({ errorType: 'Runtime.ExitError', detail: 'Runtime exited with error: signal: killed' });
  }

  /** Stops the process for good; subclasses whose process starts others stop those too. */
  protected signal(child: ChildProcess): void {
    child.kill('SIGKILL');
  }

  /** Wires the process's output and exit; subclasses call it right after spawning. */
  protected attach(child: ChildProcess): void {
    this.child = child;
    child.stdout?.setEncoding('utf8').on('data', (text: string) => this.appendLog(text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      if (text.includes('JavaScript heap out of memory')) this.heapExhausted = true;
      this.appendLog(text);
    });
    child.once('error', (error: NodeJS.ErrnoException) => this.die(this.spawnFailure(error)));
    child.once('exit', (code, signal) => {
      // Frames and output written just before exiting are still in the pipes: read them first.
      const finish = (): void => this.die(this.exitFailure(code, signal));
      const grace = setTimeout(finish, 100);
      child.once('close', () => {
        clearTimeout(grace);
        finish();
      });
    });
  }

  /** The function is loaded; `initMs` as the process measured it (else since spawn). */
  protected markReady(initMs?: number): void {
    if (this.state !== 'starting') return;
    clearTimeout(this.initTimer);
    this.initDurationMs = initMs ?? performance.now() - this.spawnedAt;
    this.state = 'ready';
    if (this.active !== undefined) this.dispatch();
  }

  /** Loading the function failed: the pending invocation gets the error, the process goes. */
  protected initFailed(payload: Buffer, errorType: string | undefined): void {
    clearTimeout(this.initTimer);
    const active = this.active;
    this.active = undefined;
    if (active !== undefined) {
      active.startedAt = this.spawnedAt;
      active.resolve(this.outcome('init-error', active, payload, errorType));
    }
    this.kill();
  }

  // hot path
  protected finish(kind: 'success' | 'function-error', payload: Buffer, maxRssKb: number, errorType?: string, executionMs?: number): void {
    const active = this.active;
    if (active === undefined || active.startedAt === 0) return;
    clearTimeout(active.timer);
    this.active = undefined;
    if (this.state === 'busy') this.state = 'ready';
    this.lastUsed = performance.now();
    const outcome = this.outcome(kind, active, payload, errorType, maxRssKb);
    if (executionMs !== undefined) outcome.executionMs = executionMs;
    active.resolve(outcome);
  }

  protected appendLog(text: string): void {
    const active = this.active;
    if (active !== undefined && active.startedAt !== 0) active.log += text;
    else if (this.state === 'starting') this.initLog += text;
    else this.hooks.onIdleOutput(text);
  }

  /** Whether an invocation has been handed to the process and not answered yet. */
  protected get invocationInFlight(): WorkerInvocation | undefined {
    return this.active !== undefined && this.active.startedAt !== 0 ? this.active.invocation : undefined;
  }

  private dispatch(): void {
    const active = this.active!;
    this.state = 'busy';
    active.startedAt = performance.now();
    active.timer = setTimeout(() => this.onTimeout(), active.timeoutMs);
    this.send(active.invocation, Date.now() + active.timeoutMs);
  }

  private onTimeout(): void {
    const active = this.active;
    if (active === undefined) return;
    this.active = undefined;
    const peak = readPeakRssKb(this.child?.pid);
    this.kill();
    active.resolve({ ...this.outcome('timeout', active, EMPTY, undefined, peak), durationMs: active.timeoutMs, executionMs: active.timeoutMs });
  }

  private onInitTimeout(): void {
    const active = this.active;
    this.active = undefined;
    this.kill();
    if (active !== undefined) {
      active.startedAt = this.spawnedAt;
      active.resolve({ ...this.outcome('timeout', active, EMPTY), durationMs: active.timeoutMs, executionMs: active.timeoutMs });
    }
  }

  private exitFailure(code: number | null, signal: NodeJS.Signals | null): RuntimeFailure {
    const description = code !== null ? `exit status ${code}` : `signal: ${SIGNAL_TEXT[signal ?? ''] ?? signal}`;
    // AWS: a function that exhausts its memory is killed by the sandbox: Runtime.OutOfMemory.
    if (this.heapExhausted || (signal === 'SIGKILL' && !this.killRequested)) {
      return { errorType: 'Runtime.OutOfMemory', detail: 'Runtime exited with error: signal: killed' };
    }
    return { errorType: 'Runtime.ExitError', detail: `Runtime exited with error: ${description}` };
  }

  /** The process is gone (or never started); an invocation in flight ends with `failure`. */
  protected die(failure: RuntimeFailure): void {
    if (this.state === 'dead') return;
    this.state = 'dead';
    this.failure = failure;
    clearTimeout(this.initTimer);
    const active = this.active;
    this.active = undefined;
    if (active !== undefined) {
      clearTimeout(active.timer);
      if (active.startedAt === 0) active.startedAt = this.spawnedAt;
      active.resolve(this.outcome('runtime-error', active, EMPTY));
    }
    this.markExited();
    this.hooks.onDead(this);
    this.onDied();
  }

  /** The process could not be started (or signalled). */
  protected spawnFailure(error: NodeJS.ErrnoException): RuntimeFailure {
    return { errorType: 'Runtime.ExitError', detail: `Runtime exited with error: ${error.message}` };
  }

  /** Subclasses release what they own (servers) once the process is gone. */
  protected onDied(): void {}

  private notePeak(kb: number): number {
    if (kb > this.peakRssKb) this.peakRssKb = kb;
    return this.peakRssKb;
  }

  private outcome(kind: WorkerOutcome['kind'], active: ActiveInvocation, payload: Buffer, errorType?: string, maxRssKb?: number): WorkerOutcome {
    const initDurationMs = this.initDurationMs;
    this.initDurationMs = undefined;
    const initLog = this.initLog;
    this.initLog = '';
    const durationMs = performance.now() - active.startedAt;
    return {
      kind,
      payload,
      errorType,
      runtimeFailure: kind === 'runtime-error' ? (this.failure ?? { errorType: 'Runtime.ExitError', detail: 'Runtime exited without providing a reason' }) : undefined,
      log: active.log,
      initLog,
      durationMs,
      executionMs: durationMs,
      initDurationMs,
      maxMemoryUsedMb: Math.round(this.notePeak(maxRssKb ?? (this.state === 'dead' ? 0 : readPeakRssKb(this.child?.pid))) / 1024),
    };
  }
}
