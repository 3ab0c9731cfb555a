// `--lambda-scale-out-delay`: by default a burst to a fast, warm function queues on its warm worker
// (one process serves it); at 0, Lambda's own rule, every concurrent invocation gets an execution
// environment of its own (AWS: "Lambda function scaling": one environment per concurrent request).

import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureFunction, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

/** The processes a burst of `size` concurrent invocations ran in, each taking `ms`, after two warm ones. */
async function pidsOfBurst(lambda: LambdaClient, size: number, ms: number): Promise<Set<number>> {
  const invoke = async (wait: number): Promise<number> => {
    const result = await lambda.send(new InvokeCommand({ FunctionName: 'pid', Payload: Buffer.from(JSON.stringify({ ms: wait })) }));
    return (JSON.parse(Buffer.from(result.Payload!).toString('utf8')) as { pid: number }).pid;
  };
  await invoke(0);
  await invoke(0);
  return new Set(await Promise.all(Array.from({ length: size }, () => invoke(ms))));
}

describe.each([
  // A fast function's burst: served by its warm worker.
  { delay: undefined, label: 'default', ms: 0, processes: 1 },
  // Invocations that overlap for sure: one environment each.
  { delay: 0, label: '0 (Lambda’s own rule)', ms: 300, processes: 4 },
])('scale-out delay $label', ({ delay, ms, processes }) => {
  let portico: TestPortico;
  let lambda: LambdaClient;
  beforeAll(async () => {
    portico = await startTestPortico(delay === undefined ? {} : { lambdaScaleOutDelayMs: delay });
    lambda = lambdaClient(portico);
    await createFixtureFunction(lambda, 'pid', 'pid.js');
  });
  afterAll(() => portico.close());

  it(`a burst of 4 concurrent invocations runs in ${processes} process(es)`, async () => {
    expect((await pidsOfBurst(lambda, 4, ms)).size).toBe(processes);
  });
});
