// Published versions and aliases through the real Lambda SDK, and integration URIs naming them
// (directly or through a stage variable): PublishVersion, ListVersionsByFunction, the alias
// operations, weighted aliases, and deleting versions.

import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionCommand,
  InvokeCommand,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createFixtureFunction, deployLambdaApi, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { createZip } from '../support/zip.js';

let portico: TestPortico;
let lambda: LambdaClient;
const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:versioned';

const proxyCode = (label: string) => createZip({ 'index.js': `exports.handler = async (e, c) => ({ statusCode: 200, body: '${label} ' + c.functionVersion });` });

beforeAll(async () => {
  portico = await startTestPortico();
  lambda = lambdaClient(portico);
  await createFixtureFunction(lambda, 'versioned', 'echo.js', { Code: { ZipFile: proxyCode('one') } });
});
afterAll(async () => {
  await portico.close();
});

const failure = (promise: Promise<unknown>) => promise.then(() => ({ name: 'none', message: '' }), (e: unknown) => e as { name: string; message: string });

describe('versions', () => {
  it('publishes $LATEST as 1, returns 1 again while nothing changed, then 2', async () => {
    const first = await lambda.send(new PublishVersionCommand({ FunctionName: 'versioned', Description: 'first' }));
    expect(first.$metadata.httpStatusCode).toBe(201);
    expect(first).toMatchObject({ Version: '1', FunctionArn: `${ARN}:1`, Description: 'first' });
    expect(first.LastUpdateStatus).toBeUndefined();
    expect((await lambda.send(new PublishVersionCommand({ FunctionName: 'versioned' }))).Version).toBe('1');
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'versioned', ZipFile: proxyCode('two') }));
    expect((await lambda.send(new PublishVersionCommand({ FunctionName: 'versioned' }))).Version).toBe('2');
    const listed = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'versioned' }));
    expect(listed.Versions?.map((v) => [v.Version, v.FunctionArn])).toEqual([
      ['$LATEST', `${ARN}:$LATEST`],
      ['1', `${ARN}:1`],
      ['2', `${ARN}:2`],
    ]);
  });

  it('refuses a CodeSha256 that is not $LATEST’s', async () => {
    const error = await failure(lambda.send(new PublishVersionCommand({ FunctionName: 'versioned', CodeSha256: 'bogus' })));
    expect(error.name).toBe('InvalidParameterValueException');
    expect(error.message).toMatch(/^CodeSHA256 \(bogus\) is different from current CodeSHA256 in \$LATEST \(.+\)\. Please try again with the CodeSHA256 in \$LATEST\.$/);
  });

  it('invokes a version by qualifier, each running its own code', async () => {
    const one = await lambda.send(new InvokeCommand({ FunctionName: 'versioned', Qualifier: '1' }));
    expect(one.ExecutedVersion).toBe('1');
    expect(JSON.parse(Buffer.from(one.Payload!).toString())).toMatchObject({ body: 'one 1' });
    const latest = await lambda.send(new InvokeCommand({ FunctionName: 'versioned' }));
    expect(JSON.parse(Buffer.from(latest.Payload!).toString())).toMatchObject({ body: 'two $LATEST' });
  });

  it('GetFunction of a version shows its qualified ARN', async () => {
    const got = await lambda.send(new GetFunctionCommand({ FunctionName: 'versioned', Qualifier: '1' }));
    expect(got.Configuration).toMatchObject({ Version: '1', FunctionArn: `${ARN}:1`, Description: 'first' });
  });
});

describe('aliases', () => {
  it('creates, gets, lists, updates and deletes an alias', async () => {
    const created = await lambda.send(new CreateAliasCommand({ FunctionName: 'versioned', Name: 'live', FunctionVersion: '1', Description: 'production' }));
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({ AliasArn: `${ARN}:live`, Name: 'live', FunctionVersion: '1', Description: 'production' });
    expect(created.RevisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await lambda.send(new GetAliasCommand({ FunctionName: 'versioned', Name: 'live' }))).toMatchObject({ FunctionVersion: '1' });
    const conflict = await failure(lambda.send(new CreateAliasCommand({ FunctionName: 'versioned', Name: 'live', FunctionVersion: '1' })));
    expect(conflict).toMatchObject({ name: 'ResourceConflictException', message: `Alias already exists: ${ARN}:live` });
    const updated = await lambda.send(new UpdateAliasCommand({ FunctionName: 'versioned', Name: 'live', FunctionVersion: '2' }));
    expect(updated.FunctionVersion).toBe('2');
    expect(updated.RevisionId).not.toBe(created.RevisionId);
    expect((await lambda.send(new ListAliasesCommand({ FunctionName: 'versioned' }))).Aliases?.map((a) => a.Name)).toEqual(['live']);
    const deleted = await lambda.send(new DeleteAliasCommand({ FunctionName: 'versioned', Name: 'live' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(await failure(lambda.send(new GetAliasCommand({ FunctionName: 'versioned', Name: 'live' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Cannot find alias arn: ${ARN}:live`,
    });
  });

  it('refuses an alias to a version that does not exist', async () => {
    expect(await failure(lambda.send(new CreateAliasCommand({ FunctionName: 'versioned', Name: 'nowhere', FunctionVersion: '9' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:9`,
    });
  });

  it('Invoke through an alias runs the version it points to', async () => {
    await lambda.send(new CreateAliasCommand({ FunctionName: 'versioned', Name: 'stable', FunctionVersion: '1' }));
    const result = await lambda.send(new InvokeCommand({ FunctionName: `${ARN}:stable` }));
    expect(result.ExecutedVersion).toBe('1');
  });

  it('an integration URI may name an alias, directly or through a stage variable', async () => {
    await lambda.send(new CreateAliasCommand({ FunctionName: 'versioned', Name: 'beta', FunctionVersion: '2' }));
    const direct = await deployLambdaApi(portico, { uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${ARN}:stable/invocations` });
    expect((await call(direct.url('/x'))).text).toBe('one 1');
    const variable = await deployLambdaApi(portico, { uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${ARN}:\${stageVariables.alias}/invocations` }, { variables: { alias: 'beta' } });
    expect((await call(variable.url('/x'))).text).toBe('two 2');
    const missing = await deployLambdaApi(portico, { uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${ARN}:\${stageVariables.alias}/invocations` }, { variables: { alias: 'gamma' } });
    expect((await call(missing.url('/x'))).status).toBe(500);
  });

  it('a weighted alias splits invocations between two versions', async () => {
    await lambda.send(new CreateAliasCommand({ FunctionName: 'versioned', Name: 'canary', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } }));
    const seen = new Set<string>();
    for (let i = 0; i < 40 && seen.size < 2; i++) seen.add((await lambda.send(new InvokeCommand({ FunctionName: 'versioned', Qualifier: 'canary' }))).ExecutedVersion!);
    expect([...seen].sort()).toEqual(['1', '2']);
  });

  it('refuses to delete a version an alias points to, deletes one no alias uses', async () => {
    expect((await failure(lambda.send(new DeleteFunctionCommand({ FunctionName: 'versioned', Qualifier: '1' })))).name).toBe('ResourceConflictException');
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'versioned', ZipFile: proxyCode('three'), Publish: true }));
    await lambda.send(new DeleteFunctionCommand({ FunctionName: 'versioned', Qualifier: '3' }));
    expect((await failure(lambda.send(new InvokeCommand({ FunctionName: 'versioned', Qualifier: '3' })))).name).toBe('ResourceNotFoundException');
  });
});
