// Runtimes over the Lambda Runtime API: python3.x handlers through Portico's own bootstrap, and a
// provided.al2023 custom runtime whose `bootstrap` is a shell script calling the API with curl.

import { chmod, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineFunction, FIXTURES, invoke, startRuntime, type TestRuntime } from '../fixtures/functions/runtime-harness.js';

let t: TestRuntime;
beforeAll(async () => {
  t = await startRuntime();
});
afterAll(() => t.close());

const python = (handler: string, overrides = {}) =>
  defineFunction('python', { runtime: 'python3.12', handler: `app.${handler}`, functionName: `py-${handler}`, ...overrides });

describe('python3.x', () => {
  test('a handler answers with its result', async () => {
    const { result, body } = await invoke(t.runtime, python('handler'), { name: 'py' });
    expect(result.functionError).toBeUndefined();
    expect(body).toEqual({ event: { name: 'py' }, runtime: 'python' });
    expect(result.log).toMatch(/^START RequestId: \S+ Version: \$LATEST\nEND RequestId: \S+\nREPORT RequestId: \S+\tDuration: [\d.]+ ms\t.*Init Duration: [\d.]+ ms\t\n$/);
  });

  test('the context and environment', async () => {
    const definition = python('context_fields');
    const { body, requestId } = await invoke(t.runtime, definition);
    expect(body).toMatchObject({
      awsRequestId: requestId,
      functionName: 'py-context_fields',
      functionVersion: '$LATEST',
      invokedFunctionArn: definition.functionArn,
      memoryLimitInMB: '128',
      logGroupName: '/aws/lambda/py-context_fields',
    });
    expect((body as { remaining: number }).remaining).toBeGreaterThan(2000);
    const env = ((await invoke(t.runtime, python('env', { environment: { COLOUR: 'blue' } }))).body as { env: Record<string, string> }).env;
    expect(env).toMatchObject({ COLOUR: 'blue', AWS_EXECUTION_ENV: 'AWS_Lambda_python3.12', _HANDLER: 'app.env', TZ: ':UTC' });
    expect(env['AWS_LAMBDA_RUNTIME_API']).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  test('module state persists on a warm worker', async () => {
    const definition = python('counter');
    const first = (await invoke(t.runtime, definition)).body as { count: number; pid: number };
    const second = (await invoke(t.runtime, definition)).body as { count: number; pid: number };
    expect(second).toEqual({ count: first.count + 1, pid: first.pid });
  });

  test('print and logging output lands in the invocation log', async () => {
    const { result, requestId } = await invoke(t.runtime, python('logs'));
    expect(result.log).toContain('printed line\n');
    expect(result.log).toMatch(new RegExp(`\\[INFO\\]\\t\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z\\t${requestId}\\tlogged info\\n`));
    expect(result.log.indexOf('printed line')).toBeLessThan(result.log.indexOf(`END RequestId: ${requestId}`));
  });

  test('an exception: errorMessage, errorType, requestId, stackTrace', async () => {
    const { result, body, requestId } = await invoke(t.runtime, python('fails'));
    expect(result.functionError).toBe('Unhandled');
    expect(result.errorType).toBe('ValueError');
    expect(Object.keys(body as object)).toEqual(['errorMessage', 'errorType', 'requestId', 'stackTrace']);
    expect(body).toMatchObject({ errorMessage: 'bad value', errorType: 'ValueError', requestId });
    expect((body as { stackTrace: string[] }).stackTrace[0]).toMatch(/app\.py", line \d+, in fails\n/);
    expect(result.log).toContain('[ERROR] ValueError: bad value\nTraceback (most recent call last):\n');
  });

  test('a module that cannot be imported: Runtime.ImportModuleError', async () => {
    const { result, body } = await invoke(t.runtime, defineFunction('python-broken', { runtime: 'python3.12', handler: 'app.handler' }));
    expect(result.functionError).toBe('Unhandled');
    expect(body).toEqual({
      errorMessage: "Unable to import module 'app': No module named 'module_that_does_not_exist'",
      errorType: 'Runtime.ImportModuleError',
      requestId: '',
      stackTrace: [],
    });
  });

  test('a missing handler: Runtime.HandlerNotFound', async () => {
    expect((await invoke(t.runtime, python('nope'))).body).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: "Handler 'nope' missing on module 'app'" });
  });

  test('an unserialisable result: Runtime.MarshalError', async () => {
    expect((await invoke(t.runtime, python('unserializable'))).body).toMatchObject({ errorType: 'Runtime.MarshalError' });
  });

  test('a timeout and an exit', async () => {
    const timedOut = await invoke(t.runtime, python('sleeps', { timeout: 1 }), { seconds: 5 });
    expect(timedOut.body).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${timedOut.requestId} Error: Task timed out after 1.00 seconds` });
    const exited = await invoke(t.runtime, python('exits'));
    expect(exited.body).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${exited.requestId} Error: Runtime exited with error: exit status 3` });
  });
});

describe('provided (custom runtime)', () => {
  const provided = (overrides = {}) => defineFunction('provided', { runtime: 'provided.al2023', handler: 'function.handler', functionName: 'custom', ...overrides });

  test('a bootstrap speaking the Runtime API answers and fails as it says', async () => {
    const { result, body, requestId } = await invoke(t.runtime, provided(), { n: 1 });
    expect(body).toEqual({ echo: { n: 1 }, handler: 'function.handler' });
    expect(result.log).toContain(`handling ${requestId} with function.handler\n`);
    const failed = await invoke(t.runtime, provided(), { please: 'fail' });
    expect(failed.result.functionError).toBe('Unhandled');
    expect(failed.result.errorType).toBe('Custom.Failure');
    expect(failed.body).toEqual({ errorMessage: 'asked to fail', errorType: 'Custom.Failure' });
  });

  test('no bootstrap, or one that is not executable: Runtime.InvalidEntrypoint', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'portico-provided-'));
    try {
      const missing = await invoke(t.runtime, provided({ codeDirectory: directory, functionName: 'no-bootstrap' }));
      expect(missing.body).toEqual({
        errorType: 'Runtime.InvalidEntrypoint',
        errorMessage: `RequestId: ${missing.requestId} Error: Couldn't find valid bootstrap(s): [${directory}/bootstrap]`,
      });
      await cp(join(FIXTURES, 'provided', 'bootstrap'), join(directory, 'bootstrap'));
      await chmod(join(directory, 'bootstrap'), 0o644);
      const denied = await invoke(t.runtime, provided({ codeDirectory: directory, functionName: 'not-executable' }));
      expect(denied.body).toMatchObject({ errorType: 'Runtime.InvalidEntrypoint', errorMessage: `RequestId: ${denied.requestId} Error: fork/exec ${directory}/bootstrap: permission denied` });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
