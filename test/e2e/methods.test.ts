// Method, method response and model-read operations through the real AWS SDK: AWS's defaults and
// status codes (PutMethod 201, DeleteMethod 204, UpdateMethodResponse 201), patch paths with `~1`,
// AWS's exact messages, and that a rejected update leaves the stored method unchanged.

import {
  CreateAuthorizerCommand,
  CreateRestApiCommand,
  DeleteMethodCommand,
  DeleteMethodResponseCommand,
  GetMethodCommand,
  GetMethodResponseCommand,
  GetModelCommand,
  GetModelsCommand,
  type PatchOperation,
  PutMethodCommand,
  type PutMethodCommandInput,
  PutMethodResponseCommand,
  UpdateMethodCommand,
  UpdateMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  const api = await portico.client.send(new CreateRestApiCommand({ name: 'methods' }));
  return { apiId: api.id!, rootId: api.rootResourceId! };
}

const putMethod = (input: Partial<PutMethodCommandInput> & { restApiId: string; resourceId: string }) =>
  portico.client.send(new PutMethodCommand({ httpMethod: 'GET', authorizationType: 'NONE', ...input }));
const updateMethod = (restApiId: string, resourceId: string, patchOperations: PatchOperation[], httpMethod = 'GET') =>
  portico.client.send(new UpdateMethodCommand({ restApiId, resourceId, httpMethod, patchOperations }));
const getMethod = (restApiId: string, resourceId: string, httpMethod = 'GET') =>
  portico.client.send(new GetMethodCommand({ restApiId, resourceId, httpMethod }));

const AUTHORIZER_MESSAGE = 'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.';

describe('PutMethod / GetMethod / DeleteMethod', () => {
  it('answers 201 echoing AWS defaults, then serves it with GetMethod', async () => {
    const { apiId, rootId } = await newApi();
    const put = await putMethod({ restApiId: apiId, resourceId: rootId, httpMethod: 'ANY' });
    expect(put.$metadata.httpStatusCode).toBe(201);
    expect(put).toMatchObject({ httpMethod: 'ANY', authorizationType: 'NONE', apiKeyRequired: false });
    expect(put.requestParameters).toBeUndefined();
    expect(put.methodIntegration).toBeUndefined();
    const got = await getMethod(apiId, rootId, 'ANY');
    expect(got).toMatchObject({ httpMethod: 'ANY', authorizationType: 'NONE', apiKeyRequired: false });
  });

  it('stores request parameters, models, scopes and an operation name', async () => {
    const { apiId, rootId } = await newApi();
    const put = await putMethod({
      restApiId: apiId,
      resourceId: rootId,
      requestParameters: { 'method.request.header.h_required': true, 'method.request.querystring.q_optional': false },
      requestModels: { 'application/json': 'Empty' },
      operationName: 'ListThings',
      apiKeyRequired: true,
      authorizationType: 'AWS_IAM',
    });
    expect(put).toMatchObject({
      authorizationType: 'AWS_IAM',
      apiKeyRequired: true,
      operationName: 'ListThings',
      requestParameters: { 'method.request.header.h_required': true, 'method.request.querystring.q_optional': false },
      requestModels: { 'application/json': 'Empty' },
    });
  });

  it('answers 409 when the method already exists (AWS)', async () => {
    const { apiId, rootId } = await newApi();
    await putMethod({ restApiId: apiId, resourceId: rootId });
    await expectError(putMethod({ restApiId: apiId, resourceId: rootId }), 'ConflictException', 'Method already exists for this resource', 409);
  });

  it('uses AWS messages for a wrong verb, API, resource, authorizer, validator, model and parameter names', async () => {
    const { apiId, rootId } = await newApi();
    // AWS: an unknown API is reported as an unknown resource below the resource level.
    await expectError(putMethod({ restApiId: 'fake-api', resourceId: rootId, httpMethod: 'WRONG' }), 'NotFoundException', 'Invalid Resource identifier specified', 404);
    await expectError(putMethod({ restApiId: apiId, resourceId: 'fake00', httpMethod: 'WRONG' }), 'NotFoundException', 'Invalid Resource identifier specified', 404);
    await expectError(
      putMethod({ restApiId: apiId, resourceId: rootId, httpMethod: 'WRONG' }),
      'BadRequestException',
      'Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY',
      400,
    );
    await expectError(putMethod({ restApiId: apiId, resourceId: rootId, authorizationType: 'CUSTOM' }), 'BadRequestException', AUTHORIZER_MESSAGE, 400);
    await expectError(putMethod({ restApiId: apiId, resourceId: rootId, authorizationType: 'COGNITO_USER_POOLS' }), 'BadRequestException', AUTHORIZER_MESSAGE, 400);
    await expectError(putMethod({ restApiId: apiId, resourceId: rootId, authorizationType: 'BASIC' }), 'BadRequestException', 'Invalid authorization type specified', 400);
    await expectError(
      putMethod({ restApiId: apiId, resourceId: rootId, requestValidatorId: 'fake-validator' }),
      'BadRequestException',
      'Invalid Request Validator identifier specified',
      400,
    );
    await expectError(
      putMethod({ restApiId: apiId, resourceId: rootId, requestModels: { 'application/json': 'petModel' } }),
      'BadRequestException',
      'Invalid model identifier specified: petModel',
      400,
    );
    await expectError(
      putMethod({ restApiId: apiId, resourceId: rootId, requestParameters: { 'method.request.querystring.q': true, 'method.request.header.q': false } }),
      'BadRequestException',
      'Parameter names must be unique across querystring, header and path',
      400,
    );
    await expectError(getMethod(apiId, rootId), 'NotFoundException', 'Invalid Method identifier specified', 404);
  });

  it('answers 204 on delete, then 404 Invalid Method identifier', async () => {
    const { apiId, rootId } = await newApi();
    await putMethod({ restApiId: apiId, resourceId: rootId, httpMethod: 'ANY' });
    const deleted = await portico.client.send(new DeleteMethodCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'ANY' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await expectError(getMethod(apiId, rootId, 'ANY'), 'NotFoundException', 'Invalid Method identifier specified', 404);
    await expectError(
      portico.client.send(new DeleteMethodCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'ANY' })),
      'NotFoundException',
      'Invalid Method identifier specified',
      404,
    );
  });
});

describe('UpdateMethod', () => {
  it('adds, replaces and removes request parameters and models (`~1` in keys)', async () => {
    const { apiId, rootId } = await newApi();
    await putMethod({ restApiId: apiId, resourceId: rootId });
    const added = await updateMethod(apiId, rootId, [
      { op: 'add', path: '/requestParameters/method.request.querystring.optional', value: 'true' },
      { op: 'add', path: '/requestModels/application~1json', value: 'Empty' },
    ]);
    expect(added).toMatchObject({ requestParameters: { 'method.request.querystring.optional': true }, requestModels: { 'application/json': 'Empty' } });
    const replaced = await updateMethod(apiId, rootId, [
      { op: 'replace', path: '/operationName', value: 'ReplacedOperationName' },
      { op: 'replace', path: '/apiKeyRequired', value: 'true' },
      { op: 'replace', path: '/authorizationType', value: 'AWS_IAM' },
      { op: 'replace', path: '/requestParameters/method.request.querystring.optional', value: 'false' },
    ]);
    expect(replaced).toMatchObject({
      apiKeyRequired: true,
      authorizationType: 'AWS_IAM',
      operationName: 'ReplacedOperationName',
      requestParameters: { 'method.request.querystring.optional': false },
    });
    const removed = await updateMethod(apiId, rootId, [
      { op: 'remove', path: '/requestParameters/method.request.querystring.optional' },
      { op: 'remove', path: '/requestModels/application~1json' },
    ]);
    expect(removed.requestParameters).toBeUndefined();
    expect(removed.requestModels).toBeUndefined();
  });

  it('reads booleans leniently and ignores an authorizer id on a method without authorizer (AWS)', async () => {
    const { apiId, rootId } = await newApi();
    await putMethod({ restApiId: apiId, resourceId: rootId, apiKeyRequired: true });
    expect((await updateMethod(apiId, rootId, [{ op: 'replace', path: '/apiKeyRequired', value: 'whatever' }])).apiKeyRequired).toBe(false);
    const ignored = await updateMethod(apiId, rootId, [{ op: 'replace', path: '/authorizerId', value: 'abc123' }]);
    expect(ignored.authorizerId).toBeUndefined();
    // An authorizer that does not exist is refused once the method uses one.
    await expectError(
      updateMethod(apiId, rootId, [
        { op: 'replace', path: '/authorizerId', value: 'abc123' },
        { op: 'replace', path: '/authorizationType', value: 'CUSTOM' },
      ]),
      'BadRequestException',
      AUTHORIZER_MESSAGE,
      400,
    );
    const authorizer = await portico.client.send(
      new CreateAuthorizerCommand({
        restApiId: apiId,
        name: 'token',
        type: 'TOKEN',
        identitySource: 'method.request.header.Authorization',
        authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:auth/invocations',
      }),
    );
    const custom = await updateMethod(apiId, rootId, [
      { op: 'replace', path: '/authorizerId', value: authorizer.id! },
      { op: 'replace', path: '/authorizationType', value: 'CUSTOM' },
    ]);
    expect(custom).toMatchObject({ authorizationType: 'CUSTOM', authorizerId: authorizer.id });
  });

  it('adds and removes authorization scopes', async () => {
    const { apiId, rootId } = await newApi();
    const pool = 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Scopes1';
    const authorizer = await portico.client.send(new CreateAuthorizerCommand({ restApiId: apiId, name: 'pool', type: 'COGNITO_USER_POOLS', providerARNs: [pool], identitySource: 'method.request.header.Authorization' }));
    await putMethod({ restApiId: apiId, resourceId: rootId, authorizationType: 'COGNITO_USER_POOLS', authorizerId: authorizer.id!, authorizationScopes: ['read'] });
    const added = await updateMethod(apiId, rootId, [{ op: 'add', path: '/authorizationScopes', value: 'write' }]);
    expect(added.authorizationScopes).toEqual(['read', 'write']);
    const removed = await updateMethod(apiId, rootId, [
      { op: 'remove', path: '/authorizationScopes', value: 'read' },
      { op: 'remove', path: '/authorizationScopes', value: 'write' },
    ]);
    expect(removed.authorizationScopes).toBeUndefined();
  });

  it('detaches the request validator with an empty value (AWS)', async () => {
    const { apiId, rootId } = await newApi();
    await putMethod({ restApiId: apiId, resourceId: rootId });
    expect((await updateMethod(apiId, rootId, [{ op: 'replace', path: '/requestValidatorId', value: '' }])).requestValidatorId).toBeUndefined();
  });

  it('uses AWS messages for unsupported ops and paths', async () => {
    const { apiId, rootId } = await newApi();
    await putMethod({ restApiId: apiId, resourceId: rootId });
    const cases: Array<[PatchOperation, string]> = [
      [{ op: 'add', path: '/operationName', value: 'x' }, 'Invalid patch operation specified. Must be one of: [replace]'],
      [{ op: 'add', path: '/requestValidatorId', value: 'wrong-id' }, 'Invalid patch operation specified. Must be one of: [replace]'],
      [{ op: 'add', path: '/httpMethod', value: 'PUT' }, 'Invalid patch path /httpMethod'],
      [{ op: 'replace', path: '/requestParameters', value: 'method.request.querystring.optional=false' }, 'Invalid patch path /requestParameters'],
      [{ op: 'add', path: '/requestModels/application/json', value: 'Empty' }, 'Invalid patch path /requestModels/application/json'],
      [{ op: 'replace', path: '/authorizationType', value: 'CUSTOM' }, AUTHORIZER_MESSAGE],
      [{ op: 'replace', path: '/requestValidatorId', value: 'fake-id' }, 'Invalid Request Validator identifier specified'],
      [{ op: 'add', path: '/requestModels/application~1json', value: 'Missing' }, 'Invalid model identifier specified: Missing'],
    ];
    for (const [operation, message] of cases) {
      await expectError(updateMethod(apiId, rootId, [operation]), 'BadRequestException', message, 400);
    }
    await expectError(
      updateMethod(apiId, rootId, [{ op: 'replace', path: '/requestParameters/method.request.header.none', value: 'true' }]),
      'NotFoundException',
      'Invalid parameter name specified',
      404,
    );
  });

  it('answers 404 for a method that does not exist and for an unknown API', async () => {
    const { apiId, rootId } = await newApi();
    await expectError(updateMethod(apiId, rootId, [{ op: 'replace', path: '/operationName', value: 'x' }]), 'NotFoundException', 'Invalid Method identifier specified', 404);
    await expectError(updateMethod('fake-api', rootId, []), 'NotFoundException', 'Invalid Resource identifier specified', 404);
  });

  it('changes nothing when one operation of the patch is rejected', async () => {
    const { apiId, rootId } = await newApi();
    await putMethod({ restApiId: apiId, resourceId: rootId, operationName: 'Original' });
    await expectError(
      updateMethod(apiId, rootId, [
        { op: 'replace', path: '/operationName', value: 'Changed' },
        { op: 'add', path: '/requestParameters/method.request.querystring.q', value: 'true' },
        { op: 'add', path: '/httpMethod', value: 'PUT' },
      ]),
      'BadRequestException',
      'Invalid patch path /httpMethod',
      400,
    );
    const after = await getMethod(apiId, rootId);
    expect(after.operationName).toBe('Original');
    expect(after.requestParameters).toBeUndefined();
  });
});

describe('method responses', () => {
  const path = (apiId: string, rootId: string, statusCode: string) => ({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode });

  it('puts (201), gets, updates (201, `~1` keys) and deletes (204) a method response', async () => {
    const { apiId, rootId } = await newApi();
    await putMethod({ restApiId: apiId, resourceId: rootId });
    const put = await portico.client.send(
      new PutMethodResponseCommand({ ...path(apiId, rootId, '200'), responseParameters: { 'method.response.header.X-Id': true }, responseModels: { 'application/json': 'Empty' } }),
    );
    expect(put.$metadata.httpStatusCode).toBe(201);
    expect(put).toMatchObject({ statusCode: '200', responseParameters: { 'method.response.header.X-Id': true }, responseModels: { 'application/json': 'Empty' } });
    const updated = await portico.client.send(
      new UpdateMethodResponseCommand({
        ...path(apiId, rootId, '200'),
        patchOperations: [
          { op: 'add', path: '/responseParameters/method.response.header.X-Other', value: 'false' },
          { op: 'replace', path: '/responseModels/application~1json', value: 'Error' },
        ],
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(201);
    expect(updated).toMatchObject({
      responseParameters: { 'method.response.header.X-Id': true, 'method.response.header.X-Other': false },
      responseModels: { 'application/json': 'Error' },
    });
    expect((await portico.client.send(new GetMethodResponseCommand(path(apiId, rootId, '200')))).responseModels).toEqual({ 'application/json': 'Error' });
    expect((await getMethod(apiId, rootId)).methodResponses?.['200']?.statusCode).toBe('200');
    const deleted = await portico.client.send(new DeleteMethodResponseCommand(path(apiId, rootId, '200')));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await expectError(portico.client.send(new GetMethodResponseCommand(path(apiId, rootId, '200'))), 'NotFoundException', 'Invalid Response status code specified', 404);
  });

  it('answers 409 for an existing response, 404 for a missing one, ValidationException for a bad code', async () => {
    const { apiId, rootId } = await newApi();
    await putMethod({ restApiId: apiId, resourceId: rootId });
    await portico.client.send(new PutMethodResponseCommand(path(apiId, rootId, '200')));
    await expectError(portico.client.send(new PutMethodResponseCommand(path(apiId, rootId, '200'))), 'ConflictException', 'Response already exists for this resource', 409);
    await expectError(portico.client.send(new DeleteMethodResponseCommand(path(apiId, rootId, '404'))), 'NotFoundException', 'Invalid Response status code specified', 404);
    await expectError(
      portico.client.send(new PutMethodResponseCommand(path(apiId, rootId, '99'))),
      'ValidationException',
      "1 validation error detected: Value '99' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d",
      400,
    );
    await expectError(
      portico.client.send(new PutMethodResponseCommand({ ...path(apiId, rootId, '201'), responseModels: { 'application/json': 'Nope' } })),
      'BadRequestException',
      'Invalid model identifier specified: Nope',
      400,
    );
  });
});

describe('GetModels / GetModel', () => {
  it('lists the default models and reads one by name', async () => {
    const { apiId } = await newApi();
    const models = await portico.client.send(new GetModelsCommand({ restApiId: apiId }));
    expect(models.items?.map((m) => m.name)).toEqual(['Empty', 'Error']);
    const empty = await portico.client.send(new GetModelCommand({ restApiId: apiId, modelName: 'Empty' }));
    expect(empty).toMatchObject({ name: 'Empty', contentType: 'application/json', description: 'This is a default empty schema model' });
    expect(empty.id).toMatch(/^[a-z0-9]{6}$/);
  });

  it('answers AWS messages for unknown models and APIs', async () => {
    const { apiId } = await newApi();
    await expectError(portico.client.send(new GetModelCommand({ restApiId: apiId, modelName: 'MySchema' })), 'NotFoundException', 'Invalid model name specified: MySchema', 404);
    await expectError(portico.client.send(new GetModelCommand({ restApiId: 'abcde0', modelName: 'MySchema' })), 'NotFoundException', 'Invalid model name specified: MySchema', 404);
    await expectError(portico.client.send(new GetModelsCommand({ restApiId: 'abcde0' })), 'NotFoundException', 'Invalid API identifier specified 000000000000:abcde0', 404);
  });
});
