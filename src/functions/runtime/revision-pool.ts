// The warm workers of one function revision (one FunctionDefinition.revisionId): the most recently
// used idle worker first (as Lambda reuses warm environments); else, for a fast function, the queue
// of a busy pipelined worker when its usual run time serves that queue within half `scaleOutDelayMs`;
// else a FIFO wait, and new workers when the busy ones would not drain the wait within the delay, or
// are kept busy while cores are free. Retiring a revision stops idle workers at once, busy ones when
// they finish.

import { performance } from 'node:perf_hooks';
import type { FunctionDefinition } from '../function-definition.js';
import type { FunctionWorker } from './function-worker.js';

export type SpawnWorker = (definition: FunctionDefinition, onDead: (worker: FunctionWorker) => void) => FunctionWorker;

/** Invocations one worker holds at most (running and queued), whatever the function's speed. */
const MAX_OUTSTANDING = 256;

interface Waiter {
  resolve(worker: FunctionWorker): void;
  reject(reason: unknown): void;
}

export interface RevisionPoolOptions {
  /** Worker processes at most. */
  maxWorkers: number;
  /**
   * The queueing a function may see before more workers start: new workers start when the waiting
   * invocations, at the handler's usual run time, would not be served within it by the workers
   * making progress. 0 starts one whenever all are busy, as Lambda does; a few milliseconds let a
   * fast function serve a burst from a few warm processes instead of many competing for the cores.
   */
  scaleOutDelayMs: number;
  /**
   * Workers that can run in parallel on this machine (cores less one for the gateway): below it, a
   * queue that keeps the workers over half busy running the handler also starts one more.
   */
  parallelWorkers: number;
}

export class RevisionPool {
  readonly revisionId: string;
  private readonly idle: FunctionWorker[] = [];
  private readonly workers = new Set<FunctionWorker>();
  private readonly waiters: Waiter[] = [];
  private retired = false;
  private scaleCheck: NodeJS.Timeout | undefined;
  /** performance.now() the pending check is due. */
  private scaleCheckDue = 0;
  /** Moving average of the handler's warm run time (ms), as the workers measure it. */
  private serviceMs = 0;
  /** Warm run times measured so far (none: queueing ahead waits for the first). */
  private warmRuns = 0;
  /** The previous check found the queue too long: a second one in a row starts workers. */
  private underPressure = false;
  /** Handler time reported since the last check, and when that was. */
  private busyMs = 0;
  private lastCheckAt = 0;

  constructor(
    readonly definition: FunctionDefinition,
    private readonly options: RevisionPoolOptions,
    private readonly spawnWorker: SpawnWorker,
  ) {
    this.revisionId = definition.revisionId;
  }

  // hot path
  /**
   * A worker for one invocation: warm if one is idle, else (`queueAhead`) a fast function's busy
   * worker with room in its queue, else the next free or newly started one.
   */
  acquire(signal: AbortSignal | undefined, queueAhead = true): FunctionWorker | Promise<FunctionWorker> {
    const warm = this.idle.pop();
    if (warm !== undefined) return warm;
    const { maxWorkers, scaleOutDelayMs } = this.options;
    if (this.workers.size === 0 || (scaleOutDelayMs === 0 && this.workers.size < maxWorkers)) return this.spawn();
    const ahead = queueAhead && this.waiters.length === 0 ? this.leastOutstanding() : undefined;
    if (ahead !== undefined) {
      // Free cores: the scale check may add a worker if the handler keeps this one busy.
      if (this.scaleCheck === undefined && this.workers.size < Math.min(maxWorkers, this.options.parallelWorkers)) this.startScaleChecks();
      return ahead;
    }
    const waiting = new Promise<FunctionWorker>((resolve, reject) => {
      if (signal === undefined) {
        this.waiters.push({ resolve, reject });
        return;
      }
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(signal.reason);
      };
      const settle = (): void => signal.removeEventListener('abort', onAbort);
      const waiter: Waiter = {
        resolve: (worker) => (settle(), resolve(worker)),
        reject: (reason) => (settle(), reject(reason)),
      };
      this.waiters.push(waiter);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    if (this.scaleCheck === undefined && this.workers.size < maxWorkers) this.startScaleChecks();
    return waiting;
  }

  // hot path
  /**
   * One invocation on `worker` is over; `executionMs` is the handler's run time, or undefined for
   * a cold start's (not a usual one). A worker still running queued ones stays busy; a free one
   * serves the waiters (as many as its queue takes) or goes idle.
   */
  release(worker: FunctionWorker, executionMs: number | undefined): void {
    if (executionMs !== undefined) {
      this.serviceMs = this.warmRuns === 0 ? executionMs : this.serviceMs + (executionMs - this.serviceMs) * 0.2;
      this.warmRuns++;
      this.busyMs += executionMs;
    }
    if (!worker.alive) return;
    let room = this.room(worker);
    if (room > 0 && this.waiters.length > 0) {
      while (room-- > 0 && this.waiters.length > 0) this.waiters.shift()!.resolve(worker);
      return;
    }
    if (worker.busy) return;
    if (this.retired) worker.kill();
    else this.idle.push(worker);
  }

  /** New invocations go to a newer revision: stop idle workers now, busy ones as they finish. */
  retire(): void {
    this.retired = true;
    for (const worker of this.idle.splice(0)) worker.kill();
  }

  /** Stops workers idle since before `cutoff` (performance.now() time); the oldest are at the bottom. */
  reapIdle(cutoff: number): void {
    let stale = 0;
    while (stale < this.idle.length && this.idle[stale]!.lastUsed < cutoff) stale++;
    for (const worker of this.idle.splice(0, stale)) worker.kill();
  }

  /** The idle worker unused the longest, for eviction when the runtime has too many processes. */
  oldestIdle(): FunctionWorker | undefined {
    return this.idle[0];
  }

  /** Stops one idle worker (the runtime is at its process limit). */
  evict(worker: FunctionWorker): void {
    const index = this.idle.indexOf(worker);
    if (index < 0) return;
    this.idle.splice(index, 1);
    worker.kill();
  }

  /** The runtime is closing: nobody waiting will be served. */
  rejectWaiters(reason: Error): void {
    clearTimeout(this.scaleCheck);
    for (const waiter of this.waiters.splice(0)) waiter.reject(reason);
  }

  /** For tests and metrics: idle workers right now. */
  get idleCount(): number {
    return this.idle.length;
  }

  /**
   * Invocations a worker may hold (running and queued): one, or for a pipelined worker of a fast
   * function as many as its usual run time serves within half the scale-out delay, unless the one
   * it runs is already past half of that (the worker takes the queue back at the whole of it).
   */
  // hot path
  private capacity(worker: FunctionWorker): number {
    if (!worker.pipelined || this.warmRuns === 0) return 1;
    const budgetMs = this.options.scaleOutDelayMs / 2;
    if (worker.runningFor > budgetMs / 2) return 1;
    return Math.max(1, Math.min(MAX_OUTSTANDING, Math.floor(budgetMs / Math.max(this.serviceMs, 0.001))));
  }

  // hot path
  private room(worker: FunctionWorker): number {
    return this.capacity(worker) - (worker.busy ? 1 : 0) - worker.queued;
  }

  /** hot path: the ready pipelined worker with the most room for one more invocation, if any. */
  private leastOutstanding(): FunctionWorker | undefined {
    let best: FunctionWorker | undefined;
    let bestRoom = 0;
    for (const worker of this.workers) {
      if (!worker.pipelined || !worker.ready || !worker.alive) continue;
      const room = this.room(worker);
      if (room > bestRoom) {
        best = worker;
        bestRoom = room;
      }
    }
    return best;
  }

  /** Invocations queued ahead on the workers. */
  private queuedAhead(): number {
    let queued = 0;
    for (const worker of this.workers) queued += worker.queued;
    return queued;
  }

  private spawn(): FunctionWorker {
    const worker = this.spawnWorker(this.definition, (dead) => this.onDead(dead));
    this.workers.add(worker);
    return worker;
  }

  private onDead(worker: FunctionWorker): void {
    this.workers.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    // A waiter whose worker died meanwhile gets a fresh one.
    const waiter = this.waiters.shift();
    if (waiter !== undefined) waiter.resolve(this.spawn());
  }

  private startScaleChecks(): void {
    this.busyMs = 0;
    this.lastCheckAt = performance.now();
    this.scheduleScaleCheck();
  }

  private scheduleScaleCheck(): void {
    const interval = Math.max(1, this.options.scaleOutDelayMs / 2);
    this.scaleCheckDue = performance.now() + interval;
    this.scaleCheck = setTimeout(() => this.checkScaleOut(), interval);
    this.scaleCheck.unref();
  }

  /**
   * Starts workers for waiting invocations when the workers making progress (not cold-starting, not
   * stuck on one invocation for the whole delay) would take longer than the delay to serve them, or
   * spend most of their time in the handler while cores are free (waiting or queued ahead); at two
   * checks in a row (a burst met by a freshly started, not yet optimised worker passes). A worker
   * started with nobody waiting joins the idle ones, the least recently used.
   */
  private checkScaleOut(): void {
    this.scaleCheck = undefined;
    const { maxWorkers, scaleOutDelayMs, parallelWorkers } = this.options;
    const now = performance.now();
    const utilisation = this.busyMs / Math.max(1, (now - this.lastCheckAt) * this.workers.size);
    this.busyMs = 0;
    this.lastCheckAt = now;
    const queuedAhead = this.queuedAhead();
    if ((this.waiters.length === 0 && queuedAhead === 0) || this.workers.size >= maxWorkers) return;
    // A check that fires late ran after a blocked event loop: answers may be sitting unread in the
    // pipes, so busy workers only look stuck. Judge at the next one.
    if (now - this.scaleCheckDue > scaleOutDelayMs / 2) return this.scheduleScaleCheck();
    let progressing = 0;
    for (const worker of this.workers) {
      // A cold start in progress will serve the queue soon: wait for it before judging.
      if (!worker.ready) return this.scheduleScaleCheck();
      if (worker.runningFor < scaleOutDelayMs) progressing++;
    }
    const drainMs = progressing === 0 ? Infinity : (this.waiters.length * this.serviceMs) / progressing;
    let wanted = 0;
    if (drainMs >= scaleOutDelayMs) {
      wanted = progressing === 0 ? this.waiters.length : Math.ceil((this.waiters.length * this.serviceMs) / scaleOutDelayMs) - progressing;
    } else if (this.workers.size < parallelWorkers && utilisation > 0.5) wanted = 1;
    if (wanted <= 0) this.underPressure = false;
    else if (!this.underPressure) this.underPressure = true;
    else {
      this.underPressure = false;
      const count = Math.min(wanted, this.waiters.length + queuedAhead, maxWorkers - this.workers.size);
      for (let i = 0; i < count; i++) {
        const worker = this.spawn();
        const waiter = this.waiters.shift();
        if (waiter !== undefined) waiter.resolve(worker);
        else this.idle.unshift(worker);
      }
    }
    const cap = this.waiters.length > 0 ? maxWorkers : Math.min(maxWorkers, parallelWorkers);
    if ((this.waiters.length > 0 || this.queuedAhead() > 0) && this.workers.size < cap) this.scheduleScaleCheck();
  }
}
