// The life cycle shared by every worker process: init (until the runtime reports ready), one
// invocation at a time with its timeout and the rest queued behind it (sent ahead to pipelined
// processes), output captured into the invocation it belongs to, and death (exit, signal, out of
// memory, timeout kill) turned into Lambda's Runtime.* failures; queued invocations that never
// started come back unstarted, to run elsewhere.

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
  /**
   * An invocation running this long takes back the ones queued behind it (they run elsewhere):
   * queueing ahead never holds an invocation behind a slow one for longer. 0: no queue checks.
   */
  queueStallMs: number;
}

interface ActiveInvocation {
  invocation: WorkerInvocation;
  timeoutMs: number;
  resolve: (outcome: WorkerOutcome) => void;
  log: string;
  /** performance.now() when its turn came (the previous one finished); 0 before. */
  startedAt: number;
  /** Handed to the process (at its turn, or ahead of it when pipelined). */
  sent: boolean;
  /** Sent ahead, then asked back (the process answers with `cancelled`, unless it already started it). */
  cancelRequested: boolean;
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
  /** Invocations behind the active one, in order. */
  private readonly queue: ActiveInvocation[] = [];
  private stallTimer: NodeJS.Timeout | undefined;
  /**
   * The function timeout's one timer, due at or before the running invocation's deadline. hot path:
   * turns only record when they start; the timer, when it fires early (its turn is over), re-arms
   * for the running one's deadline, so a run of fast invocations arms no timer of its own.
   */
  private deadlineTimer: NodeJS.Timeout | undefined;
  private deadlineDue = 0;
  private initLog = '';
  private initDurationMs: number | undefined;
  private readonly spawnedAt = performance.now();
  private readonly initTimer: NodeJS.Timeout;
  private heapExhausted = false;
  /** Peak RSS last seen (KB), for outcomes reported after the process is gone. */
  private peakRssKb = 0;
  private killRequested = false;
  private failure: RuntimeFailure | undefined;

  /** `pipelined`: the process takes queued invocations ahead of their turn and runs them in order. */
  constructor(
    protected readonly hooks: WorkerHooks,
    readonly pipelined: boolean,
  ) {
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

  get busy(): boolean {
    return this.active !== undefined;
  }

  get queued(): number {
    return this.queue.length;
  }

  /**
   * Delivers one invocation to the process: at its turn, or (pipelined) ahead of it, in order.
   * `timeoutMs` is the function's timeout; the deadline runs from the invocation's start.
   */
  protected abstract send(invocation: WorkerInvocation, timeoutMs: number): void;

  /** Pipelined processes: asks for an invocation sent ahead back, if it has not started. */
  protected cancelAhead?(requestId: string): void;

  // hot path
  invoke(invocation: WorkerInvocation, timeoutMs: number): Promise<WorkerOutcome> {
    return new Promise((resolve) => {
      const pending: ActiveInvocation = { invocation, timeoutMs, resolve, log: '', startedAt: 0, sent: false, cancelRequested: false };
      if (!this.alive) resolve(unstarted());
      else if (this.active === undefined) {
        this.active = pending;
        if (this.state === 'ready') this.dispatch();
      } else {
        this.queue.push(pending);
        if (this.pipelined && this.state !== 'starting') this.transmit(pending);
        this.watchQueue();
      }
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
    if (this.pipelined) for (const pending of this.queue) this.transmit(pending);
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
    this.endTurn();
    this.lastUsed = performance.now();
    const outcome = this.outcome(kind, active, payload, errorType, maxRssKb);
    if (executionMs !== undefined) {
      // The process's own measure: with invocations sent ahead, the gateway only sees when each
      // turn began, not when the process started it.
      outcome.executionMs = executionMs;
      if (this.pipelined) outcome.durationMs = executionMs;
    }
    active.resolve(outcome);
    this.advance();
  }

  /** The process gave back an invocation sent ahead (asked by cancelAhead): it never ran. */
  protected cancelled(requestId: string): void {
    const active = this.active;
    if (active !== undefined && active.invocation.requestId === requestId) {
      this.endTurn();
      active.resolve(unstarted());
      this.advance();
      return;
    }
    const index = this.queue.findIndex((pending) => pending.invocation.requestId === requestId);
    if (index >= 0) this.queue.splice(index, 1)[0]!.resolve(unstarted());
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

  // hot path
  /** The active invocation's turn is over (answered or given back); `advance` starts the next. */
  private endTurn(): void {
    this.active = undefined;
    if (this.state === 'busy') this.state = 'ready';
  }

  // hot path
  /** The next queued invocation's turn. */
  private advance(): void {
    const next = this.alive ? this.queue.shift() : undefined;
    if (next === undefined) return;
    this.active = next;
    this.dispatch();
  }

  /** Arms the check that takes the queue back from an invocation that runs too long. */
  private watchQueue(): void {
    if (this.stallTimer !== undefined || this.hooks.queueStallMs <= 0) return;
    this.stallTimer = setTimeout(this.checkStall, this.hooks.queueStallMs);
    this.stallTimer.unref();
  }

  private readonly checkStall = (): void => {
    this.stallTimer = undefined;
    if (this.queue.length === 0 || this.state === 'dead') return;
    const runningMs = this.runningFor;
    if (runningMs >= this.hooks.queueStallMs) return this.reclaimQueued();
    this.stallTimer = setTimeout(this.checkStall, this.hooks.queueStallMs - runningMs);
    this.stallTimer.unref();
  };

  /**
   * The running invocation stalls: the queued ones go back to the pool, in order. Those not yet
   * sent at once; those sent ahead when the process confirms it had not started them.
   */
  private reclaimQueued(): void {
    const kept: ActiveInvocation[] = [];
    const reclaimed: ActiveInvocation[] = [];
    for (const pending of this.queue) {
      if (!pending.sent) reclaimed.push(pending);
      else {
        kept.push(pending);
        if (!pending.cancelRequested && this.cancelAhead !== undefined) {
          pending.cancelRequested = true;
          this.cancelAhead(pending.invocation.requestId);
        }
      }
    }
    this.queue.splice(0, this.queue.length, ...kept);
    for (const pending of reclaimed) pending.resolve(unstarted());
  }

  // hot path
  private dispatch(): void {
    const active = this.active!;
    this.state = 'busy';
    active.startedAt = performance.now();
    const due = active.startedAt + active.timeoutMs;
    if (this.deadlineTimer === undefined || this.deadlineDue > due) this.armDeadline(due);
    if (!active.sent) this.transmit(active);
  }

  private armDeadline(due: number): void {
    clearTimeout(this.deadlineTimer);
    this.deadlineDue = due;
    this.deadlineTimer = setTimeout(this.checkDeadline, Math.max(0, due - performance.now()));
    // The process's pipes keep the event loop alive while an invocation runs.
    this.deadlineTimer.unref();
  }

  private readonly checkDeadline = (): void => {
    this.deadlineTimer = undefined;
    const active = this.active;
    if (active === undefined || active.startedAt === 0 || this.state === 'dead') return;
    const due = active.startedAt + active.timeoutMs;
    if (performance.now() >= due) this.onTimeout();
    else this.armDeadline(due);
  };

  private transmit(pending: ActiveInvocation): void {
    pending.sent = true;
    this.send(pending.invocation, pending.timeoutMs);
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
    clearTimeout(this.stallTimer);
    const active = this.active;
    this.active = undefined;
    clearTimeout(this.deadlineTimer);
    if (active !== undefined) {
      if (active.startedAt === 0) active.startedAt = this.spawnedAt;
      active.resolve(this.outcome('runtime-error', active, EMPTY));
    }
    // Never started: the process runs one invocation at a time and died before their turn.
    for (const pending of this.queue.splice(0)) pending.resolve(unstarted());
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

/** The outcome of an invocation whose turn never came (its worker died or was stopped first). */
function unstarted(): WorkerOutcome {
  return {
    kind: 'unstarted',
    payload: EMPTY,
    errorType: undefined,
    runtimeFailure: undefined,
    log: '',
    initLog: '',
    durationMs: 0,
    executionMs: 0,
    initDurationMs: undefined,
    maxMemoryUsedMb: 0,
  };
}
