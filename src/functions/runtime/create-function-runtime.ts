// The local Lambda runtime (createFunctionRuntime, called once by the composition root): per
// function a concurrency count and one warm pool per version, new pools when a revision changes or
// mounted code is edited, idle workers reaped, Lambda's results, logs and throttling.

import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import {
  FunctionThrottledError,
  InvalidRuntimeError,
  type EventPayload,
  type FunctionDefinition,
  type FunctionInvokeOptions,
  type FunctionRuntime,
  type InvocationResult,
} from '../function-definition.js';
import type { Logger } from '../../observability/logger.js';
import { PackedProxyEvent } from '../packed-proxy-event.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import { watchCodeDirectory, type CodeWatcher } from './code-watcher.js';
import type { FunctionWorker, WorkerOutcome } from './function-worker.js';
import { renderInvocationResult } from './invocation-result.js';
import { writePythonBootstrap } from './python/write-python-bootstrap.js';
import { RevisionPool } from './revision-pool.js';
import { spawnWorker, type WorkerSetup } from './spawn-worker.js';
import { DEFAULT_PATH, runtimeKind, type RuntimeKind } from './worker-environment.js';
import { resolveNodeWorkerScript } from './worker-script.js';

export interface FunctionRuntimeOptions {
  logger: Logger;
  /** Portico's data dir; the runtime keeps its bootstrap files under `functions-runtime/`. */
  dataDir: string;
  clock?: Clock;
  /** Concurrency of a function without reserved concurrency. Default 1000 (Lambda's account default). */
  defaultConcurrency?: number;
  /** Worker processes per function version at most; more concurrent invocations wait. Default 10. */
  maxWorkersPerFunction?: number;
  /**
   * How long an invocation waits for a busy warm worker before a new worker starts for it. 0 is
   * Lambda's own rule (a new environment whenever all are busy). Default 50 ms: a fast function
   * serves a burst from a few warm processes, a slow one still scales out within 50 ms.
   */
  scaleOutDelayMs?: number;
  /** Cores the workers may use; default `os.availableParallelism()` (honours CPU affinity). */
  cpuCount?: number;
  /** A warm worker idle this long is stopped. Default 10 minutes. */
  idleTimeoutMs?: number;
  /**
   * Worker processes across all functions before a cold start stops the least recently used idle
   * worker of any function (a process is some 40-70 MB). Default 50.
   */
  maxTotalWorkers?: number;
  /** Variables every worker starts from (PATH, AWS credentials...), under the function's own. */
  hostEnvironment?: Readonly<Record<string, string>>;
  /** The interpreter for python3.x functions. Default `python3`. */
  pythonCommand?: string;
  /** Quiet time before a change in a mounted code directory recycles its workers. Default 50 ms. */
  watchDebounceMs?: number;
}

export function createFunctionRuntime(options: FunctionRuntimeOptions): FunctionRuntime {
  return new LocalFunctionRuntime(options);
}

const EMPTY_EVENT = Buffer.from('{}');
/** Times an invocation whose worker died before its turn is handed to another before it fails. */
const UNSTARTED_RETRIES = 3;

class FunctionState {
  /** Invocations admitted and not finished (running or waiting for a worker). */
  inFlight = 0;
  /** Warm pools by version (`$LATEST`, `1`...); replaced when a version's revision changes. */
  readonly pools = new Map<string, RevisionPool>();
  watcher: CodeWatcher | undefined;
  watchedDirectory: string | undefined;
}

class LocalFunctionRuntime implements FunctionRuntime {
  private readonly functions = new Map<string, FunctionState>();
  private readonly workers = new Set<FunctionWorker>();
  private readonly setup: WorkerSetup;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly defaultConcurrency: number;
  private readonly maxWorkers: number;
  private readonly scaleOutDelayMs: number;
  private readonly parallelWorkers: number;
  private readonly idleTimeoutMs: number;
  private readonly maxTotalWorkers: number;
  private readonly reaper: NodeJS.Timeout;
  private readonly preparing = new Map<RuntimeKind, Promise<void>>();
  private closing: Promise<void> | undefined;

  constructor(private readonly options: FunctionRuntimeOptions) {
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
    this.defaultConcurrency = options.defaultConcurrency ?? 1000;
    this.maxWorkers = options.maxWorkersPerFunction ?? 10;
    this.scaleOutDelayMs = options.scaleOutDelayMs ?? 50;
    // The cores this process may use (its CPU affinity), less one for the gateway itself.
    this.parallelWorkers = Math.max(1, (options.cpuCount ?? availableParallelism()) - 1);
    this.idleTimeoutMs = options.idleTimeoutMs ?? 600_000;
    this.maxTotalWorkers = options.maxTotalWorkers ?? 50;
    this.setup = {
      nodeScript: undefined,
      pythonBootstrap: undefined,
      pythonCommand: options.pythonCommand ?? 'python3',
      hostEnvironment: options.hostEnvironment ?? { PATH: DEFAULT_PATH },
      runtimeDir: join(options.dataDir, 'functions-runtime'),
      // The pool queues ahead only what a worker serves within half the delay at the usual run time.
      queueStallMs: this.scaleOutDelayMs / 2,
      now: () => this.clock.now(),
      onIdleOutput: (definition, text) => this.logger.info({ functionName: definition.functionName, output: text }, 'function output'),
    };
    this.reaper = setInterval(() => this.reapIdle(), Math.min(60_000, Math.max(1_000, this.idleTimeoutMs / 2)));
    this.reaper.unref();
  }

  // hot path
  invoke(definition: FunctionDefinition, payload: EventPayload, options: FunctionInvokeOptions): Promise<InvocationResult> {
    if (this.closing !== undefined) return Promise.reject(new Error('The function runtime is closed'));
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const kind = runtimeKind(definition.runtime);
    if (kind === undefined) return Promise.reject(new InvalidRuntimeError(definition.runtime));
    let fn = this.functions.get(definition.functionArn);
    if (fn === undefined) this.functions.set(definition.functionArn, (fn = new FunctionState()));
    const reserved = definition.reservedConcurrency;
    if (fn.inFlight >= (reserved ?? this.defaultConcurrency)) {
      const reason = reserved === undefined ? 'ConcurrentInvocationLimitExceeded' : 'ReservedFunctionConcurrentInvocationLimitExceeded';
      return Promise.reject(new FunctionThrottledError(definition.functionName, reason));
    }
    const pool = this.poolFor(fn, definition);
    fn.inFlight++;
    const running = this.run(fn, pool, kind, definition, payload, options);
    return signal === undefined ? running : abandonOnAbort(running, signal);
  }

  retire(functionArn: string): void {
    const fn = this.functions.get(functionArn);
    if (fn === undefined) return;
    this.functions.delete(functionArn);
    fn.watcher?.close();
    for (const pool of fn.pools.values()) pool.retire();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.reaper);
      const closed = new Error('The function runtime is closed');
      for (const fn of this.functions.values()) {
        fn.watcher?.close();
        for (const pool of fn.pools.values()) {
          pool.rejectWaiters(closed);
          pool.retire();
        }
      }
      this.functions.clear();
      const exits = [...this.workers].map((worker) => {
        worker.kill();
        return worker.exited;
      });
      await Promise.all(exits);
    })();
    return this.closing;
  }

  // hot path
  private async run(fn: FunctionState, pool: RevisionPool, kind: RuntimeKind, definition: FunctionDefinition, payload: EventPayload, options: FunctionInvokeOptions): Promise<InvocationResult> {
    try {
      if (!this.isPrepared(kind)) await this.prepare(kind);
      const invocation = {
        requestId: options.requestId,
        invokedFunctionArn: options.invokedFunctionArn ?? definition.functionArn,
        // AWS: an Invoke without a payload hands the function an empty object.
        payload: !(payload instanceof PackedProxyEvent) && payload.length === 0 ? EMPTY_EVENT : payload,
        clientContext: options.clientContext,
        traceId: options.traceId,
      };
      let outcome: WorkerOutcome;
      for (let attempt = 0; ; attempt++) {
        const acquired = pool.acquire(options.signal, attempt === 0);
        const worker = acquired instanceof Promise ? await acquired : acquired;
        if (this.closing !== undefined) throw new Error('The function runtime is closed');
        outcome = await worker.invoke(invocation, definition.timeout * 1000);
        // Queued behind an invocation that crashed or timed out, it never ran: another worker runs it.
        if (outcome.kind === 'unstarted' && attempt < UNSTARTED_RETRIES && this.closing === undefined) continue;
        pool.release(worker, outcome.initDurationMs === undefined ? outcome.executionMs : undefined);
        break;
      }
      const result = renderInvocationResult(definition, options.requestId, outcome, this.clock.now());
      this.logInvocation(definition, options.requestId, result, outcome.log !== '' || outcome.initLog !== '');
      return result;
    } finally {
      fn.inFlight--;
    }
  }

  // hot path
  private poolFor(fn: FunctionState, definition: FunctionDefinition): RevisionPool {
    const pool = fn.pools.get(definition.version);
    if (pool !== undefined && pool.revisionId === definition.revisionId) return pool;
    // A new revision (code or configuration changed): new invocations get new workers, the old
    // revision's in-flight invocations finish on theirs.
    pool?.retire();
    // The concurrency check keeps a function's workers within its reserved concurrency.
    const options = { maxWorkers: this.maxWorkers, scaleOutDelayMs: this.scaleOutDelayMs, parallelWorkers: this.parallelWorkers };
    const fresh = new RevisionPool(definition, options, (revision, onDead) => this.spawn(revision, onDead));
    fn.pools.set(definition.version, fresh);
    this.updateWatcher(fn, definition);
    return fresh;
  }

  private spawn(definition: FunctionDefinition, onDead: (worker: FunctionWorker) => void): FunctionWorker {
    if (this.workers.size >= this.maxTotalWorkers) this.evictOldestIdle();
    const worker = spawnWorker(this.setup, definition, (dead) => {
      this.workers.delete(dead);
      onDead(dead);
    });
    this.workers.add(worker);
    return worker;
  }

  private isPrepared(kind: RuntimeKind): boolean {
    if (kind === 'nodejs') return this.setup.nodeScript !== undefined;
    if (kind === 'python') return this.setup.pythonBootstrap !== undefined;
    return true;
  }

  /** Finds or writes the files a kind of worker runs, once. */
  private prepare(kind: RuntimeKind): Promise<void> {
    let preparing = this.preparing.get(kind);
    if (preparing === undefined) {
      preparing =
        kind === 'nodejs'
          ? resolveNodeWorkerScript(this.options.dataDir).then((script) => void (this.setup.nodeScript = script))
          : writePythonBootstrap(this.setup.runtimeDir).then((bootstrap) => void (this.setup.pythonBootstrap = bootstrap));
      preparing.catch(() => this.preparing.delete(kind));
      this.preparing.set(kind, preparing);
    }
    return preparing;
  }

  private updateWatcher(fn: FunctionState, definition: FunctionDefinition): void {
    if (definition.mounted) {
      if (fn.watchedDirectory === definition.codeDirectory) return;
      fn.watcher?.close();
      const directory = definition.codeDirectory;
      fn.watchedDirectory = directory;
      fn.watcher = watchCodeDirectory(directory, () => this.recycleMounted(definition.functionArn, directory), {
        debounceMs: this.options.watchDebounceMs,
        onFallback: (error) => this.logger.warn({ directory, err: error }, 'watching function code failed; polling instead'),
      });
      return;
    }
    if (fn.watcher === undefined) return;
    for (const pool of fn.pools.values()) if (pool.definition.mounted) return;
    fn.watcher.close();
    fn.watcher = undefined;
    fn.watchedDirectory = undefined;
  }

  /** Mounted code changed: the next invocations start workers on the new code. */
  private recycleMounted(functionArn: string, directory: string): void {
    const fn = this.functions.get(functionArn);
    if (fn === undefined) return;
    for (const [version, pool] of fn.pools) {
      if (!pool.definition.mounted || pool.definition.codeDirectory !== directory) continue;
      pool.retire();
      fn.pools.delete(version);
    }
    this.logger.info({ functionArn, directory }, 'function code changed; workers recycled');
  }

  /** Makes room for a cold start: the idle worker unused the longest, of any function, goes. */
  private evictOldestIdle(): void {
    let oldest: { pool: RevisionPool; worker: FunctionWorker } | undefined;
    for (const fn of this.functions.values()) {
      for (const pool of fn.pools.values()) {
        const worker = pool.oldestIdle();
        if (worker !== undefined && (oldest === undefined || worker.lastUsed < oldest.worker.lastUsed)) oldest = { pool, worker };
      }
    }
    oldest?.pool.evict(oldest.worker);
  }

  private reapIdle(): void {
    const cutoff = performance.now() - this.idleTimeoutMs;
    for (const fn of this.functions.values()) for (const pool of fn.pools.values()) pool.reapIdle(cutoff);
  }

  // hot path
  private logInvocation(definition: FunctionDefinition, requestId: string, result: InvocationResult, hadOutput: boolean): void {
    const level = result.functionError !== undefined ? 'warn' : hadOutput ? 'info' : 'debug';
    if (!this.logger.isLevelEnabled(level)) return;
    this.logger[level]({ functionName: definition.functionName, requestId, log: result.log }, 'function invocation');
  }
}

/** The caller stops waiting on abort; the invocation itself runs on, as on Lambda. */
function abandonOnAbort<T>(running: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    running.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
