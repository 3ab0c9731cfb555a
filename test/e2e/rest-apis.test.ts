// RestApi operations through the real AWS SDK: create/get/list/update/delete, AWS's defaults and
// exact error messages, per-region state, and that a rejected update changes nothing.

import {
  CreateRestApiCommand,
  DeleteRestApiCommand,
  GetModelsCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  UpdateRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
beforeAll(async () => {
  portico = await startTestPortico();
});
afterAll(() => portico.close());

describe('CreateRestApi', () => {
  it('answers 201 with AWS defaults: HEADER key source, EDGE ipv4 endpoint, 10-char ids', async () => {
    const api = await portico.client.send(new CreateRestApiCommand({ name: 'pets', description: 'a pet store' }));
    expect(api.$metadata.httpStatusCode).toBe(201);
    expect(api.id).toMatch(/^[a-z0-9]{10}$/);
    expect(api.rootResourceId).toMatch(/^[a-z0-9]{10}$/);
    expect(api.apiKeySource).toBe('HEADER');
    expect(api.disableExecuteApiEndpoint).toBe(false);
    expect(api.endpointConfiguration).toEqual({ types: ['EDGE'], ipAddressType: 'ipv4' });
    expect(api.binaryMediaTypes).toBeUndefined();
    expect(api.createdDate).toBeInstanceOf(Date);
  });

  it('creates the root resource and the default Empty and Error models (AWS: every new API has them)', async () => {
    const api = await portico.client.send(new CreateRestApiCommand({ name: 'models' }));
    const resources = await portico.client.send(new GetResourcesCommand({ restApiId: api.id }));
    expect(resources.items).toEqual([{ id: api.rootResourceId, path: '/' }]);
    const models = await portico.client.send(new GetModelsCommand({ restApiId: api.id }));
    expect(models.items?.map((m) => m.name)).toEqual(['Empty', 'Error']);
  });

  it('refuses an empty description with AWS message', async () => {
    await expect(portico.client.send(new CreateRestApiCommand({ name: 'x', description: '' }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Description cannot be an empty string',
    });
  });

  it('refuses several endpoint types', async () => {
    await expect(
      portico.client.send(new CreateRestApiCommand({ name: 'x', endpointConfiguration: { types: ['EDGE', 'REGIONAL'] } })),
    ).rejects.toMatchObject({ name: 'BadRequestException', message: 'Cannot create an api with multiple Endpoint Types.' });
  });

  it('refuses a minimum compression size out of range', async () => {
    await expect(portico.client.send(new CreateRestApiCommand({ name: 'x', minimumCompressionSize: 10485761 }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Invalid minimum compression size, must be between 0 and 10485760',
    });
  });
});

describe('GetRestApi', () => {
  it('answers 404 with `Invalid API identifier specified {account}:{id}` (AWS, ids case-sensitive)', async () => {
    const api = await portico.client.send(new CreateRestApiCommand({ name: 'case' }));
    const upper = api.id!.toUpperCase();
    const error = await portico.client.send(new GetRestApiCommand({ restApiId: upper })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NotFoundException', message: `Invalid API identifier specified 000000000000:${upper}` });
    expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(404);
  });

  it('keeps state per region', async () => {
    const api = await portico.client.send(new CreateRestApiCommand({ name: 'regional' }));
    await expect(portico.clientFor('eu-west-1').send(new GetRestApiCommand({ restApiId: api.id }))).rejects.toMatchObject({
      name: 'NotFoundException',
    });
  });
});

describe('GetRestApis', () => {
  it('pages with limit and position', async () => {
    const client = portico.clientFor('ap-south-1');
    for (const name of ['a', 'b', 'c']) await client.send(new CreateRestApiCommand({ name }));
    const first = await client.send(new GetRestApisCommand({ limit: 2 }));
    expect(first.items?.map((a) => a.name)).toEqual(['a', 'b']);
    expect(first.position).toBeDefined();
    const second = await client.send(new GetRestApisCommand({ limit: 2, position: first.position }));
    expect(second.items?.map((a) => a.name)).toEqual(['c']);
    expect(second.position).toBeUndefined();
  });
});

describe('UpdateRestApi', () => {
  it('applies patch operations including ~1 escaped binary media types', async () => {
    const api = await portico.client.send(new CreateRestApiCommand({ name: 'patch' }));
    const updated = await portico.client.send(
      new UpdateRestApiCommand({
        restApiId: api.id,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'renamed' },
          { op: 'add', path: '/binaryMediaTypes/image~1png', value: '' },
          { op: 'replace', path: '/apiKeySource', value: 'AUTHORIZER' },
        ],
      }),
    );
    expect(updated).toMatchObject({ name: 'renamed', binaryMediaTypes: ['image/png'], apiKeySource: 'AUTHORIZER' });
  });

  it('rejects an unknown op with AWS ValidationException and changes nothing', async () => {
    const api = await portico.client.send(new CreateRestApiCommand({ name: 'unchanged' }));
    const error = await portico.client
      .send(
        new UpdateRestApiCommand({
          restApiId: api.id,
          patchOperations: [
            { op: 'replace', path: '/name', value: 'changed' },
            { op: 'jump' as 'add', path: '/name', value: 'x' },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'jump' at 'updateRestApiInput.patchOperations.2.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]",
    });
    const after = await portico.client.send(new GetRestApiCommand({ restApiId: api.id }));
    expect(after.name).toBe('unchanged');
  });

  it('rejects a patch path that does not apply, leaving the API as it was', async () => {
    const api = await portico.client.send(new CreateRestApiCommand({ name: 'unchanged2' }));
    await expect(
      portico.client.send(
        new UpdateRestApiCommand({
          restApiId: api.id,
          patchOperations: [
            { op: 'replace', path: '/name', value: 'changed' },
            { op: 'replace', path: '/nope', value: 'x' },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'BadRequestException' });
    expect((await portico.client.send(new GetRestApiCommand({ restApiId: api.id }))).name).toBe('unchanged2');
  });
});

describe('DeleteRestApi', () => {
  it('answers 202 and the API is gone with its resources', async () => {
    const api = await portico.client.send(new CreateRestApiCommand({ name: 'doomed' }));
    const deleted = await portico.client.send(new DeleteRestApiCommand({ restApiId: api.id }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    await expect(portico.client.send(new GetResourcesCommand({ restApiId: api.id }))).rejects.toMatchObject({ name: 'NotFoundException' });
  });
});
