// Functions survive a restart: configuration, versions, aliases, concurrency and policies come back
// from the store, the code from the data dir, and a deployed AWS_PROXY API serves again. Packages
// no version uses any more are pruned at start-up.

import {
  AddPermissionCommand,
  CreateAliasCommand,
  GetFunctionCommand,
  GetPolicyCommand,
  InvokeCommand,
  UpdateFunctionCodeCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createFixtureFunction, deployLambdaApi, functionUri, lambdaClient, type DeployedApi } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { createZip } from '../support/zip.js';

let portico: TestPortico;
let lambda: LambdaClient;
let api: DeployedApi;

const packages = (): string[] => readdirSync(join(portico.dataDir, 'functions', 'us-east-1', 'durable')).filter((name) => !name.endsWith('.zip'));

beforeAll(async () => {
  portico = await startTestPortico();
  lambda = lambdaClient(portico);
  await createFixtureFunction(lambda, 'durable', 'proxy-echo.js', { Environment: { Variables: { AB: '1' } }, Publish: true, Timeout: 7 });
  await lambda.send(new CreateAliasCommand({ FunctionName: 'durable', Name: 'live', FunctionVersion: '1' }));
  await lambda.send(new AddPermissionCommand({ FunctionName: 'durable', StatementId: 'apigw', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com' }));
  api = await deployLambdaApi(portico, { uri: functionUri('durable:live') });
  expect((await call(api.url('/before'))).status).toBe(200);
  await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'durable', ZipFile: createZip({ 'index.js': 'exports.handler = async () => "second";' }) }));
  await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'durable', ZipFile: createZip({ 'index.js': 'exports.handler = async () => "third";' }) }));
  expect(packages()).toHaveLength(3);
  portico = await portico.restart();
  lambda = lambdaClient(portico);
  api = { ...api, url: (path) => `${portico.url}/_aws/execute-api/${api.apiId}/test${path}` };
});
afterAll(async () => {
  await portico.close();
});

describe('after a restart', () => {
  it('keeps the configuration, the alias and the policy', async () => {
    const got = await lambda.send(new GetFunctionCommand({ FunctionName: 'durable' }));
    expect(got.Configuration).toMatchObject({ Timeout: 7, Environment: { Variables: { AB: '1' } } });
    expect(JSON.parse((await lambda.send(new GetPolicyCommand({ FunctionName: 'durable' }))).Policy!).Statement).toHaveLength(1);
  });

  it('invokes $LATEST with its latest code and the alias with version 1', async () => {
    expect(Buffer.from((await lambda.send(new InvokeCommand({ FunctionName: 'durable' }))).Payload!).toString()).toBe('"third"');
    const live = await lambda.send(new InvokeCommand({ FunctionName: 'durable', Qualifier: 'live', Payload: Buffer.from('{"path":"/direct"}') }));
    expect(live.ExecutedVersion).toBe('1');
  });

  it('serves the deployed API again', async () => {
    const response = await call(api.url('/after'));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ path: '/after' });
  });

  it('pruned the package no version uses', () => {
    expect(packages()).toHaveLength(2);
  });
});
