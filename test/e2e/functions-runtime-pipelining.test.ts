// Invocations queued ahead on a warm Node.js worker (a fast function under a burst): each still runs
// alone, in order, with its own log, its own timeout and deadline from its own start; the ones
// queued behind a crash, a timeout or a slow invocation run on another worker instead of failing.
// The queueing itself is Portico's (Lambda would start an environment per concurrent invocation);
// what the function observes is Lambda's.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FunctionDefinition } from '../../src/functions/function-definition.js';
import { defineFunction, invoke, startRuntime, type TestRuntime } from '../fixtures/functions/runtime-harness.js';

let t: TestRuntime;
let quick: TestRuntime;
beforeAll(async () => {
  // One core for workers (no scaling out to free cores); queues taken back after 500 ms.
  t = await startRuntime({ cpuCount: 1, scaleOutDelayMs: 1000 });
  // Queues taken back after 100 ms, new workers within some 200 ms.
  quick = await startRuntime({ cpuCount: 1, scaleOutDelayMs: 200 });
});
afterAll(async () => {
  await t.close();
  await quick.close();
});

let functions = 0;
/** A fresh function over the `dispatch` handler, warmed so the pool knows it is fast. */
async function warmFunction(overrides: Partial<FunctionDefinition> = {}, runtime = t): Promise<FunctionDefinition> {
  const definition = defineFunction('node-basics', { handler: 'index.dispatch', functionName: `pipelined-${++functions}`, ...overrides });
  for (let i = 0; i < 3; i++) expect((await invoke(runtime.runtime, definition, { action: 'echo', args: i })).body).toEqual({ event: i });
  return definition;
}

const pidOf = (body: unknown): number => (body as { pid: number }).pid;

describe('a burst to a fast function', () => {
  test('is served by its warm worker, one invocation at a time, each with only its own log lines', async () => {
    const definition = await warmFunction();
    const warmPid = pidOf((await invoke(t.runtime, definition, { action: 'pid' })).body);
    const results = await Promise.all(Array.from({ length: 30 }, () => invoke(t.runtime, definition, { action: 'logs' })));
    for (const { result, body, requestId } of results) {
      expect(body).toBe('logged');
      const consoleLines = result.log.split('\n').filter((line) => /^\d{4}-\d{2}-\d{2}T/.test(line));
      expect(consoleLines).toHaveLength(4);
      for (const line of consoleLines) expect(line.split('\t')[1]).toBe(requestId);
      expect(result.log).toContain(`START RequestId: ${requestId} Version: $LATEST\n`);
      expect(result.log.match(/START RequestId/g)).toHaveLength(1);
    }
    expect(pidOf((await invoke(t.runtime, definition, { action: 'pid' })).body)).toBe(warmPid);
  });

  test("each invocation's deadline and REPORT duration run from its own start, not from when it was queued", async () => {
    const definition = await warmFunction({ timeout: 2 });
    const results = await Promise.all(Array.from({ length: 3 }, () => invoke(t.runtime, definition, { action: 'sleepThenContext', args: { ms: 300 } })));
    // Queued on one worker, run one after another: the third started some 600 ms after it arrived.
    expect(new Set(results.map(({ body }) => pidOf(body))).size).toBe(1);
    for (const { result, body } of results) {
      expect((body as { remaining: number }).remaining).toBeGreaterThan(1500);
      const duration = Number(/\tDuration: ([\d.]+) ms/.exec(result.log)?.[1]);
      expect(duration).toBeGreaterThanOrEqual(299);
      expect(duration).toBeLessThan(550);
    }
  });
});

describe('invocations queued behind one that fails', () => {
  test('behind a crash (process.exit), they run on a new worker', async () => {
    const definition = await warmFunction();
    const crashedPid = pidOf((await invoke(t.runtime, definition, { action: 'pid' })).body);
    const [crashed, ...queued] = await Promise.all([
      invoke(t.runtime, definition, { action: 'exit' }),
      ...Array.from({ length: 3 }, (_, i) => invoke(t.runtime, definition, { action: 'counter', i })),
    ]);
    expect(crashed!.result.errorType).toBe('Runtime.ExitError');
    for (const { result, body } of queued) {
      expect(result.functionError).toBeUndefined();
      expect(body).toMatchObject({ count: expect.any(Number), pid: expect.any(Number) });
      expect(pidOf(body)).not.toBe(crashedPid);
    }
  });

  test('behind a timeout (an endless loop), they run on a new worker', async () => {
    const definition = await warmFunction({ timeout: 1 });
    const [looped, ...queued] = await Promise.all([
      invoke(t.runtime, definition, { action: 'loop' }),
      ...Array.from({ length: 2 }, (_, i) => invoke(t.runtime, definition, { action: 'echo', args: { i } })),
    ]);
    expect(looped!.result.errorType).toBe('Sandbox.Timedout');
    expect(queued.map(({ body }) => body)).toEqual([{ event: { i: 0 } }, { event: { i: 1 } }]);
  });

  test('behind a slow invocation, they are taken back after the stall limit and run elsewhere without waiting for it', async () => {
    const definition = await warmFunction({ timeout: 10 }, quick);
    const started = Date.now();
    const slow = invoke(quick.runtime, definition, { action: 'sleep', args: { ms: 4000 } });
    const queued = await Promise.all(Array.from({ length: 2 }, (_, i) => invoke(quick.runtime, definition, { action: 'sleep', args: { ms: i } })));
    expect(Date.now() - started).toBeLessThan(3000);
    const slowBody = (await slow).body;
    expect(slowBody).toMatchObject({ slept: 4000 });
    expect(queued.map(({ body }) => body)).toEqual([
      { slept: 0, pid: expect.any(Number) },
      { slept: 1, pid: expect.any(Number) },
    ]);
    for (const { body } of queued) expect(pidOf(body)).not.toBe(pidOf(slowBody));
  });
});
