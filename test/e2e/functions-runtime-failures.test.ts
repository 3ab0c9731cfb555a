// A worker that times out, loops forever, exits, runs out of memory or throws outside the handler
// fails only its own invocation, with Lambda's payload and log; the next invocation gets a fresh
// worker, and other functions keep serving meanwhile.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineFunction, invoke, startRuntime, type TestRuntime } from '../fixtures/functions/runtime-harness.js';

let t: TestRuntime;
beforeAll(async () => {
  t = await startRuntime();
});
afterAll(() => t.close());

const basics = (handler: string, overrides = {}) =>
  defineFunction('node-basics', { handler: `index.${handler}`, functionName: `failing-${handler}`, ...overrides });

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function pidOf(definition: ReturnType<typeof basics>): Promise<number> {
  return ((await invoke(t.runtime, definition, { action: 'pid' })).body as { pid: number }).pid;
}

describe('timeouts', () => {
  test('a slow handler ends with Sandbox.Timedout after its timeout, and its worker is replaced', async () => {
    const definition = basics('sleep', { timeout: 1 });
    const { result, body, requestId } = await invoke(t.runtime, definition, { ms: 5000 });
    expect(result.functionError).toBe('Unhandled');
    expect(result.errorType).toBe('Sandbox.Timedout');
    expect(body).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${requestId} Error: Task timed out after 1.00 seconds` });
    expect(result.log).toMatch(new RegExp(`REPORT RequestId: ${requestId}\\tDuration: 1000\\.00 ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\t(Init Duration: [\\d.]+ ms\\t)?Status: timeout\\t\\n`));
    expect(result.log).toMatch(new RegExp(`\\n\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z ${requestId} Task timed out after 1\\.00 seconds\\n$`));
    const next = await invoke(t.runtime, definition, { ms: 10 });
    expect(next.body).toMatchObject({ slept: 10 });
    expect(next.result.log).toContain('Init Duration');
  });

  test('an endless loop is stopped by the timeout; output before it is kept', async () => {
    const { result, body } = await invoke(t.runtime, basics('loop', { timeout: 1 }));
    expect(body).toMatchObject({ errorType: 'Sandbox.Timedout' });
    expect(result.log).toContain('\tINFO\tlooping forever\n');
  });

  test('other functions keep serving while one loops', async () => {
    const looping = invoke(t.runtime, basics('loop', { timeout: 2, functionName: 'looper' }));
    const healthy = basics('echo', { functionName: 'healthy' });
    await invoke(t.runtime, healthy, {});
    const started = Date.now();
    for (let i = 0; i < 20; i++) expect((await invoke(t.runtime, healthy, { i })).body).toEqual({ event: { i } });
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await looping).body).toMatchObject({ errorType: 'Sandbox.Timedout' });
  });
});

describe('a dying worker', () => {
  test('process.exit: Runtime.ExitError, the output before it kept', async () => {
    const definition = basics('dispatch', { functionName: 'exiting' });
    const { result, body, requestId } = await invoke(t.runtime, definition, { action: 'exit' });
    expect(result.functionError).toBe('Unhandled');
    expect(body).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: exit status 1` });
    expect(result.log).toContain('\tINFO\tabout to exit\n');
    expect(result.log).toContain('Status: error\tError Type: Runtime.ExitError\t');
    expect(result.log).toMatch(new RegExp(`RequestId: ${requestId} Error: Runtime exited with error: exit status 1\\nRuntime.ExitError\\n$`));
    expect((await invoke(t.runtime, definition, { action: 'echo', args: { after: 'exit' } })).body).toEqual({ event: { after: 'exit' } });
  });

  test('running out of memory (the heap limit follows memorySize): Runtime.OutOfMemory', async () => {
    const definition = basics('dispatch', { timeout: 20, functionName: 'hoarder' });
    const { result, body, requestId } = await invoke(t.runtime, definition, { action: 'oom' });
    expect(body).toEqual({ errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed` });
    expect(result.log).toContain('Max Memory Used: 128 MB');
    expect(result.log).toContain('Status: error\tError Type: Runtime.OutOfMemory');
    expect((await invoke(t.runtime, definition, { action: 'echo', args: 1 })).body).toEqual({ event: 1 });
  });

  test('an exception thrown outside the handler fails the invocation and ends the worker', async () => {
    const definition = basics('dispatch', { functionName: 'thrower' });
    const before = await pidOf(definition);
    const { body, result } = await invoke(t.runtime, definition, { action: 'uncaught' });
    expect(body).toMatchObject({ errorType: 'Error', errorMessage: 'thrown later' });
    expect(result.log).toContain('\tERROR\tUncaught Exception \t{"errorType":"Error","errorMessage":"thrown later"');
    await expect.poll(() => isAlive(before)).toBe(false);
    expect(await pidOf(definition)).not.toBe(before);
  });

  test('an unhandled rejection: Runtime.UnhandledPromiseRejection', async () => {
    const { body } = await invoke(t.runtime, basics('unhandledRejection'));
    expect(body).toMatchObject({ errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: nobody caught me' });
  });

  test('a function error keeps the worker warm', async () => {
    const definition = basics('dispatch', { functionName: 'erring' });
    const before = await pidOf(definition);
    expect((await invoke(t.runtime, definition, { action: 'throws' })).result.functionError).toBe('Unhandled');
    expect(await pidOf(definition)).toBe(before);
  });
});
