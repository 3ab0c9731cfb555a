// The local runtime running real Node.js handler files: results, the context object, the
// environment, module state, CommonJS/ESM loading, callback styles, Lambda's error payloads and
// the log (START/END/REPORT around the function's console lines).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineFunction, invoke, startRuntime, type TestRuntime } from '../fixtures/functions/runtime-harness.js';

let t: TestRuntime;
beforeAll(async () => {
  t = await startRuntime();
});
afterAll(() => t.close());

const basics = (handler: string, overrides = {}) => defineFunction('node-basics', { handler: `index.${handler}`, functionName: 'basics', ...overrides });

describe('results and context', () => {
  test('an async CommonJS handler answers with its result', async () => {
    const { result, body } = await invoke(t.runtime, basics('echo'), { hello: 'world' });
    expect(body).toEqual({ event: { hello: 'world' } });
    expect(result.functionError).toBeUndefined();
    expect(result.executedVersion).toBe('$LATEST');
  });

  test('an invocation without a payload gets an empty object', async () => {
    const result = await t.runtime.invoke(basics('echo'), Buffer.alloc(0), { requestId: 'empty-payload' });
    expect(JSON.parse(result.payload.toString())).toEqual({ event: {} });
  });

  test('the context carries Lambda fields, in the runtime order', async () => {
    const definition = basics('context', { memorySize: 256 });
    const { body, requestId } = await invoke(t.runtime, definition, {}, { clientContext: '{"custom":{"k":"v"}}', traceId: 'Root=1-abc' });
    const context = body as Record<string, unknown>;
    expect(context).toMatchObject({
      awsRequestId: requestId,
      functionName: 'basics',
      functionVersion: '$LATEST',
      invokedFunctionArn: definition.functionArn,
      memoryLimitInMB: '256',
      logGroupName: '/aws/lambda/basics',
      callbackWaitsForEmptyEventLoop: true,
      clientContext: { custom: { k: 'v' } },
      traceId: 'Root=1-abc',
    });
    expect(context['logStreamName']).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(context['remaining']).toBeGreaterThan(2000);
    expect(context['remaining']).toBeLessThanOrEqual(3000);
    expect(context['keys']).toEqual([
      'callbackWaitsForEmptyEventLoop',
      'succeed',
      'fail',
      'done',
      'functionVersion',
      'functionName',
      'memoryLimitInMB',
      'logGroupName',
      'logStreamName',
      'clientContext',
      'identity',
      'invokedFunctionArn',
      'awsRequestId',
      'getRemainingTimeInMillis',
    ]);
  });

  test('invokedFunctionArn is the ARN the caller used', async () => {
    const definition = basics('context');
    const { body } = await invoke(t.runtime, definition, {}, { invokedFunctionArn: `${definition.functionArn}:live` });
    expect((body as { invokedFunctionArn: string }).invokedFunctionArn).toBe(`${definition.functionArn}:live`);
  });

  test('the environment has the AWS_LAMBDA_* variables and the function own, not Portico', async () => {
    const definition = basics('env', { environment: { GREETING: 'hi', AWS_REGION: 'eu-west-9' }, memorySize: 512 });
    const { body } = await invoke(t.runtime, definition);
    const { env, cwd, execArgv } = body as { env: Record<string, string>; cwd: string; execArgv: string[] };
    expect(env).toMatchObject({
      GREETING: 'hi',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_LAMBDA_FUNCTION_NAME: 'basics',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/basics',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      LAMBDA_TASK_ROOT: definition.codeDirectory,
      _HANDLER: 'index.env',
      TZ: ':UTC',
    });
    expect(env['AWS_LAMBDA_LOG_STREAM_NAME']).toMatch(/\[\$LATEST\]/);
    expect(env['VITEST']).toBeUndefined();
    expect(cwd).toBe(definition.codeDirectory);
    expect(execArgv).toEqual(['--max-semi-space-size=25', '--max-old-space-size=461']);
  });

  test('module state persists between invocations of one warm worker', async () => {
    const definition = basics('counter');
    const first = (await invoke(t.runtime, definition)).body as { count: number; pid: number };
    const second = (await invoke(t.runtime, definition)).body as { count: number; pid: number };
    expect(second.pid).toBe(first.pid);
    expect(second.count).toBe(first.count + 1);
  });
});

describe('module formats and handler strings', () => {
  test('an .mjs ES module', async () => {
    const definition = defineFunction('node-esm-mjs', { functionName: 'esm' });
    const first = (await invoke(t.runtime, definition, { n: 1 })).body as Record<string, unknown>;
    const second = (await invoke(t.runtime, definition, { n: 2 })).body as Record<string, unknown>;
    expect(first).toMatchObject({ format: 'esm', calls: 1, event: { n: 1 } });
    expect(second).toMatchObject({ format: 'esm', calls: 2, pid: first['pid'] });
  });

  test('a .js file under "type": "module"', async () => {
    const { body } = await invoke(t.runtime, defineFunction('node-esm-module', { handler: 'app.handler' }));
    expect(body).toEqual({ format: 'esm-type-module', type: 'module' });
  });

  test('a handler in a nested directory (src/app.handler)', async () => {
    const { body } = await invoke(t.runtime, defineFunction('node-nested', { handler: 'src/app.handler' }));
    expect(body).toEqual({ file: 'src/app.js' });
  });

  test('a handler nested in exported objects (index.nested.deeper.handler)', async () => {
    expect((await invoke(t.runtime, basics('nested.deeper.handler'))).body).toBe('nested handler');
  });
});

describe('callback styles', () => {
  test('callback(null, result)', async () => {
    expect((await invoke(t.runtime, basics('callback'), { a: 1 })).body).toEqual({ style: 'callback', event: { a: 1 } });
  });

  test('callback(error) and callback(string)', async () => {
    const error = await invoke(t.runtime, basics('callbackError'));
    expect(error.result.functionError).toBe('Unhandled');
    expect(error.body).toMatchObject({ errorType: 'Error', errorMessage: 'callback failed' });
    const text = await invoke(t.runtime, basics('callbackString'));
    expect(text.body).toEqual({ errorType: 'string', errorMessage: 'plain failure', trace: [] });
  });

  test('context.succeed and context.fail', async () => {
    expect((await invoke(t.runtime, basics('succeed'))).body).toEqual({ style: 'succeed' });
    const failed = await invoke(t.runtime, basics('fail'));
    expect(failed.body).toMatchObject({ errorType: 'Error', errorMessage: 'context failed' });
  });

  test('a sync handler that never calls back answers null once the event loop is empty', async () => {
    const { result, body } = await invoke(t.runtime, basics('syncNoResult'));
    expect(result.functionError).toBeUndefined();
    expect(body).toBeNull();
  });

  test('the callback answer waits for an empty event loop, unless told not to', async () => {
    const waited = await invoke(t.runtime, basics('waitsForEmptyLoop'));
    expect(waited.result.durationMs).toBeGreaterThanOrEqual(140);
    expect(waited.result.log).toMatch(/INFO\ttimer fired true\nEND RequestId/);
    const started = Date.now();
    expect((await invoke(t.runtime, basics('noWait'))).body).toBe('answered without waiting');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('function errors', () => {
  test('a thrown Error: {errorType, errorMessage, trace} and an Invoke Error log line', async () => {
    const { result, body, requestId } = await invoke(t.runtime, basics('throws'));
    expect(result.functionError).toBe('Unhandled');
    expect(result.errorType).toBe('Error');
    expect(Object.keys(body as object)).toEqual(['errorType', 'errorMessage', 'trace']);
    const error = body as { errorType: string; errorMessage: string; trace: string[] };
    expect(error.errorType).toBe('Error');
    expect(error.errorMessage).toBe('boom');
    expect(error.trace[0]).toBe('Error: boom');
    expect(error.trace[1]).toContain('node-basics/index.js');
    expect(result.log).toContain(`\t${requestId}\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"boom","stack":["Error: boom",`);
  });

  test('a sync TypeError and a custom error name', async () => {
    expect((await invoke(t.runtime, basics('throwsSync'))).body).toMatchObject({ errorType: 'TypeError' });
    expect((await invoke(t.runtime, basics('throwsCustom'))).body).toMatchObject({ errorType: 'ValidationError', errorMessage: '[BadRequest] missing name' });
  });

  test('a result that cannot be serialised', async () => {
    expect((await invoke(t.runtime, basics('circular'))).body).toMatchObject({ errorType: 'Error', errorMessage: 'Unable to stringify response body' });
  });

  test('a response over 6 MB', async () => {
    const { result, body } = await invoke(t.runtime, basics('big'));
    expect(result.functionError).toBe('Unhandled');
    expect(body).toEqual({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
    });
  });

  test('an async handler whose promise never settles: Runtime.NodeJsExit', async () => {
    expect((await invoke(t.runtime, basics('neverSettles'))).body).toMatchObject({ errorType: 'Runtime.NodeJsExit' });
  });
});

describe('init errors', () => {
  test('a missing module: Runtime.ImportModuleError', async () => {
    const { result, body } = await invoke(t.runtime, basics('handler', { handler: 'missing.handler' }));
    expect(result.functionError).toBe('Unhandled');
    expect(body).toMatchObject({
      errorType: 'Runtime.ImportModuleError',
      errorMessage: "Error: Cannot find module 'missing'\nRequire stack:\n- /var/runtime/index.mjs",
    });
    expect(result.log).toMatch(/\tundefined\tERROR\tUncaught Exception \t\{"errorType":"Runtime.ImportModuleError"/);
    expect(result.log).toContain('Status: error\tError Type: Runtime.ImportModuleError');
  });

  test('an export that is missing or not a function: Runtime.HandlerNotFound', async () => {
    expect((await invoke(t.runtime, basics('nope'))).body).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.nope is undefined or not exported' });
    expect((await invoke(t.runtime, basics('notAFunction'))).body).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.notAFunction is not a function' });
  });

  test('a malformed handler string: Runtime.MalformedHandlerName', async () => {
    expect((await invoke(t.runtime, basics('x', { handler: 'index' }))).body).toMatchObject({ errorType: 'Runtime.MalformedHandlerName', errorMessage: 'Bad handler' });
  });

  test('a module that throws while loading; init output precedes START', async () => {
    const { result, body, requestId } = await invoke(t.runtime, defineFunction('node-init-error'));
    expect(body).toMatchObject({ errorType: 'Error', errorMessage: 'init failed' });
    expect(result.log.indexOf('\tundefined\tINFO\tinitialising')).toBeLessThan(result.log.indexOf(`START RequestId: ${requestId}`));
  });
});

describe('logs', () => {
  test('console lines carry the request id and level between START and END; REPORT closes', async () => {
    const { result, requestId } = await invoke(t.runtime, basics('logs'));
    const lines = result.log.split('\n');
    const start = lines.indexOf(`START RequestId: ${requestId} Version: $LATEST`);
    const end = lines.indexOf(`END RequestId: ${requestId}`);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const output = lines.slice(start + 1, end);
    expect(output[0]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\\t${requestId}\\tINFO\\thello from basics$`));
    expect(output[1]).toMatch(/\tINFO\tan object \{ a: 1 \}$/);
    expect(output[2]).toMatch(/\tWARN\tcareful$/);
    expect(output[3]).toMatch(/\tERROR\tmulti\rline$/);
    expect(output[4]).toBe('raw stdout');
    expect(lines[end + 1]).toMatch(
      new RegExp(`^REPORT RequestId: ${requestId}\\tDuration: \\d+\\.\\d{2} ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\t`),
    );
  });

  test('a cold start reports its Init Duration and init output once', async () => {
    const definition = defineFunction('node-init-logs');
    const cold = await invoke(t.runtime, definition);
    const warm = await invoke(t.runtime, definition);
    expect(cold.result.log).toMatch(/^\S+\tundefined\tINFO\tcold start\nSTART RequestId: /);
    expect(cold.result.log).toMatch(/\tInit Duration: \d+\.\d{2} ms\t\n$/);
    expect(warm.result.log).toMatch(/^START RequestId: /);
    expect(warm.result.log).not.toContain('Init Duration');
  });

  test("each invocation's log goes to Portico's logger", async () => {
    const { requestId } = await invoke(t.runtime, basics('logs'));
    const record = t.logs.find((entry) => entry['requestId'] === requestId);
    expect(record).toMatchObject({ msg: 'function invocation', functionName: 'basics', level: 30 });
    expect(record?.['log']).toContain('hello from basics');
  });
});
