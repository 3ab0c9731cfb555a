// Reserved concurrency: the Put/Get/DeleteFunctionConcurrency operations, Invoke throttled with
// 429 `Rate Exceeded.` beyond it (0 disables the function), and what an API Gateway method in front
// of a throttled function answers (500, UNCONFIRMED against AWS).

import {
  DeleteFunctionConcurrencyCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  InvokeCommand,
  PutFunctionConcurrencyCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createFixtureFunction, deployLambdaApi, functionUri, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let lambda: LambdaClient;

beforeAll(async () => {
  portico = await startTestPortico();
  lambda = lambdaClient(portico);
  await createFixtureFunction(lambda, 'limited', 'slow.js', { Timeout: 10 });
});
afterAll(async () => {
  await portico.close();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as { name: string; message: string; Reason?: string; Type?: string; $metadata: { httpStatusCode: number } },
  );

describe('reserved concurrency', () => {
  it('puts, gets and deletes it', async () => {
    expect(await lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: 'limited' }))).not.toHaveProperty('ReservedConcurrentExecutions');
    const put = await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'limited', ReservedConcurrentExecutions: 5 }));
    expect(put.ReservedConcurrentExecutions).toBe(5);
    expect((await lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: 'limited' }))).ReservedConcurrentExecutions).toBe(5);
    expect((await lambda.send(new GetFunctionCommand({ FunctionName: 'limited' }))).Concurrency).toEqual({ ReservedConcurrentExecutions: 5 });
    expect((await lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'limited' }))).$metadata.httpStatusCode).toBe(204);
    expect((await lambda.send(new GetFunctionCommand({ FunctionName: 'limited' }))).Concurrency).toBeUndefined();
  });

  it('refuses to reserve what the account must keep unreserved', async () => {
    const error = await failure(lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'limited', ReservedConcurrentExecutions: 950 })));
    expect(error).toMatchObject({
      name: 'InvalidParameterValueException',
      message: "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
    });
  });

  it('throttles Invoke beyond the reservation with 429 Rate Exceeded', async () => {
    await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'limited', ReservedConcurrentExecutions: 1 }));
    const slow = lambda.send(new InvokeCommand({ FunctionName: 'limited', Payload: Buffer.from('{"ms":1500}') }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const error = await failure(lambda.send(new InvokeCommand({ FunctionName: 'limited', Payload: Buffer.from('{"ms":0}') })));
    expect(error).toMatchObject({
      name: 'TooManyRequestsException',
      message: 'Rate Exceeded.',
      Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      Type: 'User',
      $metadata: { httpStatusCode: 429 },
    });
    expect((await slow).StatusCode).toBe(200);
  });

  it('a reservation of 0 disables the function; API Gateway answers 500', async () => {
    await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'limited', ReservedConcurrentExecutions: 0 }));
    expect((await failure(lambda.send(new InvokeCommand({ FunctionName: 'limited' }))))?.name).toBe('TooManyRequestsException');
    const api = await deployLambdaApi(portico, { uri: functionUri('limited') });
    const response = await call(api.url('/x'));
    expect(response.status).toBe(500);
    expect(response.text).toBe('{"message": "Internal server error"}');
    await lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'limited' }));
    expect((await call(api.url('/x'))).status).toBe(200);
  });
});
