// A worker's environment: reserved variables win over the function's, custom runtimes differ.
import { describe, expect, test } from 'vitest';
import type { FunctionDefinition } from '../function-definition.js';
import { buildWorkerEnvironment, createLogStreamName, nodeMemoryArguments, runtimeKind } from './worker-environment.js';

const definition: FunctionDefinition = {
  region: 'eu-west-1',
  functionName: 'orders',
  functionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:orders',
  version: '3',
  runtime: 'nodejs20.x',
  handler: 'src/app.handler',
  codeDirectory: '/data/functions/orders/3',
  mounted: false,
  timeout: 3,
  memorySize: 1024,
  environment: { TABLE: 'orders', _HANDLER: 'spoofed', TZ: 'Europe/Paris' },
  reservedConcurrency: undefined,
  revisionId: 'r',
};

describe('buildWorkerEnvironment', () => {
  test("Lambda's variables, the function's own, reserved ones not overridable", () => {
    const env = buildWorkerEnvironment({ definition, hostEnvironment: { PATH: '/bin', SECRET: 'host' }, logStreamName: 'stream', runtimeDir: '/rt' });
    expect(env).toMatchObject({
      PATH: '/bin',
      TABLE: 'orders',
      TZ: 'Europe/Paris',
      _HANDLER: 'src/app.handler',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_LAMBDA_FUNCTION_NAME: 'orders',
      AWS_LAMBDA_FUNCTION_VERSION: '3',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/orders',
      AWS_LAMBDA_LOG_STREAM_NAME: 'stream',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      LAMBDA_TASK_ROOT: '/data/functions/orders/3',
      LAMBDA_RUNTIME_DIR: '/rt',
    });
    expect(env['AWS_LAMBDA_RUNTIME_API']).toBeUndefined();
  });

  test('custom runtimes get the Runtime API address and no AWS_EXECUTION_ENV', () => {
    const env = buildWorkerEnvironment({ definition: { ...definition, runtime: 'provided.al2023' }, hostEnvironment: {}, logStreamName: 's', runtimeApi: '127.0.0.1:9001', runtimeDir: '/rt' });
    expect(env['AWS_LAMBDA_RUNTIME_API']).toBe('127.0.0.1:9001');
    expect(env['AWS_EXECUTION_ENV']).toBeUndefined();
  });
});

test('runtime kinds', () => {
  expect(['nodejs20.x', 'python3.12', 'provided', 'provided.al2023', 'java21'].map(runtimeKind)).toEqual(['nodejs', 'python', 'provided', 'provided', undefined]);
});

test("Lambda's heap limits for a memory size", () => {
  expect(nodeMemoryArguments(128)).toEqual(['--max-semi-space-size=6', '--max-old-space-size=116']);
  expect(nodeMemoryArguments(1024)).toEqual(['--max-semi-space-size=51', '--max-old-space-size=922']);
});

test('log stream names', () => {
  expect(createLogStreamName('$LATEST', Date.UTC(2026, 2, 4))).toMatch(/^2026\/03\/04\/\[\$LATEST\][0-9a-f]{32}$/);
});
