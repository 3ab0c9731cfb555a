// A local directory mounted as a function's code (LocalStack's convention: `Code.S3Bucket:
// "hot-reload"`, `Code.S3Key: "/absolute/path"`): created without upload, edits reach the next
// invocations without UpdateFunctionCode, and a path that is not a directory is refused.

import { CreateFunctionCommand, InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaClient, ROLE } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let lambda: LambdaClient;
let directory: string;

beforeAll(async () => {
  portico = await startTestPortico();
  lambda = lambdaClient(portico);
  directory = mkdtempSync(join(tmpdir(), 'portico-mounted-'));
  writeFileSync(join(directory, 'index.js'), 'exports.handler = async () => "first";');
});
afterAll(async () => {
  await portico.close();
  rmSync(directory, { recursive: true, force: true });
});

const invoke = async (): Promise<string> => Buffer.from((await lambda.send(new InvokeCommand({ FunctionName: 'mounted' }))).Payload!).toString();

describe('mounted code', () => {
  it('creates a function from a directory and picks up edits', async () => {
    const created = await lambda.send(
      new CreateFunctionCommand({ FunctionName: 'mounted', Runtime: 'nodejs20.x', Role: ROLE, Handler: 'index.handler', Code: { S3Bucket: 'hot-reload', S3Key: directory } }),
    );
    expect(created).toMatchObject({ CodeSha256: 'hot-reloading-hash-not-available', CodeSize: 0 });
    expect(await invoke()).toBe('"first"');
    writeFileSync(join(directory, 'index.js'), 'exports.handler = async () => "edited";');
    let result = '';
    for (let i = 0; i < 50 && result !== '"edited"'; i++) {
      await sleep(100);
      result = await invoke();
    }
    expect(result).toBe('"edited"');
  });

  it('refuses a path that is not an existing absolute directory', async () => {
    const error = await lambda
      .send(new CreateFunctionCommand({ FunctionName: 'nowhere', Runtime: 'nodejs20.x', Role: ROLE, Handler: 'index.handler', Code: { S3Bucket: 'hot-reload', S3Key: '/does/not/exist' } }))
      .then(
        () => ({ name: 'no error' }),
        (e: unknown) => e as { name: string },
      );
    expect(error.name).toBe('InvalidParameterValueException');
  });
});
