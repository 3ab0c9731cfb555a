// The warm pool's choices with fake workers: reuse the latest idle one, spawn under the cap,
// queue beyond it (ahead on a pipelined worker for a fast function), replace dead workers for
// waiters, drain when retired, reap the idle.
import { describe, expect, test } from 'vitest';
import type { FunctionDefinition } from '../function-definition.js';
import type { FunctionWorker, WorkerOutcome } from './function-worker.js';
import { RevisionPool } from './revision-pool.js';

class FakeWorker implements FunctionWorker {
  alive = true;
  ready = true;
  runningFor = 0;
  lastUsed = 0;
  busy = false;
  queued = 0;
  readonly exited = Promise.resolve();
  constructor(
    readonly id: number,
    private readonly onDead: (worker: FunctionWorker) => void,
    readonly pipelined: boolean,
  ) {}
  invoke(): Promise<WorkerOutcome> {
    return Promise.reject(new Error('not used'));
  }
  kill(): void {
    this.alive = false;
    this.onDead(this);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function pool(maxWorkers: number, scaleOutDelayMs = 0, parallelWorkers = 1, pipelined = false): { pool: RevisionPool; spawned: FakeWorker[] } {
  const spawned: FakeWorker[] = [];
  const definition = { revisionId: 'r1' } as FunctionDefinition;
  const revisionPool = new RevisionPool(definition, { maxWorkers, scaleOutDelayMs, parallelWorkers }, (_definition, onDead) => {
    const worker = new FakeWorker(spawned.length, onDead, pipelined);
    spawned.push(worker);
    return worker;
  });
  return { pool: revisionPool, spawned };
}

describe('RevisionPool', () => {
  test('reuses the most recently released worker', () => {
    const { pool: p } = pool(3);
    const a = p.acquire(undefined) as FakeWorker;
    const b = p.acquire(undefined) as FakeWorker;
    p.release(a, 1);
    p.release(b, 1);
    expect(p.acquire(undefined)).toBe(b);
  });

  test('waits beyond the cap, first come first served', async () => {
    const { pool: p, spawned } = pool(1);
    const only = p.acquire(undefined) as FakeWorker;
    const first = p.acquire(undefined) as Promise<FunctionWorker>;
    const second = p.acquire(undefined) as Promise<FunctionWorker>;
    expect(spawned).toHaveLength(1);
    p.release(only, 1);
    expect(await first).toBe(only);
    p.release(only, 1);
    expect(await second).toBe(only);
  });

  test('a fast function serves a burst from its busy worker instead of starting more', async () => {
    const { pool: p, spawned } = pool(3, 40);
    const busy = p.acquire(undefined) as FakeWorker;
    p.release(busy, 0.05);
    expect(p.acquire(undefined)).toBe(busy);
    const waiting = Array.from({ length: 5 }, () => p.acquire(undefined) as Promise<FunctionWorker>);
    await sleep(70);
    expect(spawned).toHaveLength(1);
    for (const next of waiting) {
      p.release(busy, 0.05);
      expect(await next).toBe(busy);
    }
  });

  test('a worker stuck on one invocation for the whole delay: waiters get new workers', async () => {
    const { pool: p, spawned } = pool(5, 40);
    const busy = p.acquire(undefined) as FakeWorker;
    const waiting = [p.acquire(undefined), p.acquire(undefined)];
    busy.runningFor = 45;
    expect(await Promise.all(waiting)).toEqual([spawned[1], spawned[2]]);
  });

  test("a slow function's usual run time asks for enough workers to drain the wait", async () => {
    const { pool: p, spawned } = pool(5, 40);
    const busy = p.acquire(undefined) as FakeWorker;
    p.release(busy, 30);
    for (let i = 0; i < 20; i++) p.release(p.acquire(undefined) as FakeWorker, 30);
    expect(p.acquire(undefined)).toBe(busy);
    for (let i = 0; i < 4; i++) void p.acquire(undefined);
    await sleep(60);
    // 4 waiting × 30 ms on 1 worker = 120 ms: 3 workers bring it under 40 ms.
    expect(spawned).toHaveLength(3);
  });

  test('a queue that keeps the worker busy in the handler adds workers up to the free cores', async () => {
    const { pool: p, spawned } = pool(8, 40, 3);
    const busy = p.acquire(undefined) as FakeWorker;
    p.release(busy, 0.1);
    expect(p.acquire(undefined)).toBe(busy);
    for (let i = 0; i < 6; i++) void p.acquire(undefined);
    // Every worker runs the handler 90% of the time.
    const started = performance.now();
    let last = started;
    while (performance.now() - started < 300) {
      await sleep(2);
      const now = performance.now();
      for (const worker of spawned) {
        p.release(worker, (now - last) * 0.9);
        void p.acquire(undefined);
      }
      last = now;
    }
    expect(spawned.length).toBe(3);
  });

  test('no scaling out during a cold start', async () => {
    const { pool: p, spawned } = pool(3, 40);
    const cold = p.acquire(undefined) as FakeWorker;
    cold.ready = false;
    const waiting = p.acquire(undefined) as Promise<FunctionWorker>;
    await sleep(80);
    expect(spawned).toHaveLength(1);
    cold.ready = true;
    cold.runningFor = 50;
    expect(await waiting).toBe(spawned[1]);
  });

  test('a waiting caller can give up', async () => {
    const { pool: p } = pool(1);
    p.acquire(undefined);
    const controller = new AbortController();
    const waiting = p.acquire(controller.signal) as Promise<FunctionWorker>;
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
  });

  test('a worker dying while others wait is replaced for them', async () => {
    const { pool: p, spawned } = pool(1);
    const only = p.acquire(undefined) as FakeWorker;
    const waiting = p.acquire(undefined) as Promise<FunctionWorker>;
    only.kill();
    expect(await waiting).toBe(spawned[1]);
  });

  test('retired: idle workers stop now, busy ones when released', () => {
    const { pool: p } = pool(2);
    const busy = p.acquire(undefined) as FakeWorker;
    const idle = p.acquire(undefined) as FakeWorker;
    p.release(idle, 1);
    p.retire();
    expect(idle.alive).toBe(false);
    expect(busy.alive).toBe(true);
    p.release(busy, 1);
    expect(busy.alive).toBe(false);
  });

  test('reaps workers idle since before the cutoff', () => {
    const { pool: p } = pool(2);
    const old = p.acquire(undefined) as FakeWorker;
    const recent = p.acquire(undefined) as FakeWorker;
    old.lastUsed = 10;
    recent.lastUsed = 100;
    p.release(old, 1);
    p.release(recent, 1);
    p.reapIdle(50);
    expect(old.alive).toBe(false);
    expect(recent.alive).toBe(true);
    expect(p.idleCount).toBe(1);
  });
});

describe('RevisionPool, pipelined workers', () => {
  /** A pool whose one worker is busy, after `warmMs` runs of the handler. */
  function busyPool(warmMs: number | undefined, scaleOutDelayMs = 40, parallelWorkers = 1): { pool: RevisionPool; worker: FakeWorker; spawned: FakeWorker[] } {
    const { pool: p, spawned } = pool(3, scaleOutDelayMs, parallelWorkers, true);
    const worker = p.acquire(undefined) as FakeWorker;
    if (warmMs !== undefined) {
      p.release(worker, warmMs);
      expect(p.acquire(undefined)).toBe(worker);
    }
    worker.busy = true;
    return { pool: p, worker, spawned };
  }

  test('a fast function queues on its busy worker, up to what it serves within half the delay', () => {
    // 20 ms of budget at 4 ms a run: 5 invocations held, the running one and 4 queued.
    const { pool: p, worker } = busyPool(4);
    for (let queued = 0; queued < 4; queued++) {
      expect(p.acquire(undefined)).toBe(worker);
      worker.queued++;
    }
    expect(p.acquire(undefined)).toBeInstanceOf(Promise);
  });

  test('nothing is queued ahead before a warm run time is known', () => {
    const { pool: p } = busyPool(undefined);
    expect(p.acquire(undefined)).toBeInstanceOf(Promise);
  });

  test("Lambda's own rule (a scale-out delay of 0) never queues ahead", () => {
    const { pool: p, spawned } = busyPool(0.01, 0);
    expect(p.acquire(undefined)).toBe(spawned[1]);
  });

  test('a worker running one invocation past a quarter of the delay takes no more', () => {
    const { pool: p, worker } = busyPool(0.01);
    worker.runningFor = 9;
    expect(p.acquire(undefined)).toBe(worker);
    worker.runningFor = 11;
    expect(p.acquire(undefined)).toBeInstanceOf(Promise);
  });

  test('an invocation taken back from a queue is not queued ahead again', () => {
    const { pool: p } = busyPool(0.01);
    expect(p.acquire(undefined, false)).toBeInstanceOf(Promise);
  });

  test('a slow function waits instead of queueing', () => {
    const { pool: p } = busyPool(30);
    expect(p.acquire(undefined)).toBeInstanceOf(Promise);
  });

  test('a worker with queued invocations stays busy when one finishes; idle after the last', () => {
    const { pool: p, worker } = busyPool(1);
    worker.queued = 1;
    p.release(worker, 1);
    expect(p.idleCount).toBe(0);
    worker.queued = 0;
    worker.busy = false;
    p.release(worker, 1);
    expect(p.idleCount).toBe(1);
  });

  test('a freed worker takes as many waiters as its queue holds, in order', async () => {
    const { pool: p, worker } = busyPool(undefined);
    const waiting = Array.from({ length: 3 }, () => p.acquire(undefined) as Promise<FunctionWorker>);
    worker.busy = false;
    p.release(worker, 1);
    expect(await Promise.all(waiting)).toEqual([worker, worker, worker]);
  });

  test('queued ahead with free cores: a handler keeping the worker busy brings one more worker', async () => {
    const { pool: p, worker, spawned } = busyPool(0.1, 40, 2);
    expect(p.acquire(undefined)).toBe(worker);
    worker.queued = 5;
    const started = performance.now();
    let last = started;
    while (performance.now() - started < 200) {
      await sleep(2);
      const now = performance.now();
      p.release(worker, (now - last) * 0.9);
      last = now;
    }
    expect(spawned).toHaveLength(2);
    // Nobody was waiting for it: it joined the idle workers, for the next invocation.
    expect(p.idleCount).toBe(1);
    expect(p.acquire(undefined)).toBe(spawned[1]);
  });
});
