// The authorizer management operations through the real AWS SDK (reference §5, APIRef
// "Authorizer"): Create/Get/GetAuthorizers/Update/Delete, defaults, validation messages, methods
// pointing at authorizers, FlushStageAuthorizersCache, and a COGNITO_USER_POOLS method (stored,
// deployable, refused at request time until Cognito authorizers are enforced).

import {
  CreateAuthorizerCommand,
  type CreateAuthorizerCommandInput,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  DeleteAuthorizerCommand,
  DeleteMethodCommand,
  FlushStageAuthorizersCacheCommand,
  GetAuthorizerCommand,
  GetAuthorizersCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateAuthorizerCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, functionUri } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
beforeAll(async () => {
  portico = await startTestPortico();
});
afterAll(() => portico.close());

async function expectError(promise: Promise<unknown>, name: string, message: string, status: number): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name, message, $metadata: { httpStatusCode: status } });
}

async function newApi(): Promise<{ apiId: string; rootId: string }> {
  const api = await portico.client.send(new CreateRestApiCommand({ name: 'authorizers' }));
  return { apiId: api.id!, rootId: api.rootResourceId! };
}

const TOKEN: Omit<CreateAuthorizerCommandInput, 'restApiId'> = { name: 'token', type: 'TOKEN', identitySource: 'method.request.header.Authorization', authorizerUri: functionUri('auth') };
const create = (restApiId: string, input: Partial<CreateAuthorizerCommandInput> = {}) => portico.client.send(new CreateAuthorizerCommand({ ...TOKEN, restApiId, ...input }));
const AUTHORIZER_MESSAGE = 'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.';

describe('CreateAuthorizer / GetAuthorizer / GetAuthorizers', () => {
  it('answers 201 with a 6-character id and the default TTL of 300, then serves it', async () => {
    const { apiId } = await newApi();
    const created = await create(apiId);
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.id).toMatch(/^[a-z0-9]{6}$/);
    expect(created).toMatchObject({ name: 'token', type: 'TOKEN', identitySource: 'method.request.header.Authorization', authorizerUri: functionUri('auth'), authorizerResultTtlInSeconds: 300 });
    const got = await portico.client.send(new GetAuthorizerCommand({ restApiId: apiId, authorizerId: created.id! }));
    expect(got).toMatchObject({ id: created.id, name: 'token', authorizerResultTtlInSeconds: 300 });
  });

  it('pages GetAuthorizers and answers 404 for an unknown authorizer', async () => {
    const { apiId } = await newApi();
    await create(apiId, { name: 'a' });
    await create(apiId, { name: 'b', type: 'REQUEST', identitySource: 'method.request.querystring.q, stageVariables.s, context.sourceIp' });
    const first = await portico.client.send(new GetAuthorizersCommand({ restApiId: apiId, limit: 1 }));
    expect(first.items).toHaveLength(1);
    const rest = await portico.client.send(new GetAuthorizersCommand({ restApiId: apiId, position: first.position }));
    expect([...first.items!, ...rest.items!].map((item) => item.name).sort()).toEqual(['a', 'b']);
    await expectError(portico.client.send(new GetAuthorizerCommand({ restApiId: apiId, authorizerId: 'nope12' })), 'NotFoundException', 'Invalid Authorizer identifier specified', 404);
  });

  it('refuses invalid input with AWS-style messages', async () => {
    const { apiId } = await newApi();
    const cases: Array<[Partial<CreateAuthorizerCommandInput>, string, string]> = [
      [{ identitySource: undefined }, 'BadRequestException', 'Identity source must be specified'],
      [{ identitySource: 'method.request.querystring.token' }, 'BadRequestException', 'Invalid identity source specified: method.request.querystring.token'],
      [{ authorizerResultTtlInSeconds: 3601 }, 'BadRequestException', 'Invalid authorizer TTL specified: 3601. Must be between 0 and 3600'],
      [{ authorizerResultTtlInSeconds: -1 }, 'BadRequestException', 'Invalid authorizer TTL specified: -1. Must be between 0 and 3600'],
      [{ authorizerUri: undefined }, 'BadRequestException', 'Authorizer URI must be specified for authorizer type TOKEN'],
      [{ authorizerUri: 'arn:aws:lambda:us-east-1:000000000000:function:auth' }, 'BadRequestException', 'Invalid Authorizer URI specified: arn:aws:lambda:us-east-1:000000000000:function:auth'],
      [{ type: 'REQUEST', identitySource: undefined }, 'BadRequestException', 'Identity source must be specified when authorizer result caching is enabled'],
      [{ type: 'COGNITO_USER_POOLS' }, 'BadRequestException', 'ProviderARNs need to be specified for authorizer type COGNITO_USER_POOLS'],
      [{ type: 'JWT' as 'TOKEN' }, 'ValidationException', "1 validation error detected: Value 'JWT' at 'createAuthorizerInput.type' failed to satisfy constraint: Member must satisfy enum value set: [TOKEN, REQUEST, COGNITO_USER_POOLS]"],
      [{ identityValidationExpression: '([a-z' }, 'BadRequestException', 'Invalid identity validation expression specified: ([a-z'],
    ];
    for (const [input, name, message] of cases) await expectError(create(apiId, input), name, message, 400);
    // A REQUEST authorizer without identity sources is fine while caching is off (reference §5.1).
    expect((await create(apiId, { type: 'REQUEST', identitySource: undefined, authorizerResultTtlInSeconds: 0 })).$metadata.httpStatusCode).toBe(201);
    await expectError(create('nosuch', {}), 'NotFoundException', 'Invalid API identifier specified 000000000000:nosuch', 404);
  });
});

describe('UpdateAuthorizer / DeleteAuthorizer', () => {
  it('replaces members and re-checks the result', async () => {
    const { apiId } = await newApi();
    const { id } = await create(apiId);
    const updated = await portico.client.send(
      new UpdateAuthorizerCommand({
        restApiId: apiId,
        authorizerId: id!,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'renamed' },
          { op: 'replace', path: '/authorizerResultTtlInSeconds', value: '0' },
          { op: 'replace', path: '/identitySource', value: 'method.request.header.X-Token' },
          { op: 'replace', path: '/identityValidationExpression', value: '^ok$' },
        ],
      }),
    );
    expect(updated).toMatchObject({ name: 'renamed', authorizerResultTtlInSeconds: 0, identitySource: 'method.request.header.X-Token', identityValidationExpression: '^ok$' });
    const update = (path: string, value: string, op: 'replace' | 'add' = 'replace') =>
      portico.client.send(new UpdateAuthorizerCommand({ restApiId: apiId, authorizerId: id!, patchOperations: [{ op, path, value }] }));
    await expectError(update('/authorizerResultTtlInSeconds', '4000'), 'BadRequestException', 'Invalid authorizer TTL specified: 4000. Must be between 0 and 3600', 400);
    await expectError(update('/id', 'x'), 'BadRequestException', expect.stringContaining("Invalid patch path  '/id' specified for op 'replace'") as unknown as string, 400);
    await expectError(update('/name', 'x', 'add'), 'BadRequestException', "Invalid patch path  '/name' specified for op 'add'. Please choose supported operations", 400);
    expect((await portico.client.send(new GetAuthorizerCommand({ restApiId: apiId, authorizerId: id! }))).authorizerResultTtlInSeconds).toBe(0);
  });

  it('refuses to delete an authorizer a method uses, then deletes it (202)', async () => {
    const { apiId, rootId } = await newApi();
    const { id } = await create(apiId);
    await portico.client.send(new PutMethodCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', authorizationType: 'CUSTOM', authorizerId: id! }));
    await expectError(portico.client.send(new DeleteAuthorizerCommand({ restApiId: apiId, authorizerId: id! })), 'ConflictException', 'Cannot delete authorizer, is referenced in method: GET//', 409);
    await portico.client.send(new DeleteMethodCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET' }));
    const deleted = await portico.client.send(new DeleteAuthorizerCommand({ restApiId: apiId, authorizerId: id! }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    await expectError(portico.client.send(new DeleteAuthorizerCommand({ restApiId: apiId, authorizerId: id! })), 'NotFoundException', 'Invalid Authorizer identifier specified', 404);
  });
});

describe('methods and stages', () => {
  it('checks that a method authorizer exists and is of the right kind', async () => {
    const { apiId, rootId } = await newApi();
    const cognito = await create(apiId, { type: 'COGNITO_USER_POOLS', providerARNs: ['arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_abc'], authorizerUri: undefined });
    const put = (authorizationType: string, authorizerId: string) =>
      portico.client.send(new PutMethodCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', authorizationType, authorizerId }));
    await expectError(put('CUSTOM', 'nope12'), 'BadRequestException', AUTHORIZER_MESSAGE, 400);
    await expectError(put('CUSTOM', cognito.id!), 'BadRequestException', AUTHORIZER_MESSAGE, 400);
    expect((await put('COGNITO_USER_POOLS', cognito.id!)).authorizerId).toBe(cognito.id);
  });

  it('deploys a Cognito-protected method and refuses an unreadable token with 401 (cognito-authorizers.test.ts has the rest)', async () => {
    const { apiId, rootId } = await newApi();
    const cognito = await create(apiId, { type: 'COGNITO_USER_POOLS', providerARNs: ['arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_abc'], authorizerUri: undefined });
    await portico.client.send(new PutMethodCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', authorizationType: 'COGNITO_USER_POOLS', authorizerId: cognito.id! }));
    await portico.client.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await portico.client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'test' }));
    const response = await call(`${portico.url}/_aws/execute-api/${apiId}/test/`, { headers: { Authorization: 'a.b.c' } });
    expect({ status: response.status, body: response.text, type: response.headers['x-amzn-errortype'] }).toEqual({ status: 401, body: '{"message":"Unauthorized"}', type: 'UnauthorizedException' });
  });

  it('FlushStageAuthorizersCache answers 202, and 404 for an unknown stage', async () => {
    const { apiId, rootId } = await newApi();
    await portico.client.send(new PutMethodCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', authorizationType: 'NONE' }));
    await portico.client.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', type: 'MOCK' }));
    await portico.client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'test' }));
    const flushed = await portico.client.send(new FlushStageAuthorizersCacheCommand({ restApiId: apiId, stageName: 'test' }));
    expect(flushed.$metadata.httpStatusCode).toBe(202);
    await expectError(portico.client.send(new FlushStageAuthorizersCacheCommand({ restApiId: apiId, stageName: 'nope' })), 'NotFoundException', 'Invalid stage identifier specified', 404);
  });
});
