// Function timeout versus integration timeout, as on AWS: a function that outlives its own Timeout
// fails with Lambda's "Task timed out" error (Invoke: Unhandled; AWS_PROXY: 502), while an
// integration whose timeoutInMillis passes first answers 504 "Endpoint request timed out".

import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createFixtureFunction, deployLambdaApi, functionUri, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let lambda: LambdaClient;

beforeAll(async () => {
  portico = await startTestPortico();
  lambda = lambdaClient(portico);
  await createFixtureFunction(lambda, 'short-fuse', 'slow.js', { Timeout: 1 });
  await createFixtureFunction(lambda, 'patient', 'slow.js', { Timeout: 10 });
});
afterAll(async () => {
  await portico.close();
});

describe('timeouts', () => {
  it('Invoke of a function past its Timeout is an Unhandled "Task timed out" error', async () => {
    const result = await lambda.send(new InvokeCommand({ FunctionName: 'short-fuse', Payload: Buffer.from('{"ms":3000}') }));
    expect(result.FunctionError).toBe('Unhandled');
    expect(JSON.parse(Buffer.from(result.Payload!).toString()).errorMessage).toMatch(/Task timed out after 1\.00 seconds$/);
  });

  it('AWS_PROXY: the function timing out first is 502', async () => {
    const api = await deployLambdaApi(portico, { uri: functionUri('short-fuse') });
    const started = Date.now();
    const response = await call(api.url('/wait?ms=3000'));
    expect(response.status).toBe(502);
    expect(response.text).toBe('{"message": "Internal server error"}');
    expect(Date.now() - started).toBeLessThan(2900);
  });

  it('AWS_PROXY: the integration timing out first is 504 Endpoint request timed out', async () => {
    const api = await deployLambdaApi(portico, { uri: functionUri('patient'), timeoutInMillis: 500 });
    await call(api.url('/wait?ms=0'));
    const started = Date.now();
    const response = await call(api.url('/wait?ms=2000'));
    expect(response.status).toBe(504);
    expect(response.text).toBe('{"message": "Endpoint request timed out"}');
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
