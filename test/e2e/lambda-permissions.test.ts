// AddPermission, GetPolicy and RemovePermission through the real Lambda SDK: the statement and
// policy documents as AWS prints them, per-qualifier policies, RevisionId changes and the errors.

import { AddPermissionCommand, GetFunctionConfigurationCommand, GetPolicyCommand, PublishVersionCommand, RemovePermissionCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureFunction, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let lambda: LambdaClient;
const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:guarded';

beforeAll(async () => {
  portico = await startTestPortico();
  lambda = lambdaClient(portico);
  await createFixtureFunction(lambda, 'guarded', 'echo.js');
});
afterAll(async () => {
  await portico.close();
});

const failure = (promise: Promise<unknown>) => promise.then(() => ({ name: 'none', message: '' }), (e: unknown) => e as { name: string; message: string });

describe('permissions', () => {
  it('adds an API Gateway permission and returns the statement', async () => {
    const before = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'guarded' }));
    const added = await lambda.send(
      new AddPermissionCommand({
        FunctionName: 'guarded',
        StatementId: 'apigw',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: 'arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/pets',
      }),
    );
    expect(added.$metadata.httpStatusCode).toBe(201);
    expect(JSON.parse(added.Statement!)).toEqual({
      Sid: 'apigw',
      Effect: 'Allow',
      Principal: { Service: 'apigateway.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: ARN,
      Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/pets' } },
    });
    const policy = await lambda.send(new GetPolicyCommand({ FunctionName: 'guarded' }));
    expect(JSON.parse(policy.Policy!)).toEqual({ Version: '2012-10-17', Id: 'default', Statement: [JSON.parse(added.Statement!)] });
    expect(policy.RevisionId).not.toBe(before.RevisionId);
  });

  it('refuses a duplicate statement id', async () => {
    const error = await failure(lambda.send(new AddPermissionCommand({ FunctionName: 'guarded', StatementId: 'apigw', Action: 'lambda:InvokeFunction', Principal: '000000000000' })));
    expect(error).toMatchObject({
      name: 'ResourceConflictException',
      message: 'The statement id (apigw) provided already exists. Please provide a new statement id, or remove the existing statement.',
    });
  });

  it('keeps policies per qualifier and refuses $LATEST', async () => {
    await lambda.send(new PublishVersionCommand({ FunctionName: 'guarded' }));
    await lambda.send(new AddPermissionCommand({ FunctionName: 'guarded', Qualifier: '1', StatementId: 'account', Action: 'lambda:*', Principal: '111111111111' }));
    const policy = JSON.parse((await lambda.send(new GetPolicyCommand({ FunctionName: 'guarded', Qualifier: '1' }))).Policy!) as { Statement: unknown[] };
    expect(policy.Statement).toEqual([{ Sid: 'account', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'lambda:*', Resource: `${ARN}:1` }]);
    expect(await failure(lambda.send(new AddPermissionCommand({ FunctionName: 'guarded', Qualifier: '$LATEST', StatementId: 'x', Action: 'lambda:*', Principal: '*' })))).toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'We currently do not support adding policies for $LATEST.',
    });
  });

  it('refuses an invalid principal', async () => {
    expect(await failure(lambda.send(new AddPermissionCommand({ FunctionName: 'guarded', StatementId: 'bad', Action: 'lambda:InvokeFunction', Principal: 'someone' })))).toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'The provided principal was invalid. Please check the principal and try again.',
    });
  });

  it('removes statements, then has no policy', async () => {
    expect((await lambda.send(new RemovePermissionCommand({ FunctionName: 'guarded', StatementId: 'apigw' }))).$metadata.httpStatusCode).toBe(204);
    expect(await failure(lambda.send(new GetPolicyCommand({ FunctionName: 'guarded' })))).toMatchObject({ name: 'ResourceNotFoundException', message: 'The resource you requested does not exist.' });
    expect(await failure(lambda.send(new RemovePermissionCommand({ FunctionName: 'guarded', StatementId: 'apigw' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'No policy is associated with the given resource.',
    });
    expect(await failure(lambda.send(new RemovePermissionCommand({ FunctionName: 'guarded', Qualifier: '1', StatementId: 'other' })))).toMatchObject({
      message: 'Statement other is not found in resource policy.',
    });
  });
});
