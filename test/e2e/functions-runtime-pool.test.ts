// The warm pools: concurrency limits and Lambda's throttling, parallel workers and waiting beyond
// the worker cap, a new revision while an old one is in flight, a mounted directory edited in
// place, retire, close, an abandoned caller and idle workers stopped.

import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FunctionThrottledError } from '../../src/functions/function-definition.js';
import { defineFunction, FIXTURES, invoke, startRuntime, type TestRuntime } from '../fixtures/functions/runtime-harness.js';

let t: TestRuntime;
beforeAll(async () => {
  t = await startRuntime({ maxWorkersPerFunction: 5 });
});
afterAll(() => t.close());

const sleeper = (overrides = {}) => defineFunction('node-basics', { handler: 'index.sleep', functionName: 'sleeper', ...overrides });

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('concurrency', () => {
  test('beyond the reserved concurrency, invocations are throttled (Rate Exceeded.)', async () => {
    const definition = sleeper({ functionName: 'reserved', reservedConcurrency: 2 });
    const running = [invoke(t.runtime, definition, { ms: 400 }), invoke(t.runtime, definition, { ms: 400 })];
    const throttled = invoke(t.runtime, definition, { ms: 1 });
    await expect(throttled).rejects.toBeInstanceOf(FunctionThrottledError);
    await expect(throttled).rejects.toMatchObject({ message: 'Rate Exceeded.', reason: 'ReservedFunctionConcurrentInvocationLimitExceeded', functionName: 'reserved' });
    for (const result of await Promise.all(running)) expect(result.body).toMatchObject({ slept: 400 });
    expect((await invoke(t.runtime, definition, { ms: 1 })).body).toMatchObject({ slept: 1 });
  });

  test('a reserved concurrency of 0 throttles every invocation', async () => {
    await expect(invoke(t.runtime, sleeper({ functionName: 'disabled', reservedConcurrency: 0 }), { ms: 1 })).rejects.toBeInstanceOf(FunctionThrottledError);
  });

  test('the configurable default applies to functions without reserved concurrency', async () => {
    const small = await startRuntime({ defaultConcurrency: 1 });
    try {
      const definition = sleeper();
      const first = invoke(small.runtime, definition, { ms: 300 });
      await expect(invoke(small.runtime, definition, { ms: 1 })).rejects.toMatchObject({ reason: 'ConcurrentInvocationLimitExceeded' });
      await first;
    } finally {
      await small.close();
    }
  });

  test('concurrent invocations run in parallel workers', async () => {
    const definition = sleeper({ functionName: 'parallel' });
    await invoke(t.runtime, definition, { ms: 1 });
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 4 }, () => invoke(t.runtime, definition, { ms: 600 })));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(new Set(results.map((result) => (result.body as { pid: number }).pid)).size).toBe(4);
  });

  test('beyond the worker cap, invocations wait for a warm worker instead of failing', async () => {
    const capped = await startRuntime({ maxWorkersPerFunction: 1 });
    try {
      const definition = sleeper();
      const started = Date.now();
      const results = await Promise.all(Array.from({ length: 3 }, () => invoke(capped.runtime, definition, { ms: 200 })));
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
      expect(new Set(results.map((result) => (result.body as { pid: number }).pid)).size).toBe(1);
    } finally {
      await capped.close();
    }
  });
});

describe('code changes', () => {
  test('a new revision gets new workers; the in-flight invocation finishes on the old one', async () => {
    const v1 = defineFunction('node-basics', { handler: 'index.dispatch', functionName: 'revised', environment: { CODE: 'v1' } });
    const v2 = { ...v1, environment: { CODE: 'v2' }, revisionId: `${v1.revisionId}-2` };
    const oldPid = ((await invoke(t.runtime, v1, { action: 'pid' })).body as { pid: number }).pid;
    const inFlight = invoke(t.runtime, v1, { action: 'sleepEnv', args: { ms: 500 } });
    const fresh = (await invoke(t.runtime, v2, { action: 'sleepEnv', args: { ms: 1 } })).body as { code: string; pid: number };
    expect(fresh.code).toBe('v2');
    expect(fresh.pid).not.toBe(oldPid);
    expect((await inFlight).body).toEqual({ code: 'v1', pid: oldPid });
    await expect.poll(() => isAlive(oldPid)).toBe(false);
  });

  test('a mounted directory edited in place serves the new code without a new revision', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'portico-mounted-'));
    try {
      await cp(join(FIXTURES, 'node-nested'), directory, { recursive: true });
      await writeFile(join(directory, 'src', 'app.js'), "exports.handler = async () => 'v1';\n");
      const definition = defineFunction(directory, { handler: 'src/app.handler', mounted: true, functionName: 'mounted' });
      expect((await invoke(t.runtime, definition)).body).toBe('v1');
      await writeFile(join(directory, 'src', 'app.js'), "exports.handler = async () => 'v2';\n");
      await expect.poll(async () => (await invoke(t.runtime, definition)).body, { timeout: 5000, interval: 100 }).toBe('v2');
      expect(t.logs.some((entry) => entry['msg'] === 'function code changed; workers recycled')).toBe(true);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  test('published versions keep their own warm workers beside $LATEST', async () => {
    const latest = defineFunction('node-basics', { handler: 'index.counter', functionName: 'versioned' });
    const one = { ...latest, version: '1', revisionId: `${latest.revisionId}-v1` };
    const a = (await invoke(t.runtime, latest)).body as { pid: number };
    const b = (await invoke(t.runtime, one)).body as { pid: number };
    const c = (await invoke(t.runtime, latest)).body as { pid: number; count: number };
    expect(b.pid).not.toBe(a.pid);
    expect(c.pid).toBe(a.pid);
    expect(c.count).toBe(2);
    expect((await invoke(t.runtime, one)).result.executedVersion).toBe('1');
  });
});

describe('life cycle', () => {
  test('retire stops a deleted function’s workers', async () => {
    const definition = defineFunction('node-basics', { handler: 'index.counter', functionName: 'deleted' });
    const { pid } = (await invoke(t.runtime, definition)).body as { pid: number };
    t.runtime.retire(definition.functionArn);
    await expect.poll(() => isAlive(pid)).toBe(false);
  });

  test('an abandoned caller stops waiting; the function runs to its end', async () => {
    const controller = new AbortController();
    const definition = defineFunction('node-basics', { handler: 'index.sleep', functionName: 'abandoned' });
    const pending = invoke(t.runtime, definition, { ms: 400 }, { signal: controller.signal, requestId: 'abandoned-request' });
    setTimeout(() => controller.abort(new Error('client gone')), 50);
    await expect(pending).rejects.toThrow('client gone');
    await expect.poll(() => t.logs.some((entry) => entry['requestId'] === 'abandoned-request'), { timeout: 5000 }).toBe(true);
  });

  test('idle workers are stopped after the idle timeout', async () => {
    const idle = await startRuntime({ idleTimeoutMs: 300 });
    try {
      const { pid } = (await invoke(idle.runtime, defineFunction('node-basics', { handler: 'index.counter' }))).body as { pid: number };
      await expect.poll(() => isAlive(pid), { timeout: 5000 }).toBe(false);
    } finally {
      await idle.close();
    }
  });

  test('at the process limit, a cold start stops the least recently used idle worker', async () => {
    const limited = await startRuntime({ maxTotalWorkers: 2 });
    try {
      const pids: number[] = [];
      for (const name of ['first', 'second', 'third']) {
        const definition = defineFunction('node-basics', { handler: 'index.counter', functionName: name });
        pids.push(((await invoke(limited.runtime, definition)).body as { pid: number }).pid);
      }
      await expect.poll(() => isAlive(pids[0]!)).toBe(false);
      expect(isAlive(pids[1]!)).toBe(true);
      expect(isAlive(pids[2]!)).toBe(true);
    } finally {
      await limited.close();
    }
  });

  test('close stops every worker; later invocations are refused', async () => {
    const closing = await startRuntime();
    const { pid } = (await invoke(closing.runtime, defineFunction('node-basics', { handler: 'index.counter' }))).body as { pid: number };
    await closing.close();
    expect(isAlive(pid)).toBe(false);
    await expect(invoke(closing.runtime, defineFunction('node-basics', { handler: 'index.counter' }))).rejects.toThrow('closed');
  });

  test('a runtime Portico cannot run is InvalidRuntimeError', async () => {
    await expect(invoke(t.runtime, defineFunction('node-basics', { runtime: 'java21' }))).rejects.toMatchObject({ name: 'InvalidRuntimeError' });
  });
});
