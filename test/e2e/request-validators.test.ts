// Request validator operations through the real AWS SDK (reference §4, §8.1): defaults, status
// codes, AWS's exact messages (observed), paging, and that a rejected update changes nothing.

import {
  CreateRequestValidatorCommand,
  CreateRestApiCommand,
  DeleteMethodCommand,
  DeleteRequestValidatorCommand,
  GetMethodCommand,
  GetRequestValidatorCommand,
  GetRequestValidatorsCommand,
  type PatchOperation,
  PutMethodCommand,
  UpdateRequestValidatorCommand,
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
  const api = await portico.client.send(new CreateRestApiCommand({ name: 'validators' }));
  return { apiId: api.id!, rootId: api.rootResourceId! };
}

const create = (restApiId: string, input: { name?: string; validateRequestBody?: boolean; validateRequestParameters?: boolean } = { name: 'v' }) =>
  portico.client.send(new CreateRequestValidatorCommand({ restApiId, ...input }));
const update = (restApiId: string, requestValidatorId: string, patchOperations: PatchOperation[]) =>
  portico.client.send(new UpdateRequestValidatorCommand({ restApiId, requestValidatorId, patchOperations }));
const get = (restApiId: string, requestValidatorId: string) => portico.client.send(new GetRequestValidatorCommand({ restApiId, requestValidatorId }));
const NOT_FOUND = 'Invalid Request Validator identifier specified';

describe('CreateRequestValidator / Get / GetRequestValidators', () => {
  it('answers 201 with both flags false by default and a 6-character id', async () => {
    const { apiId } = await newApi();
    const created = await create(apiId, { name: 'test-validator' });
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.id).toMatch(/^[a-z0-9]{6}$/);
    expect(created).toMatchObject({ name: 'test-validator', validateRequestBody: false, validateRequestParameters: false });
    expect(await get(apiId, created.id!)).toMatchObject({ id: created.id, name: 'test-validator', validateRequestBody: false, validateRequestParameters: false });
    const both = await create(apiId, { name: 'both', validateRequestBody: true, validateRequestParameters: true });
    expect(both).toMatchObject({ validateRequestBody: true, validateRequestParameters: true });
    const list = await portico.client.send(new GetRequestValidatorsCommand({ restApiId: apiId }));
    expect(list.items?.map((validator) => validator.name)).toEqual(['test-validator', 'both']);
    const page = await portico.client.send(new GetRequestValidatorsCommand({ restApiId: apiId, limit: 1 }));
    expect(page.items?.map((validator) => validator.name)).toEqual(['test-validator']);
    expect((await portico.client.send(new GetRequestValidatorsCommand({ restApiId: apiId, limit: 1, position: page.position }))).items?.[0]?.name).toBe('both');
  });

  it("uses AWS's messages for unknown APIs and validators (a 400 on create)", async () => {
    const { apiId } = await newApi();
    const { id } = await create(apiId);
    await expectError(create('test-fake-rest-id'), 'BadRequestException', 'Invalid REST API identifier specified', 400);
    await expectError(portico.client.send(new GetRequestValidatorsCommand({ restApiId: 'api_id' })), 'NotFoundException', 'Invalid API identifier specified 000000000000:api_id', 404);
    await expectError(get('api_id', id!), 'NotFoundException', NOT_FOUND, 404);
    await expectError(get(apiId, 'validator_id'), 'NotFoundException', NOT_FOUND, 404);
    await expectError(create(apiId, { name: ' ' }), 'BadRequestException', 'Request Validator name cannot be blank', 400);
  });
});

describe('UpdateRequestValidator', () => {
  it('replaces the flags (no value is false) and the name', async () => {
    const { apiId } = await newApi();
    const { id } = await create(apiId);
    expect(await update(apiId, id!, [{ op: 'replace', path: '/validateRequestBody', value: 'true' }])).toMatchObject({ validateRequestBody: true, validateRequestParameters: false });
    expect(await update(apiId, id!, [{ op: 'replace', path: '/validateRequestBody' }])).toMatchObject({ validateRequestBody: false });
    const renamed = await update(apiId, id!, [
      { op: 'replace', path: '/name', value: 'renamed' },
      { op: 'replace', path: '/validateRequestParameters', value: 'true' },
    ]);
    expect(renamed.$metadata.httpStatusCode).toBe(200);
    expect(await get(apiId, id!)).toMatchObject({ name: 'renamed', validateRequestBody: false, validateRequestParameters: true });
  });

  it("uses AWS's messages and a rejected update changes nothing", async () => {
    const { apiId } = await newApi();
    const { id } = await create(apiId);
    const bad = (patch: PatchOperation[], message: string) => expectError(update(apiId, id!, patch), 'BadRequestException', message, 400);
    await bad([{ op: 'add', path: '/validateRequestBody', value: 'true' }], "Invalid patch path  '/validateRequestBody' specified for op 'add'. Please choose supported operations");
    await bad([{ op: 'remove', path: '/validateRequestBody', value: 'true' }], "Invalid patch path  '/validateRequestBody' specified for op 'remove'. Please choose supported operations");
    await bad(
      [{ op: 'replace', path: '/invalidPath', value: 'true' }],
      "Invalid patch path  '/invalidPath' specified for op 'replace'. Must be one of: [/name, /validateRequestParameters, /validateRequestBody]",
    );
    await bad(
      [
        { op: 'replace', path: '/validateRequestBody', value: 'true' },
        { op: 'replace', path: '/name' },
      ],
      'Request Validator name cannot be blank',
    );
    await expectError(update(apiId, 'nope00', []), 'NotFoundException', NOT_FOUND, 404);
    expect(await get(apiId, id!)).toMatchObject({ name: 'v', validateRequestBody: false, validateRequestParameters: false });
  });
});

describe('DeleteRequestValidator', () => {
  it('answers 202; then the validator is gone', async () => {
    const { apiId } = await newApi();
    const { id } = await create(apiId);
    expect((await portico.client.send(new DeleteRequestValidatorCommand({ restApiId: apiId, requestValidatorId: id }))).$metadata.httpStatusCode).toBe(202);
    await expectError(get(apiId, id!), 'NotFoundException', NOT_FOUND, 404);
    expect((await portico.client.send(new GetRequestValidatorsCommand({ restApiId: apiId }))).items).toEqual([]);
    await expectError(portico.client.send(new DeleteRequestValidatorCommand({ restApiId: 'api_id', requestValidatorId: id })), 'NotFoundException', NOT_FOUND, 404);
    await expectError(portico.client.send(new DeleteRequestValidatorCommand({ restApiId: apiId, requestValidatorId: 'validator_id' })), 'NotFoundException', NOT_FOUND, 404);
  });

  it('refuses a validator a method uses (UNCONFIRMED wording); methods attach and detach validators', async () => {
    const { apiId, rootId } = await newApi();
    const { id } = await create(apiId);
    await portico.client.send(new PutMethodCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'ANY', authorizationType: 'NONE', requestValidatorId: id }));
    expect((await portico.client.send(new GetMethodCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'ANY' }))).requestValidatorId).toBe(id);
    await expectError(
      portico.client.send(new DeleteRequestValidatorCommand({ restApiId: apiId, requestValidatorId: id })),
      'ConflictException',
      `Cannot delete request validator '${id}', is referenced in method request: //ANY`,
      409,
    );
    await portico.client.send(new DeleteMethodCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'ANY' }));
    expect((await portico.client.send(new DeleteRequestValidatorCommand({ restApiId: apiId, requestValidatorId: id }))).$metadata.httpStatusCode).toBe(202);
  });
});
