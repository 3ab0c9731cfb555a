// Lambda Invoke through the real SDK against real handler files: RequestResponse, Event (202),
// DryRun (204), function errors (X-Amz-Function-Error: Unhandled), the LogResult tail,
// X-Amz-Executed-Version, qualifiers, a payload that is not JSON, unknown functions, and code
// updates reaching new invocations.

import { InvokeCommand, UpdateFunctionCodeCommand, UpdateFunctionConfigurationCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureFunction, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { createZip } from '../support/zip.js';

let portico: TestPortico;
let lambda: LambdaClient;

beforeAll(async () => {
  portico = await startTestPortico();
  lambda = lambdaClient(portico);
  await createFixtureFunction(lambda, 'echo', 'echo.js', { Environment: { Variables: { GREETING: 'hi' } } });
  await createFixtureFunction(lambda, 'fail', 'fail.js');
  await createFixtureFunction(lambda, 'logger', 'logger.js');
});
afterAll(async () => {
  await portico.close();
});

const json = (payload: Uint8Array | undefined): unknown => JSON.parse(Buffer.from(payload ?? []).toString('utf8'));

describe('RequestResponse', () => {
  it('runs the handler and returns its result with the executed version', async () => {
    const result = await lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('{"a":1}') }));
    expect(result.StatusCode).toBe(200);
    expect(result.ExecutedVersion).toBe('$LATEST');
    expect(result.FunctionError).toBeUndefined();
    expect(json(result.Payload)).toMatchObject({
      event: { a: 1 },
      functionName: 'echo',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:echo',
      greeting: 'hi',
    });
  });

  it('keeps module state between invocations on a warm worker', async () => {
    const first = json((await lambda.send(new InvokeCommand({ FunctionName: 'echo' }))).Payload) as { invocations: number };
    const second = json((await lambda.send(new InvokeCommand({ FunctionName: 'echo' }))).Payload) as { invocations: number };
    expect(second.invocations).toBeGreaterThan(first.invocations);
  });

  it('invokes by ARN and partial ARN, and with the $LATEST qualifier', async () => {
    for (const name of ['arn:aws:lambda:us-east-1:000000000000:function:echo', '000000000000:function:echo', 'echo:$LATEST']) {
      const result = await lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{}') }));
      expect(result.StatusCode).toBe(200);
    }
    const qualified = await lambda.send(new InvokeCommand({ FunctionName: 'echo', Qualifier: '$LATEST' }));
    expect((json(qualified.Payload) as { invokedFunctionArn: string }).invokedFunctionArn).toBe('arn:aws:lambda:us-east-1:000000000000:function:echo:$LATEST');
  });

  it('reports a thrown error as X-Amz-Function-Error: Unhandled with Lambda’s error payload', async () => {
    const result = await lambda.send(new InvokeCommand({ FunctionName: 'fail', Payload: Buffer.from('{"message":"kaput"}') }));
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBe('Unhandled');
    expect(json(result.Payload)).toMatchObject({ errorType: 'Error', errorMessage: 'kaput' });
  });

  it('returns the base64 log tail with LogType Tail, at most 4 KB', async () => {
    const short = await lambda.send(new InvokeCommand({ FunctionName: 'logger', LogType: 'Tail', Payload: Buffer.from('{"lines":2}') }));
    const log = Buffer.from(short.LogResult!, 'base64').toString('utf8');
    expect(log).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST/);
    expect(log).toContain('last line');
    expect(log).toMatch(/REPORT RequestId: [0-9a-f-]{36}/);
    const long = await lambda.send(new InvokeCommand({ FunctionName: 'logger', LogType: 'Tail', Payload: Buffer.from('{"lines":500}') }));
    expect(Buffer.from(long.LogResult!, 'base64').length).toBe(4096);
    const none = await lambda.send(new InvokeCommand({ FunctionName: 'logger' }));
    expect(none.LogResult).toBeUndefined();
  });
});

describe('Event and DryRun', () => {
  it('Event answers 202 at once and the function still runs', async () => {
    await createFixtureFunction(lambda, 'touch', 'touch.js');
    const file = join(portico.dataDir, 'event-ran.txt');
    const result = await lambda.send(new InvokeCommand({ FunctionName: 'touch', InvocationType: 'Event', Payload: Buffer.from(JSON.stringify({ file, text: 'ran' })) }));
    expect(result.StatusCode).toBe(202);
    expect(Buffer.from(result.Payload ?? []).length).toBe(0);
    for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(100);
    expect(readFileSync(file, 'utf8')).toBe('ran');
  });

  it('DryRun answers 204 without running', async () => {
    const result = await lambda.send(new InvokeCommand({ FunctionName: 'echo', InvocationType: 'DryRun' }));
    expect(result.StatusCode).toBe(204);
  });
});

describe('errors', () => {
  it('an unknown function is ResourceNotFoundException', async () => {
    const error = await lambda.send(new InvokeCommand({ FunctionName: 'nobody' })).catch((e: unknown) => e as { name: string; message: string; $metadata: { httpStatusCode: number } });
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:nobody', $metadata: { httpStatusCode: 404 } });
  });

  it('an unknown version is not found with the qualified ARN', async () => {
    const error = await lambda.send(new InvokeCommand({ FunctionName: 'echo', Qualifier: '9' })).then(
      () => ({ message: 'no error' }),
      (e: unknown) => e as { message: string },
    );
    expect(error.message).toBe('Function not found: arn:aws:lambda:us-east-1:000000000000:function:echo:9');
  });

  it('a payload that is not JSON is InvalidRequestContentException', async () => {
    const response = await request(`${portico.url}/2015-03-31/functions/echo/invocations`, {
      method: 'POST',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=x' },
      body: 'not json',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['x-amzn-errortype']).toBe('InvalidRequestContentException');
    const body = (await response.body.json()) as { Type: string; message: string };
    expect(body.Type).toBe('User');
    expect(body.message).toMatch(/^Could not parse request body into json: /);
  });
});

describe('code and configuration changes', () => {
  it('new invocations run the new code after UpdateFunctionCode', async () => {
    await createFixtureFunction(lambda, 'changing', 'echo.js');
    await lambda.send(new InvokeCommand({ FunctionName: 'changing' }));
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'changing', ZipFile: createZip({ 'index.js': 'exports.handler = async () => "v2";' }) }));
    expect(json((await lambda.send(new InvokeCommand({ FunctionName: 'changing' }))).Payload)).toBe('v2');
  });

  it('new invocations see a changed environment', async () => {
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'echo', Environment: { Variables: { GREETING: 'changed' } } }));
    expect((json((await lambda.send(new InvokeCommand({ FunctionName: 'echo' }))).Payload) as { greeting: string }).greeting).toBe('changed');
  });
});
