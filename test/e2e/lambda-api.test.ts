// The Lambda management API through the real `@aws-sdk/client-lambda`: CreateFunction (zip and
// mounted directory), GetFunction, GetFunctionConfiguration, ListFunctions paging,
// UpdateFunctionCode/Configuration, DeleteFunction, with AWS's shapes, defaults and exact errors.

import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListFunctionsCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { createHash } from 'node:crypto';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureFunction, fixtureZip, lambdaClient, ROLE } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { createZip } from '../support/zip.js';

let portico: TestPortico;
let lambda: LambdaClient;

beforeAll(async () => {
  portico = await startTestPortico();
  lambda = lambdaClient(portico);
});
afterAll(async () => {
  await portico.close();
});

/** The SDK's error name, message and HTTP status, plus the raw body members Lambda sends. */
async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined; type: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number }; Type?: unknown };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode, type: e.Type };
  }
  throw new Error('expected the call to fail');
}

describe('CreateFunction', () => {
  it('creates a function from a zip with AWS defaults and shape', async () => {
    const zip = fixtureZip('echo.js');
    const created = await lambda.send(new CreateFunctionCommand({ FunctionName: 'created', Runtime: 'nodejs20.x', Role: ROLE, Handler: 'index.handler', Code: { ZipFile: zip } }));
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({
      FunctionName: 'created',
      FunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:created',
      Runtime: 'nodejs20.x',
      Role: ROLE,
      Handler: 'index.handler',
      CodeSize: zip.length,
      CodeSha256: createHash('sha256').update(zip).digest('base64'),
      Description: '',
      Timeout: 3,
      MemorySize: 128,
      Version: '$LATEST',
      State: 'Active',
      PackageType: 'Zip',
      Architectures: ['x86_64'],
      TracingConfig: { Mode: 'PassThrough' },
      EphemeralStorage: { Size: 512 },
    });
    expect(created.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(created.RevisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.Environment).toBeUndefined();
    // AWS: CreateFunction does not report LastUpdateStatus.
    expect(created.LastUpdateStatus).toBeUndefined();
  });

  it('refuses an existing name: ResourceConflictException 409 "Function already exist"', async () => {
    await createFixtureFunction(lambda, 'twice', 'echo.js');
    const error = await failure(createFixtureFunction(lambda, 'twice', 'echo.js'));
    expect(error).toEqual({ name: 'ResourceConflictException', message: 'Function already exist: twice', status: 409, type: 'User' });
  });

  it('refuses a zip it cannot read', async () => {
    const error = await failure(
      lambda.send(new CreateFunctionCommand({ FunctionName: 'badzip', Runtime: 'nodejs20.x', Role: ROLE, Handler: 'index.handler', Code: { ZipFile: Buffer.from('this is not a zip') } })),
    );
    expect(error).toEqual({
      name: 'InvalidParameterValueException',
      message: 'Could not unzip uploaded file. Please check your file, then try to upload again.',
      status: 400,
      type: 'User',
    });
  });

  it('refuses an unknown runtime with the enum in the message', async () => {
    const error = await failure(createFixtureFunction(lambda, 'badruntime', 'echo.js', { Runtime: 'nodejs99.x' as 'nodejs20.x' }));
    expect(error.name).toBe('InvalidParameterValueException');
    expect(error.message).toMatch(/^Value nodejs99\.x at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: \[nodejs20\.x, .*\] or be a valid ARN$/);
  });

  it('refuses a deprecated runtime with the recommended upgrade', async () => {
    const error = await failure(createFixtureFunction(lambda, 'old', 'echo.js', { Runtime: 'nodejs14.x' as 'nodejs20.x' }));
    expect(error.message).toBe(
      'The runtime parameter of nodejs14.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (nodejs20.x) while creating or updating functions.',
    );
  });

  it('requires Runtime and Handler for a zip', async () => {
    const error = await failure(lambda.send(new CreateFunctionCommand({ FunctionName: 'nohandler', Runtime: 'nodejs20.x', Role: ROLE, Code: { ZipFile: fixtureZip('echo.js') } })));
    expect(error).toMatchObject({ name: 'InvalidParameterValueException', message: 'Runtime and Handler are mandatory parameters for functions created with deployment packages.' });
  });

  it('validates handler, role, timeout and memory as ValidationExceptions', async () => {
    expect(await failure(createFixtureFunction(lambda, 'v1', 'echo.js', { Handler: 'index handler' }))).toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value 'index handler' at 'handler' failed to satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+",
      status: 400,
    });
    expect((await failure(createFixtureFunction(lambda, 'v2', 'echo.js', { Role: 'not-a-role' }))).message).toBe(
      "1 validation error detected: Value 'not-a-role' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+",
    );
    expect((await failure(createFixtureFunction(lambda, 'v3', 'echo.js', { Timeout: 0 }))).message).toBe(
      "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect((await failure(createFixtureFunction(lambda, 'v4', 'echo.js', { Timeout: 901 }))).message).toBe(
      "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
    );
    expect((await failure(createFixtureFunction(lambda, 'v5', 'echo.js', { MemorySize: 64 }))).message).toBe(
      "1 validation error detected: Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
    );
  });

  it('refuses reserved environment variables', async () => {
    const error = await failure(createFixtureFunction(lambda, 'env', 'echo.js', { Environment: { Variables: { AWS_REGION: 'x' } } }));
    expect(error.message).toBe(
      'Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: AWS_REGION',
    );
  });

  it('refuses an S3 bucket it does not have', async () => {
    const error = await failure(lambda.send(new CreateFunctionCommand({ FunctionName: 's3', Runtime: 'nodejs20.x', Role: ROLE, Handler: 'index.handler', Code: { S3Bucket: 'my-bucket', S3Key: 'code.zip' } })));
    expect(error).toMatchObject({ name: 'InvalidParameterValueException', message: 'Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist' });
  });
});

describe('GetFunction and GetFunctionConfiguration', () => {
  it('returns the configuration, the code location and the concurrency', async () => {
    await createFixtureFunction(lambda, 'getme', 'echo.js', { Environment: { Variables: { GREETING: 'hi' } }, Description: 'described', Tags: { team: 'a' } });
    const got = await lambda.send(new GetFunctionCommand({ FunctionName: 'getme' }));
    expect(got.Configuration).toMatchObject({ FunctionName: 'getme', Description: 'described', Environment: { Variables: { GREETING: 'hi' } }, State: 'Active', LastUpdateStatus: 'Successful' });
    expect(got.Code?.RepositoryType).toBe('S3');
    expect(got.Tags).toEqual({ team: 'a' });
    const download = await request(got.Code!.Location!);
    expect(download.statusCode).toBe(200);
    expect(Buffer.from(await download.body.arrayBuffer())).toEqual(Buffer.from(fixtureZip('echo.js')));
    const configuration = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:getme' }));
    expect(configuration.FunctionArn).toBe('arn:aws:lambda:us-east-1:000000000000:function:getme');
    const qualified = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'getme', Qualifier: '$LATEST' }));
    expect(qualified.FunctionArn).toBe('arn:aws:lambda:us-east-1:000000000000:function:getme:$LATEST');
  });

  it('answers ResourceNotFoundException 404 "Function not found: {arn}"', async () => {
    expect(await failure(lambda.send(new GetFunctionCommand({ FunctionName: 'missing' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing',
      status: 404,
      type: 'User',
    });
    expect((await failure(lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'missing', Qualifier: '7' })))).message).toBe(
      'Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing:7',
    );
  });

  it('keeps regions apart', async () => {
    await createFixtureFunction(lambda, 'regional', 'echo.js');
    const other = lambdaClient(portico, 'eu-west-1');
    expect((await failure(other.send(new GetFunctionCommand({ FunctionName: 'regional' })))).message).toBe(
      'Function not found: arn:aws:lambda:eu-west-1:000000000000:function:regional',
    );
    expect((await failure(lambda.send(new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:eu-west-1:000000000000:function:regional' })))).message).toBe(
      "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')",
    );
  });
});

describe('ListFunctions', () => {
  it('pages with MaxItems and NextMarker, in name order', async () => {
    const region = lambdaClient(portico, 'ap-south-1');
    for (const name of ['list-c', 'list-a', 'list-b']) await createFixtureFunction(region, name, 'echo.js');
    const first = await region.send(new ListFunctionsCommand({ MaxItems: 2 }));
    expect(first.Functions?.map((f) => f.FunctionName)).toEqual(['list-a', 'list-b']);
    expect(first.NextMarker).toBeTruthy();
    expect(first.Functions?.[0]).not.toHaveProperty('State');
    const second = await region.send(new ListFunctionsCommand({ MaxItems: 2, Marker: first.NextMarker }));
    expect(second.Functions?.map((f) => f.FunctionName)).toEqual(['list-c']);
    expect(second.NextMarker).toBeUndefined();
  });
});

describe('UpdateFunctionCode and UpdateFunctionConfiguration', () => {
  it('replaces the code: new CodeSha256 and RevisionId', async () => {
    const before = await createFixtureFunction(lambda, 'updcode', 'echo.js');
    const zip = createZip({ 'index.js': 'exports.handler = async () => "v2";' });
    const after = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'updcode', ZipFile: zip }));
    expect(after.CodeSha256).toBe(createHash('sha256').update(zip).digest('base64'));
    expect(after.RevisionId).not.toBe(before.RevisionId);
    expect(after.LastUpdateStatus).toBe('Successful');
    expect(await failure(lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'updcode', ZipFile: zip, RevisionId: before.RevisionId })))).toMatchObject({
      name: 'PreconditionFailedException',
      status: 412,
    });
  });

  it('changes timeout, memory, environment, handler, runtime and description', async () => {
    await createFixtureFunction(lambda, 'updconf', 'echo.js');
    const after = await lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'updconf',
        Timeout: 10,
        MemorySize: 256,
        Environment: { Variables: { GREETING: 'hello' } },
        Handler: 'index.other',
        Runtime: 'nodejs22.x',
        Description: 'new',
      }),
    );
    expect(after).toMatchObject({ Timeout: 10, MemorySize: 256, Environment: { Variables: { GREETING: 'hello' } }, Handler: 'index.other', Runtime: 'nodejs22.x', Description: 'new' });
    expect((await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'updconf' }))).Timeout).toBe(10);
  });
});

describe('DeleteFunction', () => {
  it('deletes (204) and then answers not found', async () => {
    await createFixtureFunction(lambda, 'deleteme', 'echo.js');
    const deleted = await lambda.send(new DeleteFunctionCommand({ FunctionName: 'deleteme' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect((await failure(lambda.send(new GetFunctionCommand({ FunctionName: 'deleteme' })))).name).toBe('ResourceNotFoundException');
    expect((await failure(lambda.send(new DeleteFunctionCommand({ FunctionName: 'deleteme' })))).status).toBe(404);
  });

  it('refuses to delete $LATEST alone', async () => {
    await createFixtureFunction(lambda, 'keep', 'echo.js');
    expect(await failure(lambda.send(new DeleteFunctionCommand({ FunctionName: 'keep', Qualifier: '$LATEST' })))).toMatchObject({
      name: 'InvalidParameterValueException',
      message: '$LATEST version cannot be deleted without deleting the function.',
    });
  });
});
